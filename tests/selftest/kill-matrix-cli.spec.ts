import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { faults } from '../../mock/faults';
import { isKillMatrix, type KillMatrix, killMatrixFile } from '../../reports/kill-matrix';
import { cleanEnv, runCli } from '../cli/cli-fixtures';
import { scratchDir } from '../scratch';

/**
 * The suite's evidence of sensitivity, end to end: `flex-conformance selftest` runs every check
 * against the clean mock and each fault's checks against the mock with that fault (the full
 * matrix, fixed seed, fewer property runs than a conformance run). One test, because the matrix
 * takes a minute or more to build: each observable is a step with a soft assertion.
 */

const propertyRuns = '10';

test('flex-conformance selftest kills every fault of the catalog and keeps the clean mock green', async () => {
  test.setTimeout(600_000);
  const out = scratchDir('selftest');
  const result = await runCli(['selftest', '--out', out, '--runs', propertyRuns], cleanEnv());
  const output = `${result.stdout}\n${result.stderr}`;
  const parsed: unknown = JSON.parse(readFileSync(join(out, killMatrixFile), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  expect(isKillMatrix(parsed), output).toBe(true);
  const matrix = parsed as KillMatrix;

  await test.step('the clean mock passes every check', () => {
    expect.soft(matrix.clean, output).toEqual({ verdict: 'pass', failedRules: [] });
  });

  await test.step('the matrix lists every fault of the catalog with the rules it trips', () => {
    expect
      .soft(matrix.faults.map((fault) => [fault.name, fault.trips]))
      .toEqual(faults.map((fault) => [fault.name, [...fault.trips]]));
  });

  await test.step('every fault is killed: each rule it trips failed against it', () => {
    const survivors = matrix.faults
      .filter((fault) => !fault.killed)
      .map(
        (fault) =>
          `${fault.name}: trips ${fault.trips.join(', ')}; failed ${fault.failedRules.join(', ') || 'nothing'}`,
      );
    expect.soft(survivors, output).toEqual([]);
  });

  await test.step('the command exits 0 exactly when every fault is killed and the clean mock is green', () => {
    const passes = matrix.clean.verdict === 'pass' && matrix.faults.every((fault) => fault.killed);
    expect.soft(result.code, output).toBe(passes ? 0 : 1);
  });
});
