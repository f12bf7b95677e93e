import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { journalFile } from './journal';
import { manifestFile } from './manifest';

/** The files every run writes to its report directory. */
export const reportFiles = {
  html: 'index.html',
  json: 'conformance.json',
  junit: 'junit.xml',
  markdown: 'summary.md',
  manifest: manifestFile,
} as const;

/** Removes the report files (and an unfinished journal) a previous run left, before a new run starts. */
export function clearReports(dir: string): void {
  for (const file of [...Object.values(reportFiles), journalFile]) rmSync(join(dir, file), { force: true });
}
