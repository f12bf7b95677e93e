#!/usr/bin/env node
// Entry point of `flex-conformance`: runs the TypeScript CLI through tsx.
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

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

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
