import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCassetteMeta } from '../targets/cassette/format';
import { defaultTimeoutMs } from '../targets/http/request-policy';
import { defaultStubPort } from '../targets/public-url/gateway';
import { checkPublicUrl } from '../targets/public-url/validate';
import { defaultRuns, defaultSeed, type RunMode, type RunSettings } from '../targets/run-settings';
import { parseTargetSpec, type TargetSpec } from '../targets/spec';
import { ConfigError } from '../targets/types';
import { readInteger } from './args';

/** The values `--seed` and `--runs` take, for every command that passes them on to a run. */
export const seedRange = [-(2 ** 31), 2 ** 31 - 1] as const;
export const runsRange = [1, 100_000] as const;

/** The flags of `run` (and the few `selftest` shares) as given, before they are checked. */
export interface RunFlags {
  readonly target?: string;
  readonly grep?: readonly string[];
  readonly runs?: string;
  readonly seed?: string;
  readonly out?: string;
  readonly fault?: readonly string[];
  readonly account?: string;
  readonly record?: string;
  readonly 'max-requests'?: string;
  readonly 'voice-number'?: string;
  readonly 'sms-numbers'?: string;
  readonly 'public-url'?: string;
  readonly 'stub-port'?: string;
  /** `run --progress`: a line per finished check even when stdout is not a terminal. */
  readonly progress?: boolean;
  /** `run --quiet`: no line per check, only the summary, even on a terminal. */
  readonly quiet?: boolean;
}

/**
 * Variables of the caller's environment that shape a run without a flag: `FLEXCONF_REQUEST_TIMEOUT_MS`
 * (a request unanswered after this long is abandoned) and `FLEXCONF_PW_OUTPUT` (Playwright's own
 * output folder). Read here, once, into the run settings.
 */
function environmentInputs(env: NodeJS.ProcessEnv) {
  return {
    requestTimeoutMs: readInteger(
      env.FLEXCONF_REQUEST_TIMEOUT_MS,
      'FLEXCONF_REQUEST_TIMEOUT_MS',
      defaultTimeoutMs,
      1,
      600_000,
    ),
    ...(env.FLEXCONF_PW_OUTPUT ? { artifactsDir: resolve(env.FLEXCONF_PW_OUTPUT) } : {}),
  };
}

/**
 * Checks the flags once and turns them into the run's settings: every later reader (Playwright's
 * config, the workers, the reporter) takes them as they are.
 */
export async function settingsFromFlags(
  flags: RunFlags,
  run: { readonly mode: RunMode; readonly runId: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunSettings> {
  const targetArg = flags.target ?? 'mock';
  const target = parseTargetSpec(targetArg);
  const stateDir = join(tmpdir(), `flexconf-${run.runId}`);
  const inputs = environmentInputs(env);
  const faults = [...(flags.fault ?? [])];
  const unknown = faults.length > 0 ? await firstUnknownFault(faults) : undefined;
  if (unknown !== undefined)
    throw new ConfigError(`unknown fault "${unknown}" (list them with: flex-conformance mock --list-faults)`);
  if (faults.length > 0 && target.kind !== 'mock')
    throw new ConfigError('--fault applies to the mock target only');
  const settings: RunSettings = {
    mode: run.mode,
    target,
    targetArg,
    faults,
    seed: readInteger(flags.seed, '--seed', defaultSeed, ...seedRange),
    runs: readInteger(flags.runs, '--runs', defaultRuns, ...runsRange),
    ...(flags.grep?.length ? { grep: [...flags.grep] } : {}),
    outDir: resolve(flags.out ?? 'reports/out'),
    runId: run.runId,
    stateDir,
    ...inputs,
    // Playwright empties its output folder as it starts: runs sharing one delete each other's Pact files
    artifactsDir: inputs.artifactsDir ?? join(stateDir, 'playwright'),
    ...progressSetting(flags),
    ...realAccountSettings(flags, target),
  };
  return target.kind === 'replay' ? withRecordedRun(settings, target.dir) : settings;
}

/** Progress lines by default only on a terminal (Playwright's `list` reporter does the same with its colours). */
function progressSetting(flags: RunFlags) {
  if (flags.progress && flags.quiet) throw new ConfigError('--progress and --quiet contradict each other');
  if (flags.progress === undefined && flags.quiet === undefined)
    return process.stdout.isTTY ? { progress: true } : {};
  return flags.progress ? { progress: true } : {};
}

/** `--account`, `--record`, `--max-requests`, `--voice-number`, `--sms-numbers`, `--public-url`, `--stub-port`, checked against the target they apply to. */
function realAccountSettings(flags: RunFlags, target: TargetSpec) {
  const account = flags.account || undefined;
  if (account !== undefined && !/^AC[0-9a-fA-F]{32}$/.test(account))
    throw new ConfigError(`--account must be AC followed by 32 hexadecimal digits (got "${account}")`);
  if (account !== undefined && target.kind !== 'twilio')
    throw new ConfigError('--account applies to --target twilio');
  const recordDir = flags.record || undefined;
  if (recordDir !== undefined && target.kind !== 'twilio')
    throw new ConfigError('--record records a real account: use it with --target twilio');
  const voiceNumber = flags['voice-number'] || undefined;
  if (voiceNumber !== undefined && !/^\+[1-9]\d{7,14}$/.test(voiceNumber))
    throw new ConfigError(
      `--voice-number must be an E.164 number such as +14155550100 (got "${voiceNumber}")`,
    );
  const smsNumbers = flags['sms-numbers'] ? checkSmsNumbers(flags['sms-numbers'], target) : undefined;
  const publicUrl = flags['public-url'] ? checkPublicUrl(flags['public-url']) : undefined;
  if (publicUrl !== undefined && target.kind !== 'twilio')
    throw new ConfigError(
      '--public-url applies to --target twilio (other targets call the suite on loopback)',
    );
  if (flags['stub-port'] && publicUrl === undefined)
    throw new ConfigError('--stub-port is the port --public-url tunnels to: give --public-url too');
  const stubPort = readInteger(flags['stub-port'], '--stub-port', defaultStubPort, 1, 65_535);
  const maxRequests = flags['max-requests']
    ? readInteger(flags['max-requests'], '--max-requests', 0, 1, 10_000_000)
    : undefined;
  return {
    ...(account ? { account } : {}),
    ...(recordDir ? { recordDir: resolve(recordDir) } : {}),
    ...(voiceNumber ? { voiceNumber } : {}),
    ...(smsNumbers ? { smsNumbers } : {}),
    ...(publicUrl ? { publicUrl, stubPort } : {}),
    ...(maxRequests ? { maxRequests } : {}),
  };
}

/** `--sms-numbers A,B`: two different E.164 numbers, for a real account (other targets add their own). */
function checkSmsNumbers(value: string, target: TargetSpec): readonly [string, string] {
  if (target.kind !== 'twilio')
    throw new ConfigError(
      '--sms-numbers applies to --target twilio (other targets add the numbers they message)',
    );
  const numbers = value.split(',').map((number) => number.trim());
  if (numbers.length !== 2 || numbers.some((number) => !/^\+[1-9]\d{7,14}$/.test(number)))
    throw new ConfigError(
      `--sms-numbers must be two E.164 numbers separated by a comma, such as +14155550101,+14155550102 (got "${value}")`,
    );
  const [first, second] = numbers as [string, string];
  if (first === second)
    throw new ConfigError(`--sms-numbers must be two different numbers (got ${first} twice)`);
  return [first, second];
}

/** A replay repeats the recorded run: its seed, run id (the names it sent), property runs and selection. */
function withRecordedRun(settings: RunSettings, dir: string): RunSettings {
  const meta = readCassetteMeta(dir);
  const grep = settings.grep ?? meta.grep;
  return {
    ...settings,
    seed: meta.seed,
    runs: meta.runs,
    runId: meta.runId,
    ...(grep?.length ? { grep: [...grep] } : {}),
  };
}

/** The first name that is no fault of the mock. The fault layer is loaded only when a run names faults: most runs start without it. */
async function firstUnknownFault(names: readonly string[]): Promise<string | undefined> {
  const { isFaultName } = await import('../mock/faults');
  return names.find((name) => !isFaultName(name));
}
