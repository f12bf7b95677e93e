import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The flags of a child run whose subject is not how its checks spread over workers: one worker.
 * Each worker a run starts loads Playwright and the suite again (about a CPU second), and `npm test`
 * is bound by CPU. The tests of worker counts, of the real account's lanes and of a whole run keep
 * the run's own choice.
 */
export const oneWorker = ['--workers', '1'] as const;

/**
 * Playwright's transform cache (the TypeScript it has compiled), named as Playwright names its
 * default folder under this process's temporary folder. A child run started with a TMPDIR of its
 * own (the simulated account's) is told it, so it finds what the runs before it compiled instead
 * of compiling the suite again; other runs inherit the folder with the temporary folder. Entries are
 * keyed by content, path and compile settings, so runs of other settings add entries beside these.
 */
export function transformCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.PLAYWRIGHT_TRANSFORM_CACHE_DIR ||
    env.PWTEST_CACHE_DIR ||
    join(
      tmpdir(),
      process.platform === 'win32'
        ? 'playwright-transform-cache'
        : `playwright-transform-cache-${process.geteuid?.()}`,
    )
  );
}
