import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { transformCacheDir } from '../../cli/selftest/settings';

/**
 * The runs the project starts itself (the self-test, the simulated account's, the bench) share the
 * transform cache of every other Playwright run on the machine: the folder Playwright itself uses,
 * read here from Playwright's internals, so an upgrade that moves it fails this test rather than
 * leaving those runs compiling everything again.
 */
const playwrightCacheDir = (): string => {
  const require = createRequire(import.meta.url);
  const common = require(
    join(require.resolve('playwright/package.json'), '..', 'lib', 'common', 'index.js'),
  ) as {
    cc: { cacheDir: string };
  };
  return common.cc.cacheDir;
};

test('the transform cache of the runs the project starts is Playwright’s own', () => {
  expect(transformCacheDir(process.env)).toBe(playwrightCacheDir());
});

test('a cache folder named in the environment is used, as Playwright uses it', () => {
  expect(transformCacheDir({ PLAYWRIGHT_TRANSFORM_CACHE_DIR: '/tmp/elsewhere' })).toBe('/tmp/elsewhere');
  expect(transformCacheDir({ PWTEST_CACHE_DIR: '/tmp/older-name' })).toBe('/tmp/older-name');
  expect(transformCacheDir({ PLAYWRIGHT_TRANSFORM_CACHE_DIR: '', PWTEST_CACHE_DIR: '/tmp/older-name' })).toBe(
    '/tmp/older-name',
  );
});
