#!/usr/bin/env node
// Entry point of `flex-conformance`: runs the TypeScript CLI bundled into one module (cli/bundled-cli.mjs),
// or through tsx where the bundle cannot be built or kept.
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledEntry } from './bundled-cli.mjs';
import { enableCompileCache } from './compile-cache.mjs';

// A reader that stops early (`flex-conformance rules | head`) is no error: stop writing, say nothing.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

// Playwright compiles TypeScript itself, except under node_modules: installed as a package, the
// Playwright runner and its workers (child processes of this one) load tsx as this process does.
if (
  fileURLToPath(import.meta.url)
    .split(sep)
    .includes('node_modules')
) {
  process.env.NODE_OPTIONS =
    `${process.env.NODE_OPTIONS ?? ''} --import ${import.meta.resolve('tsx')}`.trim();
}

const root = fileURLToPath(new URL('..', import.meta.url));
enableCompileCache(root);
const bundle = await bundledEntry(root, fileURLToPath(new URL('./main.ts', import.meta.url)));
const { main } = bundle ? await import(bundle) : await throughTsx();
process.exitCode = await main(process.argv.slice(2));

async function throughTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('./main.ts');
}
