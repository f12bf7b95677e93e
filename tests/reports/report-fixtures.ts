import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { ConformanceReport } from '../../reports/model';
import { cleanEnv } from '../cli/cli-fixtures';

export { expect } from '@playwright/test';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'cli', 'bin.mjs');

/**
 * Every run in these tests uses these credentials: the mock accepts them, and the token is
 * distinctive so that a leak into any output byte is found (redaction.spec.ts).
 */
export const canaryCredentials = {
  TWILIO_ACCOUNT_SID: `AC${'c0ffee42'.repeat(4)}`,
  TWILIO_AUTH_TOKEN: 'ReDaCtMe-canary-token-7Q2xZ9',
} as const;

/** The subset of the suite the report tests run: quick, and with fast-check properties. */
export const subset = ['--grep', 'flex-flow', '--seed', '20260601', '--workers', '1'];
export const brokenFault = 'flexflow-retrycount-off-by-one';
export const brokenRule = 'FLEXFLOW-RETRYCOUNT-RANGE';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningCli {
  readonly child: ChildProcess;
  readonly done: Promise<CliResult>;
}

/** `flex-conformance …` as a child process with the canary credentials, its own Playwright output folder. */
export function startCli(args: readonly string[], artifactsDir?: string): RunningCli {
  const env = cleanEnv({
    ...canaryCredentials,
    ...(artifactsDir ? { FLEXCONF_PW_OUTPUT: artifactsDir } : {}),
  });
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<CliResult>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], artifactsDir?: string): Promise<CliResult> {
  return startCli(args, artifactsDir).done;
}

/** A finished `flex-conformance run`: its report directory, exit code and console output. */
export interface CliRun extends CliResult {
  readonly dir: string;
  /** Where Playwright kept the run's own artifacts (searched for leaks too). */
  readonly artifactsDir: string;
  readonly report: ConformanceReport;
}

export function readReport(dir: string): ConformanceReport {
  return JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
}

/**
 * Runs `flex-conformance run ARGS --out <runs>/<name>` once per test run, shared by every worker:
 * the first worker to ask runs it, the others wait for its result. Runs live in the Playwright
 * output folder (cleared when a test run starts), under the runner's process id.
 */
async function sharedRun(runsDir: string, name: string, args: readonly string[]): Promise<CliRun> {
  const dir = join(runsDir, name);
  const artifactsDir = join(runsDir, `${name}-artifacts`);
  const resultFile = join(runsDir, `${name}.result.json`);
  mkdirSync(runsDir, { recursive: true });
  let owner = true;
  try {
    mkdirSync(join(runsDir, `${name}.lock`));
  } catch {
    owner = false;
  }
  if (owner) {
    const result = await runCli(['run', ...args, '--out', dir], artifactsDir);
    writeFileSync(resultFile, JSON.stringify(result));
  } else {
    const deadline = Date.now() + 240_000;
    while (!existsSync(resultFile)) {
      if (Date.now() > deadline) throw new Error(`the shared run ${name} did not finish`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as CliResult;
  if (!existsSync(join(dir, 'conformance.json')))
    throw new Error(`run ${name} wrote no report (exit ${result.code}): ${result.stderr}${result.stdout}`);
  return { ...result, dir, artifactsDir, report: readReport(dir) };
}

interface ReportRuns {
  /** Where this test run keeps its CLI runs. */
  runsDir: string;
  /** `run --grep flex-flow` against the clean mock. */
  cleanRun: CliRun;
  /** The same against the mock with a deliberately broken RetryCount range. */
  brokenRun: CliRun;
  /** The broken run split in three (`--shard 1/3` … `3/3`). */
  brokenShards: readonly CliRun[];
}

export const test = base.extend<object, ReportRuns>({
  runsDir: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
    async ({}, use, workerInfo) => {
      await use(join(workerInfo.project.outputDir, `report-runs-${process.ppid}`));
    },
    { scope: 'worker' },
  ],
  cleanRun: [
    async ({ runsDir }, use) => {
      await use(await sharedRun(runsDir, 'clean', subset));
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  brokenRun: [
    async ({ runsDir }, use) => {
      await use(await sharedRun(runsDir, 'broken', [...subset, '--fault', brokenFault]));
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  brokenShards: [
    async ({ runsDir }, use) => {
      const shards: CliRun[] = [];
      for (const index of [1, 2, 3])
        shards.push(
          await sharedRun(runsDir, `broken-shard-${index}`, [
            ...subset,
            '--fault',
            brokenFault,
            '--shard',
            `${index}/3`,
          ]),
        );
      await use(shards);
    },
    { scope: 'worker', timeout: 300_000 },
  ],
});
