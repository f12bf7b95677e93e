import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from './model';
import { schemaErrors } from './validate';

/** A report that cannot be read or does not match the schema (a usage problem, not a regression). */
export class ReportInputError extends Error {}

export interface LoadedReport {
  readonly path: string;
  readonly report: ConformanceReport;
}

/** Reads a conformance.json (or the one in a report directory) and checks it against the schema. */
export function loadReport(pathOrDir: string): LoadedReport {
  const path =
    existsSync(pathOrDir) && statSync(pathOrDir).isDirectory()
      ? join(pathOrDir, 'conformance.json')
      : pathOrDir;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not JSON';
    throw new ReportInputError(`${path}: cannot read a report (${reason})`);
  }
  const problems = schemaErrors(value);
  if (problems.length > 0)
    throw new ReportInputError(
      `${path} is not a conformance report: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
    );
  return { path, report: value as ConformanceReport };
}
