import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'cli', 'bin.mjs');

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

/** Environment without any Twilio credentials or run settings inherited from the caller. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TWILIO_') && !key.startsWith('FLEXCONF_') && !key.startsWith('PLAYWRIGHT_'))
      env[key] = value;
  }
  return { ...env, ...extra };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `flex-conformance mock` as a child process, with the URL it printed. */
export interface ServedMock {
  readonly url: string;
  readonly output: () => string;
}

export const test = base.extend<{ outDir: string; servedMock: ServedMock }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  outDir: async ({}, use) => {
    await use(mkdtempSync(join(tmpdir(), 'flexconf-cli-')));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  servedMock: async ({}, use) => {
    const child: ChildProcess = spawn(process.execPath, [bin, 'mock', '--port', '0'], {
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
    await use({ url, output: () => output });
    child.kill('SIGTERM');
  },
});
