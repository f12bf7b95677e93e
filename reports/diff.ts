import { failureReason } from './failure-reason';
import type { ConformanceReport, RuleResult, RuleStatus } from './model';

/**
 * The rules whose status changed between two reports: drift between two nightly runs, or between
 * two implementations. A rule regressed when it passed and no longer passes, or when it fails now
 * and did not before; it improved in the opposite direction.
 */
export type ChangeKind = 'regressed' | 'improved' | 'changed' | 'added' | 'removed';

export interface RuleChange {
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly severity: string;
  readonly kind: ChangeKind;
  readonly from: RuleStatus | null;
  readonly to: RuleStatus | null;
  /** Why the rule fails now (its first failed check), when it does. */
  readonly reason?: string;
}

export interface RunSummary {
  readonly verdict: ConformanceReport['verdict'];
  readonly completeness: ConformanceReport['completeness'];
  readonly target: string;
  readonly faults: readonly string[];
  readonly seed: number;
  readonly startedAt: string;
  readonly commit: string | null;
  readonly catalogSha256: string;
  readonly totals: ConformanceReport['totals'];
}

export interface ReportDiff {
  readonly old: RunSummary;
  readonly new: RunSummary;
  readonly catalogChanged: boolean;
  readonly counts: Readonly<Record<ChangeKind, number>> & { readonly unchanged: number };
  readonly changes: readonly RuleChange[];
}

/** passed > skipped = untested = not selected > failed: a move down this order is a regression. */
const rank: Record<RuleStatus, number> = { passed: 2, skipped: 1, untested: 1, 'not-selected': 1, failed: 0 };

export function diffReports(before: ConformanceReport, after: ConformanceReport): ReportDiff {
  const oldRules = new Map(before.rules.map((rule) => [rule.id, rule]));
  const newRules = new Map(after.rules.map((rule) => [rule.id, rule]));
  const changes: RuleChange[] = [];
  let unchanged = 0;
  for (const rule of after.rules) {
    const previous = oldRules.get(rule.id);
    if (!previous) {
      changes.push(change(rule, 'added', null, rule.status));
      continue;
    }
    if (previous.status === rule.status) {
      unchanged++;
      continue;
    }
    const kind =
      rank[rule.status] < rank[previous.status]
        ? 'regressed'
        : rank[rule.status] > rank[previous.status]
          ? 'improved'
          : 'changed';
    changes.push(change(rule, kind, previous.status, rule.status));
  }
  for (const rule of before.rules)
    if (!newRules.has(rule.id)) changes.push(change(rule, 'removed', rule.status, null));
  const order: ChangeKind[] = ['regressed', 'improved', 'changed', 'added', 'removed'];
  changes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const count = (kind: ChangeKind) => changes.filter((c) => c.kind === kind).length;
  return {
    old: summary(before),
    new: summary(after),
    catalogChanged: before.suite.catalogSha256 !== after.suite.catalogSha256,
    counts: {
      regressed: count('regressed'),
      improved: count('improved'),
      changed: count('changed'),
      added: count('added'),
      removed: count('removed'),
      unchanged,
    },
    changes,
  };
}

function change(
  rule: RuleResult,
  kind: ChangeKind,
  from: RuleStatus | null,
  to: RuleStatus | null,
): RuleChange {
  const failed = to === 'failed' ? rule.checks.find((check) => check.status === 'failed') : undefined;
  return {
    id: rule.id,
    title: rule.title,
    area: rule.area,
    severity: rule.severity,
    kind,
    from,
    to,
    ...(failed ? { reason: failureReason(failed.error ?? 'failed') } : {}),
  };
}

function summary(report: ConformanceReport): RunSummary {
  return {
    verdict: report.verdict,
    completeness: report.completeness,
    target: `${report.target.kind} ${report.target.url}`,
    faults: report.target.faults,
    seed: report.seed,
    startedAt: report.startedAt,
    commit: report.suite.commit,
    catalogSha256: report.suite.catalogSha256,
    totals: report.totals,
  };
}

/** The diff as text for a terminal or a CI log. */
export function formatDiff(diff: ReportDiff, oldLabel: string, newLabel: string): string {
  const lines: string[] = [];
  const describeRun = (run: RunSummary) =>
    `${run.verdict.toUpperCase()}${run.completeness === 'incomplete' ? ' (incomplete)' : ''}, ${run.target}${run.faults.length ? ` faults ${run.faults.join(',')}` : ''}, seed ${run.seed}, ${run.startedAt}`;
  lines.push(`old: ${oldLabel}: ${describeRun(diff.old)}`);
  lines.push(`new: ${newLabel}: ${describeRun(diff.new)}`);
  if (diff.catalogChanged) lines.push('note: the two runs used different rule catalogs');
  const width = Math.max(0, ...diff.changes.map((c) => c.id.length));
  const headings: Record<ChangeKind, string> = {
    regressed: 'regressed',
    improved: 'improved',
    changed: 'changed (neither better nor worse)',
    added: 'only in the new report',
    removed: 'only in the old report',
  };
  for (const kind of Object.keys(headings) as ChangeKind[]) {
    const group = diff.changes.filter((c) => c.kind === kind);
    if (group.length === 0) continue;
    lines.push('', `${headings[kind]} (${group.length}):`);
    for (const c of group) {
      lines.push(
        `  ${c.id.padEnd(width)}  ${c.severity.padEnd(6)}  ${c.from ?? '—'} → ${c.to ?? '—'}${c.reason ? `  ${c.reason}` : ''}`,
      );
    }
  }
  const { counts } = diff;
  lines.push(
    '',
    `${diff.changes.length} rules changed: ${counts.regressed} regressed, ${counts.improved} improved, ${counts.changed} changed, ${counts.added} added, ${counts.removed} removed; ${counts.unchanged} unchanged`,
  );
  return `${lines.join('\n')}\n`;
}
