import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { transformCacheDir } from '../nested-runs';

/**
 * The simulated account's runs, started with a TMPDIR of their own, are told Playwright's transform
 * cache folder: the one Playwright itself uses, read here from Playwright's internals, so an upgrade
 * that moves it fails this test rather than leaving those runs compiling the suite again.
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

test('the transform cache folder child runs are told is Playwright’s own', () => {
  expect(transformCacheDir(process.env)).toBe(playwrightCacheDir());
});

test('a cache folder named in the environment is used, as Playwright uses it', () => {
  expect(transformCacheDir({ PLAYWRIGHT_TRANSFORM_CACHE_DIR: '/tmp/elsewhere' })).toBe('/tmp/elsewhere');
  expect(transformCacheDir({ PWTEST_CACHE_DIR: '/tmp/older-name' })).toBe('/tmp/older-name');
  expect(transformCacheDir({ PLAYWRIGHT_TRANSFORM_CACHE_DIR: '', PWTEST_CACHE_DIR: '/tmp/older-name' })).toBe(
    '/tmp/older-name',
  );
});
