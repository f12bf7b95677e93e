import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListedCheck } from '../cli/list-checks';
import { type FullRunFigures, measurePlaywrightRun } from './full-run';

/** The full run's shape: how many checks each of its spec files holds, and its workers. */
export interface RunShape {
  readonly checksPerSpecFile: readonly number[];
  readonly workers: number;
}

/** The shape of the conformance checks as the CLI lists them, run on `workers` workers. */
export function shapeOf(checks: readonly Pick<ListedCheck, 'specFile'>[], workers: number): RunShape {
  const perFile = new Map<string, number>();
  for (const check of checks) perFile.set(check.specFile, (perFile.get(check.specFile) ?? 0) + 1);
  return { checksPerSpecFile: [...perFile.values()], workers };
}

/**
 * The spec files of a Playwright run in this shape with nothing in it: plain JavaScript, one empty
 * test per check, no fixture, no import but Playwright's.
 */
export function emptySpecFiles(shape: RunShape): Array<{ readonly name: string; readonly text: string }> {
  const playwright = JSON.stringify(import.meta.resolve('@playwright/test'));
  return shape.checksPerSpecFile.map((checks, file) => ({
    name: `file-${file + 1}.spec.mjs`,
    text: [
      `import { test } from ${playwright};`,
      ...Array.from({ length: checks }, (_, check) => `test('check ${check + 1}', () => {});`),
      '',
    ].join('\n'),
  }));
}

/**
 * Playwright alone in the full run's shape: its runner and workers, the same number of spec files
 * and tests, the tests empty. What the full run cannot go below however cheap its checks were: the
 * wall time, CPU and memory of the runner that `flex-conformance run` is built on, on this machine.
 * The tests share out over the workers as the full run's do on the mock (a file's tests together).
 */
export async function measurePlaywrightFloor(shape: RunShape): Promise<FullRunFigures> {
  const folder = floorFolder(shape);
  const scratch = mkdtempSync(join(tmpdir(), 'flexconf-bench-floor-'));
  try {
    const figures = await measurePlaywrightRun({
      cwd: folder,
      env: process.env,
      args: ['-c', join(folder, configFile), '--reporter=json', `--output=${join(scratch, 'artifacts')}`],
      jsonFile: join(scratch, 'results.json'),
    });
    return ranWholeShape(figures, shape);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const configFile = 'playwright.config.mjs';

/**
 * The folder of the floor's spec files and configuration, named after their content, written once
 * and kept: Playwright compiles even plain JavaScript spec files, and keeps what it compiled by
 * path, so a folder of its own each time would add compiling the full run (whose files Playwright
 * has compiled before) does not pay.
 */
export function floorFolder(shape: RunShape): string {
  const config = { testMatch: '*.spec.mjs', fullyParallel: false, workers: shape.workers };
  const files = [
    ...emptySpecFiles(shape),
    { name: configFile, text: `export default ${JSON.stringify(config)};\n` },
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update('\0').update(file.text).update('\0');
  const folder = join(tmpdir(), `flexconf-bench-floor-${hash.digest('hex').slice(0, 16)}`);
  mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const path = join(folder, file.name);
    if (existsSync(path)) continue;
    // written whole, then renamed: a bench reading the folder at the same time sees all or nothing
    writeFileSync(`${path}.${process.pid}`, file.text);
    renameSync(`${path}.${process.pid}`, path);
  }
  return folder;
}

/** The figures of a floor run that ran every test of its shape, all passing: a floor measured on fewer tests is no floor. */
export function ranWholeShape(figures: FullRunFigures, shape: RunShape): FullRunFigures {
  const tests = shape.checksPerSpecFile.reduce((sum, checks) => sum + checks, 0);
  if (figures.checks !== tests || figures.failed > 0)
    throw new Error(
      `Playwright alone ran ${figures.checks} of its ${tests} empty tests (${figures.failed} failed)`,
    );
  return figures;
}
