import './support/promise-with-resolvers';
import { existsSync } from 'node:fs';
import { defineConfig, type ReporterDescription } from '@playwright/test';

/**
 * Two projects: `conformance` runs the checks in suites/ against the selected target
 * (FLEXCONF_TARGET, default the embedded mock); `self-tests` tests the suite's own parts.
 * `flex-conformance run` sets FLEXCONF_MODE=run and runs only `conformance`.
 */
const runMode = process.env.FLEXCONF_MODE === 'run';
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

if (!runMode) process.env.FLEXCONF_OUT ??= 'test-results/conformance';

/**
 * On the embedded mock a worker is one CPU-bound process (checks and mock together), so the
 * conformance checks use every CPU; other targets and the self-tests keep Playwright's default.
 */
const onMock = (process.env.FLEXCONF_TARGET ?? 'mock') === 'mock';

const reporter: ReporterDescription[] = runMode
  ? [['./reports/reporter.ts', { print: true }]]
  : [
      ['list'],
      ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/results.json' }],
      ['./reports/reporter.ts', { print: false }],
    ];

export default defineConfig({
  outputDir: process.env.FLEXCONF_PW_OUTPUT ?? 'test-results/artifacts',
  timeout: 60_000,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  ...(onMock ? { workers: '100%' } : {}),
  reporter,
  use: {
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'conformance', testDir: './suites' },
    {
      name: 'self-tests',
      testDir: './tests',
      workers: '50%',
    },
  ],
});
