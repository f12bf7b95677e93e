import type { FullRunFigures } from './full-run';
import type { RoundTripFigures } from './round-trip';
import type { RuleRunFigures } from './rule-run';
import type { ThroughputFigures } from './throughput';

/** Everything `npm run bench` measured, as printed and written with `--json`. */
export interface BenchFigures {
  readonly measuredAt: string;
  readonly node: string;
  readonly cpus: number;
  /** 1-minute load average when the bench started: other work on the machine skews the figures. */
  readonly loadAverage: number;
  readonly loadAverageAtEnd: number;
  /**
   * The machine's pace at the start and at the end: milliseconds a fixed CPU workload took
   * (bench/machine-pace.ts; null if it could not be timed, absent from figures written before).
   */
  readonly paceMs?: number | null;
  readonly paceAtEndMs?: number | null;
  readonly fullRun: FullRunFigures | null;
  /**
   * Playwright alone in the full run's shape (its spec files and tests, empty; its workers),
   * measured alternately with it: the floor under the full run's time and memory (absent with
   * `--skip-full-run` and from figures written before).
   */
  readonly playwrightFloor?: FullRunFigures | null;
  /** Absent with `--skip-full-run`, which skips the suite's runs (and from figures written before). */
  readonly ruleRun?: RuleRunFigures | null;
  readonly roundTrip: RoundTripFigures;
  readonly throughput: ThroughputFigures;
  /** Only with `--staging`: the simulated staging run takes minutes. */
  readonly staging: StagingFigures | null;
}

/** `npm run bench:staging`'s figures (its `--json` file). */
export interface StagingFigures {
  readonly wallMs: number;
  /** The requests the account saw ÷ the account's limit per second: no paced run can be faster. */
  readonly floorMs: number;
  /**
   * The largest of the account floor and each API's own (its requests ÷ its documented limit per
   * second): the floor that binds, and the API that sets it (absent from figures written before).
   */
  readonly bindingFloorMs?: number;
  readonly bindingApi?: string;
  readonly exitCode: number | null;
  readonly verdict: string;
  readonly requests: number;
  readonly cleanupRequests: number;
  readonly budget: number;
  readonly loggedByAccount: number;
  readonly accountBusiestSecond: number;
  readonly accountLimitPerSecond: number;
  readonly overLimit: readonly string[];
  readonly apis: ReadonlyArray<{
    readonly api: string;
    readonly requests: number;
    readonly busiestSecond: number;
    readonly limitPerSecond: number;
  }>;
  /** `must` rules the run skipped, with the reason (absent from figures written before they were kept). */
  readonly mustSkipped?: readonly string[];
  /** Of those, the ones whose reason names no option the bench left out. */
  readonly mustSkippedWithoutReason?: readonly string[];
  /** `must` rules the catalog keeps off a real account, with its reason. */
  readonly mustNotOnTarget?: readonly string[];
  /**
   * Checks whose property its time limit stopped before the cases `--runs` asks for, with the
   * cases run (absent from figures written before they were kept): the wall time covers less work.
   */
  readonly cutShort?: readonly string[];
}
