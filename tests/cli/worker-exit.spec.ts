import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { journalFile } from '../../reports/journal';
import { bin, cleanEnv, expect, test, testCredentials } from './cli-fixtures';

/**
 * A run killed outright leaves no process behind holding ports: Playwright's workers (each with
 * its embedded mock listening on loopback) notice their runner is gone and exit at once, and the
 * runner notices the command that started it is gone.
 */

test.describe.configure({ timeout: 240_000 });

/** Child process ids of `pid`, optionally only those whose command line matches `pattern`. */
function children(pid: number, pattern?: string): number[] {
  try {
    const args = ['-P', String(pid), ...(pattern ? ['-f', pattern] : [])];
    return execFileSync('pgrep', args, { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The loopback ports these processes listen on, from `ss`. */
function listeningPorts(pids: readonly number[]): number[] {
  const lines = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' }).split('\n');
  return lines
    .filter((line) => pids.some((pid) => line.includes(`pid=${pid},`)))
    .map((line) => Number(/127\.0\.0\.1:(\d+)/.exec(line)?.[1]))
    .filter((port) => port > 0);
}

function alive(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether something still accepts connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function checksFinished(outDir: string, count: number): Promise<void> {
  const journal = join(outDir, journalFile);
  await expect
    .poll(
      () =>
        existsSync(journal)
          ? readFileSync(journal, 'utf8')
              .split('\n')
              .filter((line) => line.includes('"kind":"check"')).length
          : 0,
      { timeout: 150_000 },
    )
    .toBeGreaterThanOrEqual(count);
}

/** Starts a two-worker run on the embedded mock and waits until its workers are running checks. */
async function startRun(outDir: string) {
  const cli = spawn(
    process.execPath,
    [bin, 'run', '--grep', 'flex-flow', '--workers', '2', '--seed', '20260601', '--out', outDir],
    { env: cleanEnv(testCredentials), stdio: 'ignore' },
  );
  await checksFinished(outDir, 2);
  const [runner] = children(cli.pid ?? 0, '@playwright/test/cli');
  if (!runner) throw new Error('no Playwright runner under the command');
  const workers = children(runner);
  const ports = listeningPorts(workers);
  return { cli, runner, workers, ports };
}

test('SIGKILL of the flex-conformance command: runner and workers exit, their ports are free', async ({
  outDir,
}) => {
  const run = await startRun(outDir);
  expect(run.workers.length).toBeGreaterThan(0);
  expect(run.ports.length).toBeGreaterThan(0);
  run.cli.kill('SIGKILL');
  await expect.poll(() => alive([run.runner, ...run.workers]), { timeout: 10_000 }).toEqual([]);
  for (const port of run.ports) expect(await accepts(port), `port ${port}`).toBe(false);
});

test('SIGKILL of the command still leaves the report of what finished, marked incomplete', async ({
  outDir,
}) => {
  const run = await startRun(outDir);
  run.cli.kill('SIGKILL');
  await expect.poll(() => alive([run.runner]), { timeout: 10_000 }).toEqual([]);
  const report = JSON.parse(readFileSync(join(outDir, 'conformance.json'), 'utf8'));
  expect(report.verdict).toBe('incomplete');
  expect(report.incompleteReason).toMatch(/the flex-conformance command that started the run is gone/);
});

// The worker killed here is often the one verifying the Pact: its native library used to hold
// `process.exit` for twenty seconds, which is why an orphaned worker kills itself instead.
test("SIGKILL of Playwright's runner: its workers exit, their ports are free", async ({ outDir }) => {
  const run = await startRun(outDir);
  expect(run.ports.length).toBeGreaterThan(0);
  process.kill(run.runner, 'SIGKILL');
  await expect.poll(() => alive(run.workers), { timeout: 10_000 }).toEqual([]);
  for (const port of run.ports) expect(await accepts(port), `port ${port}`).toBe(false);
  run.cli.kill('SIGKILL');
});
