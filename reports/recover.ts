import type { RunSettings } from '../targets/run-settings';
import { buildReport } from './build';
import { Journal, readJournal } from './journal';
import type { ConformanceReport } from './model';
import { recordedSelection } from './selection';
import { suiteFacts } from './suite-facts';
import { writeReports } from './write';

/**
 * When Playwright died before its reporter wrote the report, builds the report from the journal
 * of finished checks: marked incomplete, with what ran. Undefined when there is no journal (the
 * run never started a check).
 */
export function recoverReport(settings: RunSettings, why: string): ConformanceReport | undefined {
  const journal = readJournal(settings.outDir);
  if (!journal) return undefined;
  const finishedAt = new Date();
  const report = buildReport(journal.checks, {
    suite: suiteFacts(),
    target: journal.target ?? {
      kind: settings.target.kind,
      url: settings.targetArg,
      fingerprint: null,
      faults: settings.faults,
    },
    seed: settings.seed,
    runs: settings.runs,
    startedAt: journal.startedAt ?? finishedAt,
    finishedAt,
    completeness: 'incomplete',
    incompleteReason: `${why}; the report holds the ${journal.checks.length} checks that finished before it stopped.`,
    ...(journal.shard ? { shard: journal.shard } : {}),
    ...recordedSelection(settings.selection, journal.shard, journal.planned ?? journal.checks.length),
  });
  const written = writeReports(report, settings.outDir);
  new Journal(settings.outDir).remove();
  return written;
}
