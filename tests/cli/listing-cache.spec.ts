import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ListingCache } from '../../cli/listing-cache';
import { scratchDir } from '../scratch';

/**
 * A kept listing of the checks is used only while nothing it depends on changed: the sources
 * Playwright loads to list them, and the filters (with a test list's content).
 */

const test = base.extend<{ root: string; cacheDir: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  root: async ({}, use) => {
    const root = scratchDir('listing-root');
    mkdirSync(join(root, 'suites', 'area'), { recursive: true });
    mkdirSync(join(root, 'reports', 'out'), { recursive: true });
    writeFileSync(join(root, 'suites', 'area', 'a.spec.ts'), "test('a', () => {});\n");
    writeFileSync(join(root, 'playwright.config.ts'), 'export default {};\n');
    await use(root);
    rmSync(root, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  cacheDir: async ({}, use) => {
    const dir = scratchDir('listing-cache');
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

const listing = [{ file: 'suites/area/a.spec.ts', specFile: 'suites/area/a.spec.ts', title: 'a', rules: [] }];

test('a listing is read back for the same sources and filters', ({ root, cacheDir }) => {
  new ListingCache(root, cacheDir).write(['--grep', 'X'], listing);
  expect(new ListingCache(root, cacheDir).read(['--grep', 'X'])).toEqual(listing);
});

test('an empty listing is kept too', ({ root, cacheDir }) => {
  new ListingCache(root, cacheDir).write(['--grep', 'nothing'], []);
  expect(new ListingCache(root, cacheDir).read(['--grep', 'nothing'])).toEqual([]);
});

test('other filters do not read it', ({ root, cacheDir }) => {
  new ListingCache(root, cacheDir).write(['--grep', 'X'], listing);
  const cache = new ListingCache(root, cacheDir);
  expect(cache.read(['--grep', 'XY'])).toBeUndefined();
  expect(cache.read([])).toBeUndefined();
  expect(cache.read(['--grep', 'X', '--shard', '1/2'])).toBeUndefined();
});

test('a changed spec file, a new source file or a changed config makes it stale', ({ root, cacheDir }) => {
  const changes = [
    () => writeFileSync(join(root, 'suites', 'area', 'a.spec.ts'), "test('b', () => {});\n"),
    () => writeFileSync(join(root, 'suites', 'area', 'helper.ts'), 'export const x = 1;\n'),
    () => writeFileSync(join(root, 'playwright.config.ts'), 'export default { grep: /x/ };\n'),
  ];
  for (const [index, change] of changes.entries()) {
    new ListingCache(root, cacheDir).write([], listing);
    change();
    expect(new ListingCache(root, cacheDir).read([]), `change ${index}`).toBeUndefined();
  }
});

test('reports written under an out folder do not make it stale', ({ root, cacheDir }) => {
  new ListingCache(root, cacheDir).write([], listing);
  writeFileSync(join(root, 'reports', 'out', 'conformance.json'), '{}\n');
  expect(new ListingCache(root, cacheDir).read([])).toEqual(listing);
});

test("a test list's content is part of the key, not only its path", ({ root, cacheDir }) => {
  const testList = join(root, 'last-failed.txt');
  writeFileSync(testList, '[conformance] › a\n');
  new ListingCache(root, cacheDir).write(['--test-list', testList], listing);
  writeFileSync(testList, '[conformance] › b\n');
  expect(new ListingCache(root, cacheDir).read(['--test-list', testList])).toBeUndefined();
});
