// The CLI's TypeScript as one ES module, built by esbuild and kept under node_modules/.cache, so
// that a start-up loads one file instead of compiling every module of the CLI through tsx's loader
// (about 0.3 s before a command runs, against 0.15 s). Plain JavaScript: it runs before any loader.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Changes whenever the build below does, so that a bundle built otherwise is not used. */
const buildVersion = 1;
const keptBundles = 4;
const loaders = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/**
 * The file URL of a bundle of `entry` (a module under `root`), built again whenever a source it
 * was built from changed (by content), or undefined where it cannot be built or kept: the caller
 * then loads `entry` through tsx. `import.meta.url` keeps naming each source file, so paths the
 * CLI finds from it (templates, the package root) are the same bundled or not.
 */
export async function bundledEntry(
  root,
  entry,
  cacheDir = join(root, 'node_modules', '.cache', 'flex-conformance'),
) {
  try {
    // esbuild names sources by their real paths: a root reached through a symbolic link is resolved too
    const realRoot = realpathSync(root);
    return current(realRoot, cacheDir) ?? (await build(realRoot, entry, cacheDir));
  } catch {
    return undefined;
  }
}

/** The bundle the manifest names, when every source it lists still has the content it was built from. */
function current(root, cacheDir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cacheDir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.buildVersion !== buildVersion) return undefined;
  let sources;
  try {
    sources = manifest.inputs.map((input) => [input, readFileSync(join(root, input))]);
  } catch {
    return undefined;
  }
  if (digestOf(sources) !== manifest.hash) return undefined;
  const bundle = join(cacheDir, manifest.bundle);
  return statSync(bundle, { throwIfNoEntry: false })?.isFile() ? pathToFileURL(bundle).href : undefined;
}

async function build(root, entry, cacheDir) {
  const esbuild = await import('esbuild');
  try {
    return await buildWith(esbuild, root, entry, cacheDir);
  } finally {
    // esbuild's service process would otherwise live as long as the command does
    await esbuild.stop();
  }
}

async function buildWith(esbuild, root, entry, cacheDir) {
  /** Each source as esbuild read it, so the manifest describes exactly what the bundle holds. */
  const read = new Map();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'sources-as-read',
        setup(builder) {
          builder.onLoad({ filter: /.*/ }, (args) => {
            const contents = readFileSync(args.path);
            read.set(relative(root, args.path), contents);
            const source = contents.toString('utf8');
            return {
              contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: loaders[extname(args.path)] ?? 'js',
            };
          });
        },
      },
    ],
  });
  const inputs = [...read.keys()].sort();
  if (inputs.some((input) => input.startsWith('..') || resolve(root, input) === input)) return undefined;
  const digest = digestOf(inputs.map((input) => [input, read.get(input)]));
  const bundle = `cli-${digest.slice(0, 16)}.mjs`;
  mkdirSync(cacheDir, { recursive: true });
  replaceFile(join(cacheDir, bundle), result.outputFiles[0].contents);
  replaceFile(
    join(cacheDir, 'manifest.json'),
    `${JSON.stringify({ buildVersion, hash: digest, bundle, inputs }, null, 2)}\n`,
  );
  pruneOlderBundles(cacheDir, bundle);
  return pathToFileURL(join(cacheDir, bundle)).href;
}

/** SHA-256 over each source's path and content, in the order given. */
function digestOf(sources) {
  const hash = createHash('sha256');
  for (const [path, contents] of sources) hash.update(path).update('\0').update(contents).update('\0');
  return hash.digest('hex');
}

/** Written whole or not at all: CLIs started together may build at once. */
function replaceFile(path, contents) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

/**
 * The newest few bundles stay: a CLI that read an older manifest may be loading its bundle now.
 * Best effort: another CLI may be pruning the same folder.
 */
function pruneOlderBundles(cacheDir, kept) {
  const bundles = readdirSync(cacheDir)
    .filter((name) => /^cli-[0-9a-f]{16}\.mjs$/.test(name) && name !== kept)
    .map((name) => ({
      name,
      mtimeMs: statSync(join(cacheDir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0,
    }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of bundles.slice(keptBundles - 1)) rmSync(join(cacheDir, name), { force: true });
}
