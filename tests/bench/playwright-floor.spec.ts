import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  emptySpecFiles,
  floorFolder,
  measurePlaywrightFloor,
  ranWholeShape,
  shapeOf,
} from '../../bench/playwright-floor';

const checks = [
  { specFile: 'suites/flex-flow/create.spec.ts' },
  { specFile: 'suites/flex-flow/create.spec.ts' },
  { specFile: 'suites/liquid/to-json.spec.ts' },
];

test('the shape of a run is its checks counted per spec file, with its workers', () => {
  expect(shapeOf(checks, 2)).toEqual({ checksPerSpecFile: [2, 1], workers: 2 });
});

test('the empty run has a plain JavaScript spec file per spec file and an empty test per check', () => {
  const files = emptySpecFiles({ checksPerSpecFile: [2, 1], workers: 1 });
  expect(files.map((file) => file.name)).toEqual(['file-1.spec.mjs', 'file-2.spec.mjs']);
  const [first] = files;
  expect(first?.text.split('\n').filter((line) => line.startsWith('test('))).toEqual([
    "test('check 1', () => {});",
    "test('check 2', () => {});",
  ]);
  expect(first?.text).toMatch(/^import \{ test \} from "file:\/\/.*@playwright\/test\/index\.mjs";$/m);
});

test('the floor’s files are kept in one folder per shape, so Playwright finds them compiled as it finds the suite’s', () => {
  const shape = { checksPerSpecFile: [2, 1], workers: 1 };
  const folder = floorFolder(shape);
  expect(floorFolder({ checksPerSpecFile: [2, 1], workers: 1 })).toBe(folder);
  expect(floorFolder({ ...shape, workers: 2 })).not.toBe(folder);
  expect(floorFolder({ ...shape, checksPerSpecFile: [1, 2] })).not.toBe(folder);
  expect(readdirSync(folder).sort()).toEqual(['file-1.spec.mjs', 'file-2.spec.mjs', 'playwright.config.mjs']);
  expect(readFileSync(join(folder, 'file-1.spec.mjs'), 'utf8')).toBe(emptySpecFiles(shape)[0]?.text);
});

test('Playwright alone runs every empty test of the shape on its workers, timed as the full run is', async () => {
  test.setTimeout(60_000);
  const floor = await measurePlaywrightFloor({ checksPerSpecFile: [2, 1], workers: 1 });
  expect({ checks: floor.checks, failed: floor.failed, workers: floor.workers }).toEqual({
    checks: 3,
    failed: 0,
    workers: 1,
  });
  expect(floor.startupMs + floor.checksMs + floor.teardownMs).toBe(floor.wallMs);
  expect(floor.startupMs).toBeGreaterThan(0);
  expect(floor.cpuSeconds).toBeGreaterThan(0);
  expect(floor.peakRssBytes).toBeGreaterThan(0);
});

test('a floor run that did not run every test of its shape, or had one fail, is refused', () => {
  const shape = { checksPerSpecFile: [2, 1], workers: 1 };
  const measured = {
    wallMs: 1000,
    startupMs: 500,
    checksMs: 400,
    teardownMs: 100,
    checks: 3,
    failed: 0,
    workers: 1,
    areas: [],
    peakRssBytes: 1,
    peakPssBytes: 1,
    cpuSeconds: 1,
  };
  expect(ranWholeShape(measured, shape)).toBe(measured);
  expect(() => ranWholeShape({ ...measured, checks: 2 }, shape)).toThrow(
    'Playwright alone ran 2 of its 3 empty tests (0 failed)',
  );
  expect(() => ranWholeShape({ ...measured, failed: 1 }, shape)).toThrow(
    'Playwright alone ran 3 of its 3 empty tests (1 failed)',
  );
});
