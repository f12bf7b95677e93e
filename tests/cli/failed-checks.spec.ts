import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceReport } from '../../reports/model';
import { cleanEnv, expect, runCli, test } from './cli-fixtures';

/**
 * A check that fails under `flex-conformance run` does not end its worker: Playwright otherwise
 * starts a new one (loading Playwright and the suite again) after every failure, and a run against
 * a broken implementation paid that start-up for each failed check.
 */

// a run of its own: about 6 s alone, up to 30 s beside the rest of npm test
test.describe.configure({ timeout: 120_000 });

const workerStartLog = fileURLToPath(new URL('./worker-start-log.cjs', import.meta.url));

test('a run whose checks fail keeps the one worker it started, and reports every failure', async ({
  outDir,
}) => {
  const log = join(outDir, 'workers.log');
  const result = await runCli(
    [
      'run',
      '--fault',
      'flexflow-stores-refused-create',
      '--grep',
      'FLEXFLOW-CREATE-REQUIRES',
      '--workers',
      '1',
      '--out',
      outDir,
    ],
    cleanEnv({ NODE_OPTIONS: `--require ${workerStartLog}`, WORKER_START_LOG: log }),
  );
  expect(result.code, result.stdout + result.stderr).toBe(1);
  const report = JSON.parse(readFileSync(join(outDir, 'conformance.json'), 'utf8')) as ConformanceReport;
  const statuses = report.rules.flatMap((rule) => rule.checks.map((check) => check.status));
  expect(statuses.filter((status) => status === 'failed').length).toBeGreaterThanOrEqual(2);
  expect(statuses).toContain('passed');
  expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
});
