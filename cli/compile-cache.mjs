// Node's compile cache (Node 22.1 and later) for the CLI and every process it starts: the code Node
// compiles (Playwright, the CLI's bundle, the suites as Playwright hands them to Node) is kept on
// disk and read back on the next start instead of being compiled again. Node 20 has no such cache.
import module from 'node:module';
import { join } from 'node:path';

/**
 * Turns the cache on for this process and, through NODE_COMPILE_CACHE, for the processes it
 * starts (the Playwright runner, its workers). Kept in `root/node_modules/.cache/flex-conformance/compile`,
 * unless NODE_COMPILE_CACHE names another folder or NODE_DISABLE_COMPILE_CACHE turns it off.
 * Where the folder cannot be written, Node compiles as it would without it. Returns the folder in
 * use, or undefined where there is none.
 */
export function enableCompileCache(root, env = process.env, node = module) {
  if (typeof node.enableCompileCache !== 'function' || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  env.NODE_COMPILE_CACHE ||= join(root, 'node_modules', '.cache', 'flex-conformance', 'compile');
  node.enableCompileCache(env.NODE_COMPILE_CACHE);
  return env.NODE_COMPILE_CACHE;
}
