import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
 * The spec files of a Playwright run in this shape with nothing in it: plain JavaScript (nothing
 * for Playwright to compile), one empty test per check, no fixture, no import but Playwright's.
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
  const scratch = mkdtempSync(join(tmpdir(), 'flexconf-bench-floor-'));
  try {
    for (const file of emptySpecFiles(shape)) writeFileSync(join(scratch, file.name), file.text);
    const config = join(scratch, 'playwright.config.mjs');
    writeFileSync(
      config,
      `export default ${JSON.stringify({ testDir: scratch, testMatch: '*.spec.mjs', fullyParallel: false, workers: shape.workers, outputDir: join(scratch, 'artifacts') })};\n`,
    );
    const figures = await measurePlaywrightRun({
      cwd: scratch,
      env: process.env,
      args: ['-c', config, '--reporter=json'],
      jsonFile: join(scratch, 'results.json'),
    });
    return ranWholeShape(figures, shape);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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
