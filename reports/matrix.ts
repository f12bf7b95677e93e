import { areas } from '../contracts/rules';
import { formatTime } from './html-view';
import { reportEngine } from './liquid';
import type { ConformanceReport, RuleStatus } from './model';

/**
 * The conformance dashboard: rules as rows, runs as columns (several implementations side by
 * side, or a week of nightly runs). One self-contained HTML page.
 */
export interface MatrixColumn {
  /** What the column is called: the report's directory or file name unless given. */
  readonly label: string;
  readonly report: ConformanceReport;
}

const glyphs: Record<RuleStatus | 'absent', string> = {
  passed: '✓',
  failed: '✗',
  skipped: '–',
  untested: '·',
  'not-selected': '○',
  absent: ' ',
};

export function matrixView(columns: readonly MatrixColumn[]) {
  const ids: string[] = [];
  const meta = new Map<string, { title: string; area: string; severity: string }>();
  for (const { report } of columns)
    for (const rule of report.rules)
      if (!meta.has(rule.id)) {
        ids.push(rule.id);
        meta.set(rule.id, { title: rule.title, area: rule.area, severity: rule.severity });
      }
  const statusIn = columns.map(({ report }) => new Map(report.rules.map((rule) => [rule.id, rule.status])));
  const rows = ids.map((id) => {
    const info = meta.get(id) ?? { title: '', area: '', severity: '' };
    const cells = statusIn.map((statuses) => {
      const status = statuses.get(id) ?? 'absent';
      return { status, glyph: glyphs[status], label: status === 'absent' ? 'not in this report' : status };
    });
    return {
      id,
      ...info,
      differs: new Set(cells.map((cell) => cell.status)).size > 1,
      failing: cells.some((cell) => cell.status === 'failed'),
      search: `${id} ${info.title}`.toLowerCase(),
      cells,
    };
  });
  const presentAreas = areas.filter((area) => rows.some((row) => row.area === area));
  return {
    columns: columns.map(({ label, report }) => ({
      label,
      verdict: report.verdict,
      verdictLabel: report.verdict.toUpperCase(),
      incomplete: report.completeness === 'incomplete',
      target: `${report.target.kind} ${report.target.url}`,
      faults: report.target.faults.join(', '),
      startedAt: formatTime(report.startedAt),
      commit: report.suite.commit ? report.suite.commit.slice(0, 12) : 'unknown',
      seed: report.seed,
      totals: report.totals,
    })),
    areas: presentAreas.map((area) => ({ name: area, rows: rows.filter((row) => row.area === area) })),
    areaNames: presentAreas,
    ruleCount: rows.length,
    differing: rows.filter((row) => row.differs).length,
    generatedAt: formatTime(new Date().toISOString()),
  };
}

export function renderMatrixHtml(columns: readonly MatrixColumn[]): string {
  return reportEngine().renderFileSync('matrix', { matrix: matrixView(columns) });
}
