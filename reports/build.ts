import { catalog } from '../contracts/rules';
import type { RuleSpec } from '../contracts/rules/types';
import { catalogSha256 } from './manifest';
import type {
  CheckResult,
  ConformanceReport,
  MergedPart,
  RequestTotals,
  RuleResult,
  RuleStatus,
  Selection,
  ShardRef,
  Totals,
} from './model';

/** A finished test, reduced to what the report needs. */
export interface FinishedCheck extends CheckResult {
  readonly ruleIds: readonly string[];
  readonly readings: readonly string[];
}

export interface RunFacts {
  readonly suite: Omit<ConformanceReport['suite'], 'catalogSha256'>;
  readonly target: ConformanceReport['target'];
  readonly seed: number;
  readonly runs: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly completeness: ConformanceReport['completeness'];
  readonly incompleteReason?: string;
  readonly shard?: ShardRef;
  readonly mergedFrom?: readonly MergedPart[];
  /** What narrowed a partial run. */
  readonly selection?: Selection;
  /** On a partial run, the rules the whole suite has checks for: without a check in the run they are not selected, not untested. */
  readonly rulesWithChecks?: readonly string[];
}

/**
 * A rule fails if any check fails, passes if a check passed and none failed, is skipped if every
 * check skipped; without checks it is untested, or not selected when the suite has checks for it
 * that the run's selection left out.
 */
export function ruleStatus(checks: readonly CheckResult[], selectedOut = false): RuleStatus {
  if (checks.length === 0) return selectedOut ? 'not-selected' : 'untested';
  if (checks.some((check) => check.status === 'failed')) return 'failed';
  if (checks.some((check) => check.status === 'passed')) return 'passed';
  return 'skipped';
}

export function buildReport(
  checks: readonly FinishedCheck[],
  facts: RunFacts,
  rules: readonly RuleSpec[] = catalog,
): ConformanceReport {
  const byRule = new Map<string, FinishedCheck[]>();
  for (const check of checks) {
    for (const id of check.ruleIds) byRule.set(id, [...(byRule.get(id) ?? []), check]);
  }
  const rulesWithChecks = new Set(facts.selection ? (facts.rulesWithChecks ?? []) : []);
  const ruleResults: RuleResult[] = rules.map((rule) => {
    const ruleChecks = byRule.get(rule.id) ?? [];
    const observed = new Set<string>();
    for (const check of ruleChecks) {
      for (const reading of check.readings) {
        const [id, value] = reading.split(' ');
        if (id === rule.id && value) observed.add(value);
      }
    }
    return {
      id: rule.id,
      title: rule.title,
      area: rule.area,
      severity: rule.severity,
      statement: rule.statement,
      sources: rule.sources,
      ...(rule.appliesTo ? { appliesTo: rule.appliesTo } : {}),
      ...(rule.ambiguity ? { ambiguity: rule.ambiguity } : {}),
      observedReadings: [...observed],
      status: ruleStatus(ruleChecks, rulesWithChecks.has(rule.id)),
      checks: ruleChecks.map(({ ruleIds: _ids, readings: _readings, ...check }) => check),
    };
  });
  return assembleReport(ruleResults, facts, catalogSha256(rules));
}

/** The report around rule results: totals, request counts and the verdict are derived, never copied. */
export function assembleReport(
  ruleResults: readonly RuleResult[],
  facts: RunFacts,
  catalogHash: string,
): ConformanceReport {
  const mustFailed = ruleResults.some((rule) => rule.severity === 'must' && rule.status === 'failed');
  const verdict = mustFailed ? 'fail' : facts.completeness === 'incomplete' ? 'incomplete' : 'pass';
  return {
    schemaVersion: 1,
    suite: { ...facts.suite, catalogSha256: catalogHash },
    target: facts.target,
    seed: facts.seed,
    runs: facts.runs,
    startedAt: facts.startedAt.toISOString(),
    finishedAt: facts.finishedAt.toISOString(),
    durationMs: facts.finishedAt.getTime() - facts.startedAt.getTime(),
    completeness: facts.completeness,
    ...(facts.incompleteReason ? { incompleteReason: facts.incompleteReason } : {}),
    ...(facts.shard ? { shard: facts.shard } : {}),
    ...(facts.selection ? { selection: facts.selection } : {}),
    ...(facts.mergedFrom ? { mergedFrom: facts.mergedFrom } : {}),
    verdict,
    totals: countTotals(ruleResults),
    requests: countRequests(ruleResults),
    rules: ruleResults,
  };
}

export function countTotals(rules: readonly { status: RuleStatus }[]): Totals {
  const count = (status: RuleStatus) => rules.filter((rule) => rule.status === status).length;
  return {
    rules: rules.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    untested: count('untested'),
    notSelected: count('not-selected'),
  };
}

/** Requests per domain and per API over every check once (a check verifying three rules is listed under each). */
export function countRequests(rules: readonly RuleResult[]): RequestTotals {
  const byDomain: Record<string, number> = {};
  const byApi: Record<string, number> = {};
  let total = 0;
  for (const check of uniqueChecks(rules)) {
    if (!check.exchanges) continue;
    total += check.exchanges.total;
    for (const [domain, count] of Object.entries(check.exchanges.byDomain ?? {}))
      byDomain[domain] = (byDomain[domain] ?? 0) + count;
    for (const [api, count] of Object.entries(check.exchanges.byApi ?? {}))
      byApi[api] = (byApi[api] ?? 0) + count;
  }
  const sorted = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  return { total, byDomain: sorted(byDomain), byApi: sorted(byApi) };
}

/** Every check of the report once, keyed by its id (or file, line and title for reports without ids). */
export function uniqueChecks(rules: readonly RuleResult[]): CheckResult[] {
  const seen = new Map<string, CheckResult>();
  for (const rule of rules) for (const check of rule.checks) seen.set(checkKey(check), check);
  return [...seen.values()];
}

export function checkKey(check: CheckResult): string {
  return check.id ?? `${check.file}:${check.line}:${check.title}`;
}
