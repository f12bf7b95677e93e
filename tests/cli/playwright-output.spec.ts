import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, runCli, test } from './cli-fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('a run keeps Playwright’s output in a folder of its own: the checkout’s default one is left as it was, so runs side by side cannot empty each other’s', async ({
  outDir,
}) => {
  // Playwright empties its output folder as it starts; a shared one lost a running Pact check's files
  const sharedDefault = join(root, 'test-results', 'artifacts');
  mkdirSync(sharedDefault, { recursive: true });
  const sentinel = join(sharedDefault, `another-run-${process.pid}-${Date.now()}.txt`);
  writeFileSync(sentinel, 'what another run keeps here');
  try {
    const result = await runCli([
      'run',
      '--grep',
      'FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID',
      '--out',
      outDir,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(existsSync(sentinel), 'a file of another run in the default output folder').toBe(true);
  } finally {
    rmSync(sentinel, { force: true });
  }
});
