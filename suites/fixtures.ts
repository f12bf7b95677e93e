import { test as base } from '@playwright/test';
import fc from 'fast-check';
import { TwilioApi } from '../targets/client';
import { openTarget } from '../targets/open';
import { type RunConfig, readRunConfig } from '../targets/run-config';
import type { Target } from '../targets/types';

export { expect } from '@playwright/test';
export { observeReading, verifies } from './rules';

interface WorkerFixtures {
  runConfig: RunConfig;
  target: Target;
  /** Applies the run's seed and run count to every fast-check property in the worker. */
  // biome-ignore lint/suspicious/noConfusingVoidType: an auto fixture that provides no value
  propertySettings: void;
}

interface TestFixtures {
  api: TwilioApi;
  /** Names for created resources, tagged with the run id so cleanup can find leftovers. */
  uniqueName: (purpose: string) => string;
  /** Deletes what a test created, last first, whether the test passed or not. */
  cleanup: (undo: () => Promise<unknown>) => void;
}

const exchangesKept = 12;

export const test = base.extend<TestFixtures, WorkerFixtures>({
  runConfig: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
    async ({}, use) => {
      await use(readRunConfig());
    },
    { scope: 'worker' },
  ],

  target: [
    async ({ runConfig }, use) => {
      const target = await openTarget(runConfig);
      await use(target);
      await target.close();
    },
    { scope: 'worker' },
  ],

  propertySettings: [
    async ({ runConfig }, use) => {
      fc.configureGlobal({ seed: runConfig.seed, numRuns: runConfig.runs, interruptAfterTimeLimit: 60_000 });
      await use();
    },
    { scope: 'worker', auto: true },
  ],

  api: async ({ request, target, runConfig }, use, testInfo) => {
    const api = new TwilioApi(request, target);
    testInfo.annotations.push(
      { type: 'target', description: `${target.kind} ${target.url} ${target.fingerprint()}` },
      { type: 'seed', description: String(runConfig.seed) },
    );
    await use(api);
    const { exchanges } = api;
    const kept =
      exchanges.length <= exchangesKept
        ? exchanges
        : [...exchanges.slice(0, exchangesKept / 2), ...exchanges.slice(-exchangesKept / 2)];
    const byDomain: Record<string, number> = {};
    for (const exchange of exchanges) byDomain[exchange.domain] = (byDomain[exchange.domain] ?? 0) + 1;
    await testInfo.attach('http-exchanges', {
      body: JSON.stringify({ total: exchanges.length, byDomain, kept }),
      contentType: 'application/json',
    });
  },

  uniqueName: async ({ runConfig }, use, testInfo) => {
    let counter = 0;
    const testKey = testInfo.testId.slice(-6);
    await use((purpose) => `flexconf-${runConfig.runId}-${testKey}-${purpose}-${++counter}`);
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  cleanup: async ({}, use) => {
    const undo: Array<() => Promise<unknown>> = [];
    await use((step) => undo.push(step));
    for (const step of undo.reverse()) {
      await step().catch(() => undefined);
    }
  },
});
