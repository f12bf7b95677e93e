import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let processRoot: string | undefined;

/**
 * A new empty folder for one test's files (`<purpose>-XXXXXX`), inside one folder per test
 * process that is removed when the process exits, so thousands of runs leave no folders behind.
 */
export function scratchDir(purpose: string): string {
  if (processRoot === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'flexconf-tests-'));
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    processRoot = root;
  }
  return mkdtempSync(join(processRoot, `${purpose}-`));
}
