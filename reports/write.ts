import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportFiles } from './files';
import { renderReportHtml } from './html';
import { toJunit } from './junit';
import { type KillMatrix, killMatrixFile, readKillMatrix } from './kill-matrix';
import { buildManifest } from './manifest';
import { toMarkdown } from './markdown';
import type { ConformanceReport } from './model';
import { type Redactor, redactor } from './redact';

export interface WriteOptions {
  readonly redact?: Redactor;
  /** Shown as the HTML appendix; read from `<dir>/kill-matrix.json` when not given. */
  readonly killMatrix?: KillMatrix;
}

/**
 * Writes conformance.json, index.html, junit.xml, summary.md and manifest.json to `dir`. Every
 * string of the report passes the redactor first, and every file once more on the way out.
 * Returns the report as written.
 */
export function writeReports(report: ConformanceReport, dir: string, options: WriteOptions = {}) {
  const redact = options.redact ?? redactor();
  const clean = redactStrings(report, redact);
  const killMatrix = options.killMatrix ?? readKillMatrix(dir);
  mkdirSync(dir, { recursive: true });
  const write = (file: string, text: string) => writeFileSync(join(dir, file), redact(text));
  write(reportFiles.json, `${JSON.stringify(clean, null, 2)}\n`);
  write(reportFiles.html, renderReportHtml(clean, killMatrix));
  write(reportFiles.junit, toJunit(clean));
  write(reportFiles.markdown, toMarkdown(clean, killMatrix));
  const hashed: string[] = [reportFiles.json, reportFiles.html, reportFiles.junit, reportFiles.markdown];
  if (existsSync(join(dir, killMatrixFile))) hashed.push(killMatrixFile);
  const manifest = buildManifest(dir, hashed, {
    name: clean.suite.name,
    version: clean.suite.version,
    commit: clean.suite.commit,
  });
  write(reportFiles.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return clean;
}

/**
 * Re-renders index.html, summary.md and the manifest from the conformance.json in `dir`, e.g.
 * after the self-test wrote kill-matrix.json next to it.
 */
export function rerenderReports(dir: string, options: WriteOptions = {}): ConformanceReport {
  const report = JSON.parse(readFileSync(join(dir, reportFiles.json), 'utf8')) as ConformanceReport;
  return writeReports(report, dir, options);
}

export function redactStrings<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [redact(key), redactStrings(entry, redact)]),
    ) as T;
  }
  return value;
}
