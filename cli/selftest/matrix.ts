import type { FaultSpec } from '../../mock/faults/fault';
import type { KillMatrix, KillMatrixFault } from '../../reports/kill-matrix';
import { failedRulesOf, type SelftestOutcomes } from './outcomes';
import { cleanEntry, faultEntry } from './settings';

/**
 * The kill matrix from the self-test's outcomes: for each fault, the rules whose checks failed
 * against it. A fault is killed when every rule in its `trips` failed; the clean mock passes when
 * it ran checks and none of them failed.
 */
export function buildKillMatrix(
  outcomes: SelftestOutcomes,
  faults: readonly FaultSpec[],
  ruleOrder: readonly string[],
  generatedAt: Date = new Date(),
): KillMatrix {
  const clean = outcomes.entries[cleanEntry];
  const cleanFailed = failedRulesOf(clean, ruleOrder);
  return {
    generatedAt: generatedAt.toISOString(),
    clean: {
      verdict: clean && clean.checks > 0 && cleanFailed.length === 0 ? 'pass' : 'fail',
      failedRules: cleanFailed,
    },
    faults: faults.map((fault): KillMatrixFault => {
      const failedRules = failedRulesOf(outcomes.entries[faultEntry(fault.name)], ruleOrder);
      return {
        name: fault.name,
        description: fault.description,
        trips: [...fault.trips],
        failedRules,
        killed: fault.trips.length > 0 && fault.trips.every((rule) => failedRules.includes(rule)),
      };
    }),
  };
}

/** True when the clean mock is green and every fault was killed. */
export function matrixPasses(matrix: KillMatrix): boolean {
  return matrix.clean.verdict === 'pass' && matrix.faults.every((fault) => fault.killed);
}

/**
 * The matrix as console lines: one per fault with its verdict and the rules that failed; a rule the
 * fault should trip but that did not fail is shown as `missed` with how its checks ended.
 */
export function formatKillMatrix(matrix: KillMatrix, outcomes: SelftestOutcomes): string[] {
  const lines: string[] = [];
  const clean = outcomes.entries[cleanEntry];
  lines.push(
    `clean mock: ${matrix.clean.verdict === 'pass' ? 'PASS' : 'FAIL'} (${clean?.checks ?? 0} checks${matrix.clean.failedRules.length ? `; failed: ${matrix.clean.failedRules.join(', ')}` : ''})`,
  );
  for (const failure of clean?.failures ?? []) lines.push(`  failed: ${failure.title}: ${failure.error}`);
  const width = Math.max(5, ...matrix.faults.map((fault) => fault.name.length));
  lines.push('', `${'fault'.padEnd(width)}  verdict   rules that failed`);
  for (const fault of matrix.faults) {
    const outcome = outcomes.entries[faultEntry(fault.name)];
    const missed = fault.trips.filter((rule) => !fault.failedRules.includes(rule));
    const also = fault.failedRules.filter((rule) => !fault.trips.includes(rule));
    const parts = [
      fault.trips.filter((rule) => fault.failedRules.includes(rule)).join(', ') || '(none)',
      ...(also.length ? [`also ${also.join(', ')}`] : []),
      ...missed.map((rule) => `MISSED ${rule} (${describeTally(outcome?.rules[rule])})`),
    ];
    lines.push(`${fault.name.padEnd(width)}  ${fault.killed ? 'killed  ' : 'SURVIVED'}  ${parts.join('; ')}`);
  }
  const survived = matrix.faults.filter((fault) => !fault.killed).length;
  lines.push(
    '',
    `${matrix.faults.length} faults: ${matrix.faults.length - survived} killed, ${survived} survived; clean mock ${matrix.clean.verdict === 'pass' ? 'green' : 'RED'}`,
  );
  return lines;
}

function describeTally(tally: { passed: number; failed: number; skipped: number } | undefined): string {
  if (!tally) return 'no check ran';
  return `${tally.passed} passed, ${tally.skipped} skipped`;
}
