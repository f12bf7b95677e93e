import { mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { bundledEntry } from '../../cli/bundled-cli.mjs';
import { scratchDir } from '../scratch';

/**
 * The CLI starts from a bundle of its sources, used only while every source it was built from has
 * the content it had then; where no bundle can be built or kept, `bundledEntry` says so and the CLI
 * loads its sources through tsx.
 */

interface Project {
  readonly root: string;
  readonly entry: string;
  readonly cacheDir: string;
  write(file: string, source: string): void;
}

const test = base.extend<{ project: Project }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  project: async ({}, use) => {
    const root = scratchDir('bundled-cli');
    const write = (file: string, source: string) => {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), source);
    };
    write(
      'cli/main.ts',
      [
        "import { fileURLToPath } from 'node:url';",
        "import { greeting } from './greeting';",
        'export const main = (): string => greeting;',
        'export const source = (): string => fileURLToPath(import.meta.url);',
      ].join('\n'),
    );
    write('cli/greeting.ts', "export const greeting: string = 'hello';\n");
    await use({
      root,
      entry: join(root, 'cli', 'main.ts'),
      cacheDir: join(root, 'node_modules', '.cache', 'flex-conformance'),
      write,
    });
    rmSync(root, { recursive: true, force: true });
  },
});

async function load(url: string | undefined): Promise<{ main(): string; source(): string }> {
  expect(url, 'a bundle was built').toBeDefined();
  return import(url as string);
}

test('the bundle runs the entry, and import.meta.url still names each source file', async ({ project }) => {
  const bundle = await load(await bundledEntry(project.root, project.entry));
  expect(bundle.main(), 'what the bundled entry returns').toBe('hello');
  expect(bundle.source(), 'the file import.meta.url names in the bundle').toBe(project.entry);
});

test('unchanged sources start from the same bundle without building it again', async ({ project }) => {
  const first = await bundledEntry(project.root, project.entry);
  const builtAt = statSync(join(project.cacheDir, 'manifest.json')).mtimeMs;
  const second = await bundledEntry(project.root, project.entry);
  expect(second, 'the bundle of the second start').toBe(first);
  expect(statSync(join(project.cacheDir, 'manifest.json')).mtimeMs, 'when the manifest was written').toBe(
    builtAt,
  );
});

test('a changed source is bundled again: the next start runs the new code', async ({ project }) => {
  const before = await bundledEntry(project.root, project.entry);
  project.write('cli/greeting.ts', "export const greeting: string = 'hellO';\n");
  const after = await bundledEntry(project.root, project.entry);
  expect(after, 'the bundle after a one-letter change of an imported module').not.toBe(before);
  expect((await load(after)).main(), 'what the new bundle returns').toBe('hellO');
});

test('a source added to the imports is bundled and watched from then on', async ({ project }) => {
  project.write('cli/farewell.ts', "export const farewell: string = 'bye';\n");
  project.write(
    'cli/greeting.ts',
    "import { farewell } from './farewell';\nexport const greeting: string = 'hello ' + farewell;\n",
  );
  expect(
    (await load(await bundledEntry(project.root, project.entry))).main(),
    'what the entry returns with the added module',
  ).toBe('hello bye');
  project.write('cli/farewell.ts', "export const farewell: string = 'ciao';\n");
  expect(
    (await load(await bundledEntry(project.root, project.entry))).main(),
    'after a change of the added module only',
  ).toBe('hello ciao');
});

test('a source that does not compile gives no bundle, so the CLI loads its sources through tsx', async ({
  project,
}) => {
  project.write('cli/greeting.ts', "export const greeting: string = 'hello\n");
  expect(
    await bundledEntry(project.root, project.entry),
    'the bundle of sources with a syntax error',
  ).toBeUndefined();
});

test('a bundle that cannot be written gives none, so the CLI loads its sources through tsx', async ({
  project,
}) => {
  writeFileSync(join(project.root, 'node_modules'), 'a file where the cache folder would go');
  expect(
    await bundledEntry(project.root, project.entry),
    'the bundle where none can be written',
  ).toBeUndefined();
});

test('a kept bundle whose file is gone is built again', async ({ project }) => {
  const first = (await bundledEntry(project.root, project.entry)) as string;
  rmSync(new URL(first));
  const again = await bundledEntry(project.root, project.entry);
  expect(again, 'the bundle after its file was deleted').toBe(first);
  expect(statSync(new URL(again as string)).isFile(), 'the bundle file exists again').toBe(true);
  expect(pathToFileURL(project.cacheDir).href, 'where bundles are kept').toBe(
    new URL('.', first).href.replace(/\/$/, ''),
  );
});

test('a root reached through a symbolic link is bundled too', async ({ project }) => {
  const link = `${project.root}-link`;
  symlinkSync(project.root, link);
  try {
    const bundle = await load(await bundledEntry(link, join(link, 'cli', 'main.ts')));
    expect(bundle.source(), 'the file import.meta.url names: the real path').toBe(project.entry);
  } finally {
    rmSync(link, { force: true });
  }
});
