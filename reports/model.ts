import type { Ambiguity, AppliesTo, Area, Severity, SourceQuote } from '../contracts/rules/types';

/** The shape of conformance.json (validated by reports/schema/conformance.schema.json). */
export type CheckStatus = 'passed' | 'failed' | 'skipped';
export type RuleStatus = CheckStatus | 'untested';

export interface ExchangeEvidence {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly responseBody: string;
  readonly durationMs: number;
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
  readonly skipReason?: string;
  /** What the target did where the documents are silent (`RULE-ID text`), from `recordObservation`. */
  readonly observations?: readonly string[];
  /** fast-check's counterexample replay data, when a property failed. */
  readonly counterexample?: { readonly seed: number; readonly path: string; readonly value?: string };
  readonly exchanges?: {
    readonly total: number;
    readonly byDomain?: Readonly<Record<string, number>>;
    readonly byApi?: Readonly<Record<string, number>>;
    readonly kept: readonly ExchangeEvidence[];
  };
  /** A command that replays just this check. */
  readonly replay: string;
  /** For a failed check with recorded requests: a `curl` command re-sending the request it failed on (its last before cleanup; credentials from the environment). */
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

export interface RequestTotals {
  readonly total: number;
  /** Requests per Twilio domain (flex-api, studio, taskrouter, …), summed over every check once. */
  readonly byDomain: Readonly<Record<string, number>>;
  /** Requests per API and operation (`flex-api /v1/FlexFlows create`), the keys rate limits use. */
  readonly byApi?: Readonly<Record<string, number>>;
}

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
  /** Set on a report made by `report merge`: the reports it combines. */
  readonly mergedFrom?: readonly MergedPart[];
  /** HTTP requests the checks sent to the target. */
  readonly requests: RequestTotals;
  /** `fail` when a `must` rule failed. */
  readonly verdict: 'pass' | 'fail';
  readonly totals: Totals;
  readonly rules: readonly RuleResult[];
}
