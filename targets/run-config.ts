import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isFaultName } from '../mock/faults';
import { readCassetteMeta } from './cassette';
import { defaultTimeoutMs } from './request-policy';
import { parseTargetSpec, type TargetSpec } from './spec';
import { ConfigError } from './types';

/**
 * Settings of one conformance run, passed from the CLI to Playwright's workers and reporter
 * through the environment (FLEXCONF_*), so `npx playwright test` alone behaves the same.
 */
export interface RunConfig {
  readonly target: TargetSpec;
  readonly targetArg: string;
  readonly faults: readonly string[];
  /** fast-check seed: every property in the run uses it; a failure prints it with the path. */
  readonly seed: number;
  /** fast-check runs per property. */
  readonly runs: number;
  readonly outDir: string;
  readonly runId: string;
  /** `--account AC…`: the account a `twilio` run must land on (checked against the credentials). */
  readonly account?: string;
  /** `--record DIR`: cassettes of every exchange with the real account. */
  readonly recordDir?: string;
  /** `--max-requests N`: the request budget (the twilio target has a default, others none). */
  readonly maxRequests?: number;
  /** `--voice-number`: a phone number voice checks may call. */
  readonly voiceNumber?: string;
  /** A request without an answer after this long is abandoned (FLEXCONF_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** Shared by every process of the run: the request ledger, created resources, prerequisites. */
  readonly stateDir: string;
}

export const defaultSeed = 20260601;
export const defaultRuns = 25;

export function readRunConfig(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const targetArg = env.FLEXCONF_TARGET ?? 'mock';
  const target = parseTargetSpec(targetArg);
  const faults = (env.FLEXCONF_FAULTS ?? '').split(',').filter(Boolean);
  for (const fault of faults) {
    if (!isFaultName(fault))
      throw new ConfigError(`unknown fault "${fault}" (list them with: flex-conformance mock --list-faults)`);
  }
  if (faults.length > 0 && target.kind !== 'mock')
    throw new ConfigError('--fault applies to the mock target only');
  const runId = env.FLEXCONF_RUN_ID ?? 'local';
  const config: RunConfig = {
    target,
    targetArg,
    faults,
    seed: readInteger(env.FLEXCONF_SEED, '--seed', defaultSeed, -(2 ** 31), 2 ** 31 - 1),
    runs: readInteger(env.FLEXCONF_RUNS, '--runs', defaultRuns, 1, 100_000),
    outDir: env.FLEXCONF_OUT ?? 'reports/out',
    runId,
    requestTimeoutMs: readInteger(
      env.FLEXCONF_REQUEST_TIMEOUT_MS,
      'FLEXCONF_REQUEST_TIMEOUT_MS',
      defaultTimeoutMs,
      1,
      600_000,
    ),
    stateDir: env.FLEXCONF_STATE || join(tmpdir(), `flexconf-${runId}`),
    ...readRealAccountSettings(env, target),
  };
  return target.kind === 'replay' ? withRecordedRun(config, target.dir) : config;
}

/** `--account`, `--record`, `--max-requests`, `--voice-number`, checked against the target they apply to. */
function readRealAccountSettings(env: NodeJS.ProcessEnv, target: TargetSpec) {
  const account = env.FLEXCONF_ACCOUNT || undefined;
  if (account !== undefined && !/^AC[0-9a-fA-F]{32}$/.test(account))
    throw new ConfigError(`--account must be AC followed by 32 hexadecimal digits (got "${account}")`);
  if (account !== undefined && target.kind !== 'twilio')
    throw new ConfigError('--account applies to --target twilio');
  const recordDir = env.FLEXCONF_RECORD || undefined;
  if (recordDir !== undefined && target.kind !== 'twilio')
    throw new ConfigError('--record records a real account: use it with --target twilio');
  const voiceNumber = env.FLEXCONF_VOICE_NUMBER || undefined;
  if (voiceNumber !== undefined && !/^\+[1-9]\d{7,14}$/.test(voiceNumber))
    throw new ConfigError(
      `--voice-number must be an E.164 number such as +14155550100 (got "${voiceNumber}")`,
    );
  const maxRequests = env.FLEXCONF_MAX_REQUESTS
    ? readInteger(env.FLEXCONF_MAX_REQUESTS, '--max-requests', 0, 1, 10_000_000)
    : undefined;
  return {
    ...(account ? { account } : {}),
    ...(recordDir ? { recordDir: resolve(recordDir) } : {}),
    ...(voiceNumber ? { voiceNumber } : {}),
    ...(maxRequests ? { maxRequests } : {}),
  };
}

/** A replay repeats the recorded run: its seed, run id (the names it sent) and property runs. */
function withRecordedRun(config: RunConfig, dir: string): RunConfig {
  const meta = readCassetteMeta(dir);
  return { ...config, seed: meta.seed, runs: meta.runs, runId: meta.runId };
}

export function readInteger(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(`${flag} must be an integer (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(`${flag} must be between ${min} and ${max} (got ${n})`);
  return n;
}
