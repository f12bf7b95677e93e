import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultListingCacheDir } from '../../../cli/listing-cache';
import { type TwilioTargetOptions, twilioTarget } from '../../../targets/twilio/target';
import type { Credentials, Target } from '../../../targets/types';
import { transformCacheDir } from '../../nested-runs';
import { scratchDir } from '../../scratch';
import { interceptPreload } from './intercept-preload-bundle';
import { stagingAccountSid, stagingAuthToken, type Tunnel } from './simulated-twilio';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

export const stagingCredentials: Credentials = {
  accountSid: stagingAccountSid,
  username: stagingAccountSid,
  password: stagingAuthToken,
  kind: 'auth-token',
};

/** A loopback port nothing listens on now (for the run's call-out gateway, `--stub-port`). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `--public-url` and `--stub-port` of a run whose account tunnels to the suite. */
export function tunnelArgs(tunnel: Tunnel): string[] {
  return ['--public-url', tunnel.publicUrl, '--stub-port', String(tunnel.stubPort)];
}

export { scratchDir };

/** The twilio target on the simulated staging account, with its own request ledger. */
export function stagingTarget(options: Partial<TwilioTargetOptions> = {}): Target {
  return twilioTarget({
    credentials: stagingCredentials,
    stateDir: scratchDir('state'),
    maxRequests: 1000,
    timeoutMs: 10_000,
    ...options,
  });
}

/**
 * The temporary folder of the runs this worker starts. A run keeps what it changes on a number of
 * the account (its original URL, the lock of the processes using it) in the temporary folder, keyed
 * by account and number, and every simulated account has the same account SID and numbers: runs
 * started by different workers at the same time must not see each other's. The caches of listings
 * and compiled sources stay shared.
 */
let workerTmpDir: string | undefined;
function runsTmpEnv(): NodeJS.ProcessEnv {
  workerTmpDir ??= scratchDir('runs');
  return {
    TMPDIR: workerTmpDir,
    FLEXCONF_LISTING_CACHE_DIR: defaultListingCacheDir(),
    PLAYWRIGHT_TRANSFORM_CACHE_DIR: transformCacheDir(),
  };
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `flex-conformance …` in a child process whose every process (the CLI, Playwright, its workers)
 * answers Twilio's hosts from the simulated account and reaches nothing beyond loopback.
 */
export function startCli(
  args: readonly string[],
  simulatorUrl: string | undefined,
  env: NodeJS.ProcessEnv = {},
) {
  const child = spawn(process.execPath, [join(root, 'cli/bin.mjs'), ...args], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      TWILIO_ACCOUNT_SID: stagingAccountSid,
      TWILIO_AUTH_TOKEN: stagingAuthToken,
      TWILIO_API_KEY: '',
      TWILIO_API_SECRET: '',
      NODE_OPTIONS: `--import ${interceptPreload}`,
      FLEXCONF_SIMULATED_TWILIO: simulatorUrl ?? '',
      ...runsTmpEnv(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString('utf8');
  });
  running.add(child);
  const done = new Promise<CliResult>((resolve) => {
    child.on('exit', (code) => {
      running.delete(child);
      resolve({ code, ...output });
    });
  });
  return { child, output, done };
}

const running = new Set<ChildProcess>();

/** A run that outlives its test (the test timed out) is ended with everything it started. */
export function stopStrayRuns(): void {
  for (const child of running) killGroup(child, 'SIGKILL');
}

export function runCli(
  args: readonly string[],
  simulatorUrl: string | undefined,
  env: NodeJS.ProcessEnv = {},
) {
  return startCli(args, simulatorUrl, env).done;
}

/** Ends the CLI and everything it started (Playwright and its workers share its process group). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Resolves once `predicate` holds, polling; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
