import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journalFile } from '../../reports/journal';
import { schemaErrors } from '../../reports/validate';
import { cleanEnv } from '../cli/cli-fixtures';
import { canaryCredentials, expect, readReport, root, startCli, subset, test } from './report-fixtures';

/**
 * A run that does not finish still leaves a report of what ran, marked incomplete: on Ctrl-C,
 * when Playwright itself is killed, and when the target goes away part-way.
 */

test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** Resolves once the run has finished `count` checks (they are journaled as they finish). */
async function checksFinished(outDir: string, count: number, { pollMs = 50 } = {}): Promise<void> {
  const timeoutMs = 90_000;
  const journal = join(outDir, journalFile);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(journal)) {
      const lines = readFileSync(journal, 'utf8').split('\n');
      if (lines.filter((line) => line.includes('"kind":"check"')).length >= count) return;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`fewer than ${count} checks finished in ${timeoutMs} ms`);
}

function expectIncompleteReport(outDir: string) {
  const report = readReport(outDir);
  expect(schemaErrors(report)).toEqual([]);
  expect(report.completeness).toBe('incomplete');
  const checks = new Set(report.rules.flatMap((rule) => rule.checks.map((check) => check.id)));
  expect(checks.size).toBeGreaterThanOrEqual(3);
  for (const file of ['index.html', 'junit.xml', 'summary.md', 'manifest.json'])
    expect(existsSync(join(outDir, file)), file).toBe(true);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('Incomplete run.');
  expect(readFileSync(join(outDir, 'summary.md'), 'utf8')).toContain('> **Incomplete:** ');
  expect(existsSync(join(outDir, journalFile))).toBe(false);
  return report;
}

// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
test('Ctrl-C part-way leaves an incomplete report of the checks that finished, exit 1', async ({}, testInfo) => {
  const out = testInfo.outputPath('interrupted');
  const run = startCli(['run', ...subset, '--out', out], testInfo.outputPath('artifacts'));
  await checksFinished(out, 3);
  run.child.kill('SIGINT');
  const result = await run.done;
  expect(result.code).toBe(1);
  const report = expectIncompleteReport(out);
  expect(report.incompleteReason).toMatch(/interrupted/);
  expect(result.stdout).toContain('INCOMPLETE');
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
test('Ctrl-C while the native Pact verifier runs stops the run at once, not after the verifier times out', async ({}, testInfo) => {
  const out = testInfo.outputPath('interrupted-pact');
  const run = startCli(
    ['run', '--grep', 'the target honours', '--seed', '20260601', '--workers', '1', '--out', out],
    testInfo.outputPath('artifacts'),
  );
  // polled closely: the next check's verification has just started when the first is journaled
  await checksFinished(out, 1, { pollMs: 5 });
  const interrupted = Date.now();
  run.child.kill('SIGINT');
  const result = await run.done;
  expect(result.code).toBe(1);
  // a stop takes about half a second; a worker waiting out the verifier's requests took 30 s
  expect(Date.now() - interrupted, 'ms from Ctrl-C to the end of the run').toBeLessThan(15_000);
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
test('Playwright killed outright still leaves an incomplete report, built from the journal', async ({}, testInfo) => {
  const out = testInfo.outputPath('killed');
  const run = startCli(['run', ...subset, '--out', out], testInfo.outputPath('artifacts'));
  await checksFinished(out, 3);
  const runner = execFileSync('pgrep', ['-P', String(run.child.pid), '-f', '@playwright/test/cli'], {
    encoding: 'utf8',
  }).trim();
  process.kill(Number(runner), 'SIGKILL');
  const result = await run.done;
  expect(result.code).toBe(1);
  const report = expectIncompleteReport(out);
  expect(report.incompleteReason).toMatch(/Playwright stopped \(exit 137\) before writing the report/);
  expect(result.stderr).toContain('incomplete report');
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
test('a target that dies part-way stops the run: the checks left are skipped with the reason, none failed, exit 1', async ({}, testInfo) => {
  const mock = spawn(process.execPath, [join(root, 'cli', 'bin.mjs'), 'mock', '--port', '0'], {
    cwd: root,
    env: cleanEnv(canaryCredentials),
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    mock.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    mock.on('exit', (code) => reject(new Error(`mock exited ${code}: ${output}`)));
  });
  const out = testInfo.outputPath('target-gone');
  const run = startCli(
    ['run', '--grep', 'flex-flow', '--seed', '20260601', '--workers', '2', '--target', url, '--out', out],
    testInfo.outputPath('artifacts'),
  );
  try {
    await checksFinished(out, 3);
  } finally {
    mock.kill('SIGKILL');
  }
  const result = await run.done;
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /stopping the run: the target stopped answering \(3 requests in a row could not reach it/,
  );
  const report = expectIncompleteReport(out);
  expect(report.verdict).toBe('incomplete');
  // the requests in flight when it died were reset or hung up (a keep-alive socket the dying target
  // closed), those sent after it refused
  expect(report.incompleteReason).toMatch(
    /^The run was stopped: the target stopped answering .*(ECONNREFUSED|ECONNRESET|socket hang up)/,
  );
  const checks = report.rules.flatMap((rule) => rule.checks);
  expect(checks.filter((check) => check.status === 'failed')).toEqual([]);
  const notRun = checks.filter((check) =>
    check.skipReason?.startsWith('not run: the target stopped answering'),
  );
  // The run did not drain: most of the selected checks never started.
  expect(notRun.length).toBeGreaterThan((report.selection?.checks ?? 0) / 2);
  for (const check of checks.filter((c) => c.unreachable)) {
    expect(check.status).toBe('skipped');
    expect(check.skipReason).toMatch(
      /^(not run: the target stopped answering|the target did not answer|interrupted: the target stopped answering)/,
    );
  }
});
