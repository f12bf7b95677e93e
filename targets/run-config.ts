import { isFaultName } from '../mock/faults';
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
  return {
    target,
    targetArg,
    faults,
    seed: readInteger(env.FLEXCONF_SEED, '--seed', defaultSeed, -(2 ** 31), 2 ** 31 - 1),
    runs: readInteger(env.FLEXCONF_RUNS, '--runs', defaultRuns, 1, 100_000),
    outDir: env.FLEXCONF_OUT ?? 'reports/out',
    runId: env.FLEXCONF_RUN_ID ?? 'local',
  };
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
