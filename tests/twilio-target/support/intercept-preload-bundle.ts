import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * intercept-twilio-preload.ts as one JavaScript file, the path to `--import` into every process of
 * a CLI run under test. As TypeScript it needed `--import tsx` in each of them, and tsx's loader
 * hooks then compiled the Playwright runner's and workers' sources too, in place of Playwright's
 * cached transform. Bundled once per process that imports this (nock left to node_modules), and
 * kept under its content's hash in node_modules/.cache, where `nock` resolves.
 */
export const interceptPreload = await bundled();

async function bundled(): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('./intercept-twilio-preload.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const [output] = outputFiles;
  if (!output) throw new Error('esbuild wrote no bundle of the intercept preload');
  const dir = fileURLToPath(new URL('../../../node_modules/.cache/flex-conformance', import.meta.url));
  const hash = createHash('sha256').update(output.contents).digest('hex').slice(0, 16);
  const file = join(dir, `intercept-twilio-preload-${hash}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, output.contents);
    renameSync(partial, file);
  }
  return file;
}
