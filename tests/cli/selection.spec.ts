import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../reports/build';
import type { ConformanceReport } from '../../reports/model';
import { suiteFacts } from '../../reports/suite-facts';
import { writeReports } from '../../reports/write';
import { cleanEnv, expect, expectUsageError, runCli, test } from './cli-fixtures';

/**
 * What a run selects, checked before anything runs or is written: `--list` prints it, a selection
 * of nothing is a usage error, `--last-failed` needs a previous report with failures.
 */

test.describe.configure({ timeout: 120_000 });

test('--list prints the checks a rule id selects, with their rules, and opens no target', async () => {
  // An unreachable URL target and no credentials: listing needs neither.
  const result = await runCli([
    'run',
    '--list',
    '--grep',
    'FLEXFLOW-CREATE-RETURNS-201',
    '--target',
    'http://127.0.0.1:9',
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^\d+ checks verifying 1 rule$/);
  for (const line of lines.slice(0, -1))
    expect(line).toMatch(/^suites\/\S+\.spec\.ts:\d+ › .+ {2}\[[^\]]*FLEXFLOW-CREATE-RETURNS-201[^\]]*\]$/);
  expect(lines.some((line) => line.startsWith('suites/flex-flow/create.spec.ts:'))).toBe(true);
});

test('a --grep run runs exactly the checks --list prints, those a helper declares for a spec file included', async ({
  outDir,
}) => {
  // LIQUID-ATTRIBUTES-RENDERED has checks declared by suites/every-trigger.ts for its spec file
  const grep = ['--grep', 'LIQUID-ATTRIBUTES-RENDERED', '--grep', 'FLEXFLOW-URL-ABSOLUTE', '--runs', '1'];
  const listed = await runCli(['run', '--list', ...grep]);
  const listedTitles = listed.stdout
    .trim()
    .split('\n')
    .slice(0, -1)
    .map((line) => withoutSpecFile(line.replace(/^\S+:\d+ › /, '').replace(/ {2}\[[^\]]*\]$/, '')));
  expect(listedTitles.length, 'checks listed').toBeGreaterThan(2);
  const run = await runCli(['run', ...grep, '--out', outDir], cleanEnv());
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(outDir, 'conformance.json'), 'utf8')) as ConformanceReport;
  const ranTitles = new Set(
    report.rules.flatMap((rule) => rule.checks.map((check) => withoutSpecFile(check.title))),
  );
  expect([...ranTitles].sort(), 'checks the run reported').toEqual([...new Set(listedTitles)].sort());
});

/** A check's title without the spec file it starts with (the report's titles have it; `--list` may not). */
const withoutSpecFile = (title: string) => title.replace(/^suites\/\S+\.spec\.ts › /, '');

test('--list of a selection that holds no check is a usage error', async () => {
  expectUsageError(
    await runCli(['run', '--list', '--grep', 'no check has this in its title']),
    /selection holds no check/,
  );
});

test('a run whose selection holds no check is a usage error that leaves the previous report alone', async ({
  outDir,
}) => {
  const previous = join(outDir, 'conformance.json');
  writeFileSync(previous, '{"previous":"report"}');
  expectUsageError(
    await runCli(['run', '--grep', 'no check has this in its title', '--out', outDir]),
    /--grep no check has this in its title selects no check: nothing to run/,
  );
  expect(readFileSync(previous, 'utf8')).toBe('{"previous":"report"}');
});

test('--last-failed without a previous report in --out is a usage error', async ({ outDir }) => {
  expectUsageError(await runCli(['run', '--last-failed', '--out', outDir]), /--last-failed: .*no such file/);
});

test('--last-failed on a report without a failed check is a usage error: nothing to re-run', async ({
  outDir,
}) => {
  const now = new Date();
  writeReports(
    buildReport([], {
      suite: suiteFacts(),
      target: { kind: 'mock', url: 'mock', fingerprint: null, faults: [] },
      seed: 1,
      runs: 25,
      startedAt: now,
      finishedAt: now,
      completeness: 'complete',
    }),
    outDir,
  );
  expectUsageError(
    await runCli(['run', '--last-failed', '--out', outDir], cleanEnv()),
    /has no failed check: nothing to re-run/,
  );
  expect(existsSync(join(outDir, 'index.html'))).toBe(true);
});

test('--progress and --quiet together are a usage error', async () => {
  expectUsageError(await runCli(['run', '--progress', '--quiet']), /--progress and --quiet contradict/);
});
