/**
 * The file URL of a bundle of `entry` (a module under `root`), built again whenever a source it
 * was built from changed, or undefined where it cannot be built or kept (the caller then loads
 * `entry` through tsx). Bundles are kept in `cacheDir`, by default `root/node_modules/.cache/flex-conformance`.
 */
export function bundledEntry(root: string, entry: string, cacheDir?: string): Promise<string | undefined>;
