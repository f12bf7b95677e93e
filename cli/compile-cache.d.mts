/**
 * Turns Node's compile cache (Node 22.1 and later) on for this process and, through
 * NODE_COMPILE_CACHE in `env`, for the processes it starts; kept under
 * `root/node_modules/.cache/flex-conformance/compile` unless NODE_COMPILE_CACHE names another
 * folder. Undefined (nothing changed) on a Node without the cache or with NODE_DISABLE_COMPILE_CACHE set.
 */
export function enableCompileCache(
  root: string,
  env?: NodeJS.ProcessEnv,
  node?: { enableCompileCache?: (directory: string) => unknown },
): string | undefined;
