import { assembleReport, ruleStatus } from '../../reports/build';
import type { CheckResult, ConformanceReport, RuleResult } from '../../reports/model';

/** Small hand-made checks, rules and reports for the report logic's tests. */

export const check = (
  status: CheckResult['status'],
  id = `check-${status}`,
  extra: Partial<CheckResult> = {},
) =>
  ({
    id,
    title: `a ${status} check`,
    file: 'suites/x.spec.ts',
    line: 1,
    status,
    durationMs: 1,
    replay: 'npx flex-conformance run --grep x',
    ...(status === 'failed' ? { error: 'Error: expected 400, got 201' } : {}),
    ...(status === 'skipped' ? { skipReason: 'not on this target' } : {}),
    ...extra,
  }) satisfies CheckResult;

export function rule(
  id: string,
  checks: CheckResult[],
  severity: RuleResult['severity'] = 'must',
): RuleResult {
  return {
    id,
    title: `rule ${id}`,
    area: 'flex-flow',
    severity,
    statement: 'a statement',
    sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'a quote' }],
    observedReadings: [],
    status: ruleStatus(checks),
    checks,
  };
}

export function report(
  rules: RuleResult[],
  extra: Partial<Parameters<typeof assembleReport>[1]> = {},
): ConformanceReport {
  return assembleReport(
    rules,
    {
      suite: { name: 'flex-conformance', version: '0.1.0', commit: null },
      target: { kind: 'mock', url: 'http://127.0.0.1:1', fingerprint: null, faults: [] },
      seed: 1,
      runs: 25,
      startedAt: new Date('2026-06-01T00:00:00Z'),
      finishedAt: new Date('2026-06-01T00:00:05Z'),
      completeness: 'complete',
      ...extra,
    },
    'a'.repeat(64),
  );
}
