import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { brokenRule, expect, readReport, runCli, test } from './report-fixtures';

/**
 * The console of `run`: a line per finished check while it runs (on request, or on a terminal),
 * failures with what was checked, sent, answered and how to replay them, the selection of a
 * partial run; and `--last-failed`, which runs again the failures of the report in --out.
 */

test.describe.configure({ timeout: 300_000 });

const progressLine = /^[✓✘-] \[\s*\d+\/\d+\] suites\/\S+\.spec\.ts:\d+ › /m;

test('piped to a file, a run prints no line per check, only the summary', async ({ brokenRun }) => {
  expect(brokenRun.stdout).not.toMatch(progressLine);
  expect(brokenRun.stdout).toMatch(/^verdict: FAIL/m);
});

test('the console ends the run with its wall time, from the command’s start to its reports', async ({
  brokenRun,
}) => {
  const seconds = Number(
    /^time: (\d+\.\d) s, from the command's start to its reports$/m.exec(brokenRun.stdout)?.[1],
  );
  expect(seconds, 'the printed wall time in seconds').toBeGreaterThan(0);
  expect(
    seconds * 1000,
    'the printed wall time against the run’s own duration in its report',
  ).toBeGreaterThanOrEqual(brokenRun.report.durationMs - 50);
});

test("a failed rule's console lines say what was checked, what was sent, what came back and how to replay it", async ({
  brokenRun,
}) => {
  const lines = brokenRun.stdout.split('\n');
  const head = lines.findIndex((line) => line.startsWith(`  failed must   ${brokenRule}: `));
  expect(head, brokenRun.stdout).toBeGreaterThanOrEqual(0);
  const details = lines.slice(head + 1, head + 9).join('\n');
  expect(details).toMatch(/^ {6}check: {3}suites\/flex-flow\/\S+\.spec\.ts:\d+ › /m);
  expect(details).toMatch(/^ {6}failed: {2}\S/m);
  expect(details).toMatch(/^ {6}at: {6}suites\/flex-flow\/\S+\.spec\.ts:\d+: expect\(/m);
  expect(details).toMatch(/^ {6}sent: {4}POST \/v1\/FlexFlows\S* /m);
  expect(details).toMatch(/^ {6}got: {5}\d{3} /m);
  expect(details).toMatch(
    /^ {6}replay: {2}npx flex-conformance run --grep .* --fault flexflow-retrycount-off-by-one --seed -?\d+$/m,
  );
});

test('a --grep run records its selection and says so on the console: rules outside it are not selected', async ({
  brokenRun,
}) => {
  const { report } = brokenRun;
  expect(report.selection?.grep).toEqual(['flex-flow']);
  expect(report.selection?.checks).toBeLessThan(report.selection?.suiteChecks ?? 0);
  expect(report.totals.notSelected).toBeGreaterThan(0);
  expect(
    report.rules.filter((rule) => rule.area === 'send-to-flex').map((rule) => rule.status),
  ).not.toContain('passed');
  expect(brokenRun.stdout).toMatch(
    /^PARTIAL RUN: --grep flex-flow — \d+ of \d+ checks; \d+ rules not selected$/m,
  );
});

test('each failed check keeps the exchange its failing assertion was about, and the curl re-sends it', async ({
  brokenRun,
}) => {
  const failed = brokenRun.report.rules
    .flatMap((rule) => rule.checks)
    .filter((check) => check.status === 'failed' && (check.exchanges?.total ?? 0) > 0);
  expect(failed.length).toBeGreaterThan(0);
  for (const check of failed) {
    const exchange = check.exchanges?.kept[check.exchanges.failedOn ?? -1];
    expect(exchange, check.title).toBeDefined();
    expect(check.curl, check.title).toContain(`-X ${exchange?.method} `);
  }
});

test('--progress prints a line per finished check, and a failure with its evidence as it happens', async ({
  runsDir,
}) => {
  const result = await runCli([
    'run',
    '--grep',
    'FLEXFLOW-CREATE-RETURNS-201',
    '--fault',
    'flexflow-create-returns-200',
    '--seed',
    '20260601',
    '--workers',
    '1',
    '--progress',
    '--out',
    join(runsDir, 'progress'),
  ]);
  expect(result.code).toBe(1);
  const checks = readReport(join(runsDir, 'progress')).selection?.checks ?? 0;
  const progress = result.stdout.split('\n').filter((line) => progressLine.test(line));
  expect(progress.map((line) => /\[\s*(\d+)\//.exec(line)?.[1])).toEqual(
    Array.from({ length: checks }, (_, i) => String(i + 1)),
  );
  const firstFailure = result.stdout.indexOf('✘ [');
  const summary = result.stdout.indexOf('FAIL flex-flow');
  expect(firstFailure).toBeGreaterThan(-1);
  expect(firstFailure).toBeLessThan(summary);
  const block = result.stdout.slice(firstFailure, summary);
  expect(block).toMatch(/^ {4}rule: {4}FLEXFLOW-CREATE-RETURNS-201 \(must\) /m);
  expect(block).toMatch(/^ {4}sent: {4}POST \/v1\/FlexFlows /m);
  expect(block).toMatch(/^ {4}got: {5}200 /m);
  expect(block).toMatch(/^ {4}replay: {2}npx flex-conformance run --grep /m);
});

test('--last-failed runs again exactly the checks that failed in the report in --out, with its seed', async ({
  brokenRun,
  runsDir,
}) => {
  const dir = join(runsDir, 'last-failed');
  cpSync(brokenRun.dir, dir, { recursive: true });
  const failed = new Set(
    brokenRun.report.rules.flatMap((rule) =>
      rule.checks.filter((c) => c.status === 'failed').map((c) => c.id),
    ),
  );
  const result = await runCli([
    'run',
    '--last-failed',
    '--fault',
    'flexflow-retrycount-off-by-one',
    '--out',
    dir,
  ]);
  expect(result.code, result.stderr).toBe(1);
  const again = readReport(dir);
  expect(again.seed).toBe(brokenRun.report.seed);
  expect(again.selection?.lastFailed).toEqual({ from: join(dir, 'conformance.json'), checks: failed.size });
  expect(new Set(again.rules.flatMap((rule) => rule.checks.map((check) => check.id)))).toEqual(failed);
  expect(again.rules.find((rule) => rule.id === brokenRule)?.status).toBe('failed');
});
