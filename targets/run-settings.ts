import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Selection } from '../reports/model';
import { defaultTimeoutMs } from './http/request-policy';
import type { TargetSpec } from './spec';
import { ConfigError } from './types';

/**
 * What started the Playwright run: `run` (`flex-conformance run`: the `conformance` project only,
 * the report printed), `selftest` (`flex-conformance selftest`), or `test` (`npx playwright test`
 * without the CLI: the project's own tests, the conformance checks on the embedded mock).
 */
export type RunMode = 'run' | 'selftest' | 'test';

/** What `flex-conformance selftest` tells its Playwright run (cli/selftest/playwright.config.ts). */
export interface SelftestSettings {
  /** The faults to run, one matrix entry each; empty: every fault in the catalog. */
  readonly faults: readonly string[];
  /** Where the command wrote the matrix's spec files (cli/selftest/matrix-files.ts). */
  readonly matrixDir?: string;
  /** Every check against every fault, instead of only the checks of the rules it trips. */
  readonly allChecks: boolean;
  /** Where the self-test's reporter writes the per-project outcomes (JSON). */
  readonly resultsFile?: string;
}

/**
 * What narrowed a partial run, as `run` worked it out before starting Playwright (cli/selection.ts).
 * The reporter adds how many checks the run held.
 */
export type RunSelection = Omit<Selection, 'checks' | 'suiteChecks'> & {
  /** Checks in the whole suite (listed when a filter narrowed the run). */
  readonly suiteChecks?: number;
  /** The rules the whole suite has checks for: the others are untested, not unselected. */
  readonly rulesWithChecks?: readonly string[];
};

/**
 * Settings of one conformance run. The CLI builds and checks them once (cli/settings-from-flags.ts);
 * Playwright's config, the worker fixtures and the reporter read them back with `readRunSettings`.
 */
export interface RunSettings {
  readonly mode: RunMode;
  readonly target: TargetSpec;
  /** The `--target` value as given (the report shows it). */
  readonly targetArg: string;
  /** Deliberate bugs the embedded mock starts with (names checked by the CLI). */
  readonly faults: readonly string[];
  /** fast-check seed: every property in the run uses it; a failure prints it with the path. */
  readonly seed: number;
  /** fast-check runs per property. */
  readonly runs: number;
  /** `--grep` values as given (rule ids, areas, title patterns); a recording keeps them for its replay. */
  readonly grep?: readonly string[];
  /** Where the reports go. */
  readonly outDir: string;
  /** Playwright's own output folder (attachments, Pact files): the run's own under the CLI; absent, Playwright's default place. */
  readonly artifactsDir?: string;
  /** Names everything the run creates (`flexconf-<run id>-…`). */
  readonly runId: string;
  /** `--account AC…`: the account a `twilio` run must land on (checked against the credentials). */
  readonly account?: string;
  /** `--record DIR`: cassettes of every exchange with the real account. */
  readonly recordDir?: string;
  /** `--max-requests N`: the request budget (the twilio target has a default, others none). */
  readonly maxRequests?: number;
  /** `--voice-number`: a phone number voice checks may call. */
  readonly voiceNumber?: string;
  /** `--sms-numbers`: two numbers of the account the inbound SMS checks point at the Flex Proxy Service and message. */
  readonly smsNumbers?: readonly string[];
  /** `--public-url`: the https URL of a tunnel to the call-out gateway, so the account can call the suite's stubs. */
  readonly publicUrl?: string;
  /** `--stub-port`: the loopback port of that gateway (the tunnel's target). */
  readonly stubPort?: number;
  /** A request without an answer after this long is abandoned. */
  readonly requestTimeoutMs: number;
  /** Shared by every process of the run: the request ledger, created resources, prerequisites. */
  readonly stateDir: string;
  readonly selftest?: SelftestSettings;
  /** `run`: a line per finished check as it finishes, failures with their evidence (`--progress`, or a terminal). */
  readonly progress?: boolean;
  /** `run` on a partial run (`--grep`, `--shard`, `--last-failed`, `--expected-failures`). */
  readonly selection?: RunSelection;
}

export const defaultSeed = 20260601;
export const defaultRuns = 25;

/**
 * The one environment variable run settings travel in, as JSON, from the CLI to Playwright's
 * runner, its workers and its reporter (each its own process).
 */
export const runSettingsVariable = 'FLEXCONF_SETTINGS';

/** The settings of `npx playwright test` without the CLI: the embedded mock, reports in test-results/. */
export function defaultRunSettings(): RunSettings {
  const runId = 'local';
  return {
    mode: 'test',
    target: { kind: 'mock' },
    targetArg: 'mock',
    faults: [],
    seed: defaultSeed,
    runs: defaultRuns,
    outDir: 'test-results/conformance',
    runId,
    requestTimeoutMs: defaultTimeoutMs,
    stateDir: join(tmpdir(), `flexconf-${runId}`),
  };
}

/** The environment of a child process that runs with `settings`. */
export function writeRunSettings(env: NodeJS.ProcessEnv, settings: RunSettings): NodeJS.ProcessEnv {
  return { ...env, [runSettingsVariable]: JSON.stringify(settings) };
}

/** The run's settings, as the CLI wrote them; the defaults when Playwright was started without it. */
export function readRunSettings(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const text = env[runSettingsVariable];
  if (!text) return defaultRunSettings();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`${runSettingsVariable} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError(`${runSettingsVariable} must be a JSON object of run settings`);
  const settings = { ...defaultRunSettings(), ...parsed } as RunSettings;
  if (!['run', 'selftest', 'test'].includes(settings.mode))
    throw new ConfigError(`${runSettingsVariable}: unknown mode "${String(settings.mode)}"`);
  if (!['mock', 'url', 'twilio', 'replay'].includes(settings.target?.kind))
    throw new ConfigError(`${runSettingsVariable}: no target`);
  return settings;
}
