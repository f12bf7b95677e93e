import type { RunSelection } from '../targets/run-settings';
import type { Selection, ShardRef } from './model';

/**
 * What the report records of a run's selection: what `run` worked out before it started (none on
 * a full run), the shard Playwright ran, and how many checks the run held (`planned`).
 */
export function recordedSelection(
  planned: RunSelection | undefined,
  shard: ShardRef | null,
  checks: number,
): { selection?: Selection; rulesWithChecks?: readonly string[] } {
  if (!planned && !shard) return {};
  const { suiteChecks, rulesWithChecks, ...narrowing } = planned ?? {};
  return {
    selection: {
      ...narrowing,
      ...(shard && !narrowing.shard ? { shard } : {}),
      checks,
      suiteChecks: suiteChecks ?? checks,
    },
    ...(rulesWithChecks ? { rulesWithChecks } : {}),
  };
}

/**
 * A partial run's selection in one line, the same in every report and on the console:
 * `--grep flex-flow · shard 2/3 — 87 of 246 checks`.
 */
export function describeSelection(selection: Selection): string {
  const parts = [
    ...(selection.grep ? [`--grep ${selection.grep.join(' --grep ')}`] : []),
    ...(selection.lastFailed
      ? [`--last-failed (the ${selection.lastFailed.checks} failed checks of ${selection.lastFailed.from})`]
      : []),
    ...(selection.shard ? [`shard ${selection.shard.index}/${selection.shard.total}`] : []),
    ...(selection.expectedFailures
      ? [
          `--expected-failures ${selection.expectedFailures.file} (${selection.expectedFailures.rules.length} ${selection.expectedFailures.rules.length === 1 ? 'rule' : 'rules'} tolerated)`,
        ]
      : []),
  ];
  return `${parts.join(' · ')} — ${selection.checks} of ${selection.suiteChecks} checks`;
}
