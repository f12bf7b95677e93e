import { reportView } from './html-view';
import type { KillMatrix } from './kill-matrix';
import { reportEngine } from './liquid';
import type { ConformanceReport } from './model';

/** index.html: one self-contained page (inline CSS, JS and SVG; no request to any host). */
export function renderReportHtml(report: ConformanceReport, killMatrix?: KillMatrix): string {
  return reportEngine().renderFileSync('report', { report: reportView(report, killMatrix) });
}
