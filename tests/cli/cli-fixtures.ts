import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { scratchDir } from '../scratch';

export { expect };

const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(root, 'cli', 'bin.mjs');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Credentials the CLI tests run with: distinctive, so a leak into output is easy to find. */
export const testCredentials = {
  TWILIO_ACCOUNT_SID: `AC${'5eed'.repeat(8)}`,
  TWILIO_AUTH_TOKEN: 'tok-DO-NOT-PRINT-7f3a9c',
};

/**
 * Environment without any Twilio credentials or run settings inherited from the caller (a child
 * run keeps Playwright's output in a folder of its own, as every CLI run does).
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TWILIO_') && !key.startsWith('FLEXCONF_') && !key.startsWith('PLAYWRIGHT_'))
      env[key] = value;
  }
  return { ...env, ...extra };
}

/** What a child process printed, and its exit code, once it has closed its output. */
export function finished(child: ChildProcess): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI as a child process; past `killAfterMs` (if given) it is killed, code null: a hang fails, never lingers. */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = cleanEnv(),
  killAfterMs?: number,
): Promise<CliResult> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  try {
    return await finished(child);
  } finally {
    clearTimeout(timer);
  }
}

/** A usage error is one line on stderr, exit code 2, and never a stack trace. */
export function expectUsageError(result: { code: number | null; stderr: string }, mentions: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^flex-conformance: /);
  expect(result.stderr).toMatch(mentions);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** `flex-conformance mock` as a child process, with the URL it printed. */
export interface ServedMock {
  readonly url: string;
  readonly output: () => string;
}

export const test = base.extend<{ outDir: string; servedMock: ServedMock }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  outDir: async ({}, use) => {
    await use(scratchDir('cli'));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  servedMock: async ({}, use) => {
    const mock = await startMockProcess();
    await use(mock);
    mock.child.kill('SIGTERM');
  },
});

/** `flex-conformance mock --port 0 [args]` with the test credentials, once it prints its URL. */
export async function startMockProcess(
  args: readonly string[] = [],
): Promise<ServedMock & { child: ChildProcess }> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'mock', '--port', '0', ...args], {
    cwd: root,
    env: cleanEnv(testCredentials),
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] && output.includes('credentials')) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`mock exited ${code}: ${output}`)));
  });
  return { url, output: () => output, child };
}
