import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entryFile } from './settings';

/** One entry of the self-test's matrix: the mock's faults and the suite's spec files it runs. */
export interface MatrixEntry {
  readonly name: string;
  readonly faults: readonly string[];
  /** Absolute paths of the suite's spec files holding the entry's checks. */
  readonly specFiles: readonly string[];
}

/**
 * Writes a spec file per entry into `dir`. Each sets the mock faults of every check it holds (a
 * test-scoped option: the checks of every entry share the workers, which change their mock when
 * the faults change) and loads the suite's spec files, each under a URL of the entry's own so that
 * it declares its checks again in this file. Entries without spec files get no file.
 */
export function writeMatrixFiles(dir: string, entries: readonly MatrixEntry[], fixturesFile: string): void {
  mkdirSync(dir, { recursive: true });
  const fixtures = JSON.stringify(pathToFileURL(fixturesFile).href);
  for (const entry of entries) {
    if (entry.specFiles.length === 0) continue;
    const query = `?matrix=${encodeURIComponent(entry.name)}`;
    const lines = [
      `import { test } from ${fixtures};`,
      `test.use({ mockFaults: ${JSON.stringify(entry.faults)} });`,
      ...entry.specFiles.map((file) => `await import(${JSON.stringify(pathToFileURL(file).href + query)});`),
    ];
    writeFileSync(join(dir, entryFile(entry.name)), `${lines.join('\n')}\n`);
  }
}

/** The spec files (root-relative, as listed) holding a check of any of `rules`, or any check. */
export function specFilesOf(
  checks: ReadonlyArray<{ readonly specFile: string; readonly rules: readonly string[] }>,
  rules?: readonly string[],
): string[] {
  const files = checks
    .filter((check) => !rules || check.rules.some((rule) => rules.includes(rule)))
    .map((check) => check.specFile);
  return [...new Set(files)];
}
