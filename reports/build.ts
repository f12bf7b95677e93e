import { catalog } from '../contracts/rules';
import type { RuleSpec } from '../contracts/rules/types';
import type { CheckResult, ConformanceReport, RuleResult, RuleStatus, Totals } from './model';

/** A finished test, reduced to what the report needs. */
export interface FinishedCheck extends CheckResult {
  readonly ruleIds: readonly string[];
  readonly readings: readonly string[];
}

export interface RunFacts {
  readonly suite: ConformanceReport['suite'];
  readonly target: ConformanceReport['target'];
  readonly seed: number;
  readonly runs: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly completeness: ConformanceReport['completeness'];
}

/** A rule fails if any check fails, passes if a check passed and none failed, is skipped if every check skipped. */
export function ruleStatus(checks: readonly CheckResult[]): RuleStatus {
  if (checks.length === 0) return 'untested';
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
      status: ruleStatus(ruleChecks),
      checks: ruleChecks.map(({ ruleIds: _ids, readings: _readings, ...check }) => check),
    };
  });
  const totals = countTotals(ruleResults);
  const mustFailed = ruleResults.some((rule) => rule.severity === 'must' && rule.status === 'failed');
  return {
    schemaVersion: 1,
    suite: facts.suite,
    target: facts.target,
    seed: facts.seed,
    runs: facts.runs,
    startedAt: facts.startedAt.toISOString(),
    finishedAt: facts.finishedAt.toISOString(),
    durationMs: facts.finishedAt.getTime() - facts.startedAt.getTime(),
    completeness: facts.completeness,
    verdict: mustFailed ? 'fail' : 'pass',
    totals,
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
  };
}
