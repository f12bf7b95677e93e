import type { Selection } from './model';

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
