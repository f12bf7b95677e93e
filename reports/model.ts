import type { Ambiguity, AppliesTo, Area, Severity, SourceQuote } from '../contracts/rules/types';

/** The shape of conformance.json (validated by reports/schema/conformance.schema.json). */
export type CheckStatus = 'passed' | 'failed' | 'skipped';
/**
 * `untested`: no check in the suite names the rule. `not-selected`: checks exist, but the run's
 * selection (`--grep`, `--shard`, `--last-failed`) left them out.
 */
export type RuleStatus = CheckStatus | 'untested' | 'not-selected';

export interface ExchangeEvidence {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly responseBody: string;
  readonly durationMs: number;
  /** Its place (1-based) among every request the check sent, when only some were kept. */
  readonly sequence?: number;
}

export interface CheckResult {
  /** Playwright's test id: stable for a file, title and project; merges and request totals key on it. */
  readonly id?: string;
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly status: CheckStatus;
  readonly durationMs: number;
  readonly error?: string;
  /** Where the failing assertion is and what it compares: `suites/x.spec.ts:31: expect(created.status).toBe(201)`. */
  readonly failedAssertion?: string;
  readonly skipReason?: string;
  /** What the target did where the documents are silent (`RULE-ID text`), from `recordObservation`. */
  readonly observations?: readonly string[];
  /** Properties of the check that their time limit stopped early: cases run of cases asked (`3 of 8`). */
  readonly cutShort?: readonly string[];
  /** fast-check's counterexample replay data, when a property failed. */
  readonly counterexample?: { readonly seed: number; readonly path: string; readonly value?: string };
  readonly exchanges?: {
    readonly total: number;
    readonly byDomain?: Readonly<Record<string, number>>;
    readonly byApi?: Readonly<Record<string, number>>;
    readonly kept: readonly ExchangeEvidence[];
    /**
     * Index in `kept` of the exchange the failing assertion is about: the last response the check
     * had read when an assertion first failed (for a property, in its last failing run).
     */
    readonly failedOn?: number;
  };
  /** A command that replays just this check. */
  readonly replay: string;
  /** For a failed check with recorded requests: a `curl` command re-sending the request it failed on (`exchanges.failedOn`; credentials from the environment). */
  readonly curl?: string;
  /** The check could not reach the target (connection refused): it is reported skipped and the run incomplete. */
  readonly unreachable?: boolean;
}

export interface RuleResult {
  readonly id: string;
  readonly title: string;
  readonly area: Area;
  readonly severity: Severity;
  readonly statement: string;
  readonly sources: readonly SourceQuote[];
  readonly appliesTo?: AppliesTo;
  readonly ambiguity?: Ambiguity;
  /** Readings of the ambiguity the target was observed to follow. */
  readonly observedReadings: readonly string[];
  readonly status: RuleStatus;
  readonly checks: readonly CheckResult[];
}

export interface Totals {
  readonly rules: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly untested: number;
  /** Rules whose checks the selection left out (absent from reports written before selections were recorded). */
  readonly notSelected?: number;
}

/** One shard of a run split with `run --shard INDEX/TOTAL`. */
export interface ShardRef {
  readonly index: number;
  readonly total: number;
}

/** A report merged from shards (or separate runs) names what it was made of. */
export interface MergedPart {
  readonly shard: ShardRef | null;
  readonly seed: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly completeness: 'complete' | 'incomplete';
  readonly checks: number;
}

/**
 * What narrowed a partial run. Present only when something did: rules outside it are
 * `not-selected`, and the report says so wherever it gives the verdict.
 */
export interface Selection {
  /** `--grep` values as given (rule ids, areas, title patterns). */
  readonly grep?: readonly string[];
  /** `--last-failed`: the failed checks of the report it re-runs. */
  readonly lastFailed?: { readonly from: string; readonly checks: number };
  /** `--shard INDEX/TOTAL`. */
  readonly shard?: ShardRef;
  /** `--expected-failures FILE`: the rules whose failure it tolerates on this target. */
  readonly expectedFailures?: { readonly file: string; readonly rules: readonly string[] };
  /** Checks the selection holds, of the checks in the suite. */
  readonly checks: number;
  readonly suiteChecks: number;
}

export interface RequestTotals {
  readonly total: number;
  /** Requests per Twilio domain (flex-api, studio, taskrouter, …), summed over every check once. */
  readonly byDomain: Readonly<Record<string, number>>;
  /** Requests per API and operation (`flex-api /v1/FlexFlows create`), the keys rate limits use. */
  readonly byApi?: Readonly<Record<string, number>>;
}

export type Verdict = 'pass' | 'fail' | 'incomplete';

export interface ConformanceReport {
  readonly schemaVersion: 1;
  readonly suite: {
    readonly name: string;
    readonly version: string;
    readonly commit: string | null;
    /** SHA-256 of the canonical JSON of the rule catalog the run reported against. */
    readonly catalogSha256: string;
  };
  readonly target: {
    readonly kind: string;
    readonly url: string;
    readonly fingerprint: string | null;
    readonly faults: readonly string[];
  };
  readonly seed: number;
  readonly runs: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  /** `incomplete` when the run was interrupted or the target went away part-way. */
  readonly completeness: 'complete' | 'incomplete';
  /** Why the run is incomplete, in one sentence. */
  readonly incompleteReason?: string;
  /** Set on the report of one shard (`run --shard 2/3`). */
  readonly shard?: ShardRef;
  /** Set on a partial run: what narrowed it. */
  readonly selection?: Selection;
  /** Set on a report made by `report merge`: the reports it combines. */
  readonly mergedFrom?: readonly MergedPart[];
  /** HTTP requests the checks sent to the target. */
  readonly requests: RequestTotals;
  /** `fail` when a `must` rule failed; otherwise `incomplete` when the run did not finish, else `pass`. */
  readonly verdict: Verdict;
  readonly totals: Totals;
  readonly rules: readonly RuleResult[];
}
