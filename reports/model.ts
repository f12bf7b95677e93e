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
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly status: CheckStatus;
  readonly durationMs: number;
  readonly error?: string;
  readonly skipReason?: string;
  /** fast-check's counterexample replay data, when a property failed. */
  readonly counterexample?: { readonly seed: number; readonly path: string; readonly value?: string };
  readonly exchanges?: {
    readonly total: number;
    readonly byDomain?: Readonly<Record<string, number>>;
    readonly kept: readonly ExchangeEvidence[];
  };
  /** A command that replays just this check. */
  readonly replay: string;
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

export interface ConformanceReport {
  readonly schemaVersion: 1;
  readonly suite: { readonly name: string; readonly version: string; readonly commit: string | null };
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
  /** `fail` when a `must` rule failed. */
  readonly verdict: 'pass' | 'fail';
  readonly totals: Totals;
  readonly rules: readonly RuleResult[];
}
