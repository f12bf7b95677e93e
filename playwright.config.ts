import { existsSync } from 'node:fs';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { readRunSettings } from './targets/run-settings';

/**
 * Three projects: `conformance` runs the checks in suites/ against the run's target (the run
 * settings; the embedded mock without the CLI, reports in test-results/conformance); `self-tests`
 * tests the suite's own parts, `simulated-account` the real-account target against the simulated
 * staging account. `flex-conformance run` runs only `conformance`, in `run` mode.
 */
const settings = readRunSettings();
const runMode = settings.mode === 'run';
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * On the embedded mock a worker is one CPU-bound process (checks and mock together), so the
 * conformance checks use every CPU (`flex-conformance run` gives a selection of a few checks one:
 * cli/run-workers.ts), in `npm test` as well; a replay keeps Playwright's default.
 * There a worker also takes a spec file's checks together, not one at a time: each hand-over costs
 * a round trip to the runner, and a file a worker never runs it never loads. Elsewhere checks wait
 * on the target, and one at a time spreads the waits over the workers.
 */
const onMock = settings.target.kind === 'mock';

/**
 * On a real account the checks mostly wait on the account's rate limits, so more workers than CPUs
 * pay, and the areas bound by one API's limit each get a lane of their own from the start: the Flex
 * Flow checks (FlexFlows, 2 creates/s) and the TaskRouter checks (workspaces, workflows and tasks),
 * beside a lane for the other areas. Each lane is a `conformance` project with its own workers. A
 * recording keeps one worker (the run session says so), so the lanes are off then.
 */
const realAccountLanes = settings.target.kind === 'twilio' && !settings.recordDir;
const laneAreas = { 'flex-flow/**/*.spec.ts': 4, 'taskrouter/**/*.spec.ts': 2 };
const otherAreasWorkers = 3;
const conformanceProjects = realAccountLanes
  ? [
      ...Object.entries(laneAreas).map(([testMatch, workers]) => ({
        name: 'conformance',
        testDir: './suites',
        testMatch,
        workers,
      })),
      {
        name: 'conformance',
        testDir: './suites',
        testIgnore: Object.keys(laneAreas),
        workers: otherAreasWorkers,
      },
    ]
  : [
      {
        name: 'conformance',
        testDir: './suites',
        fullyParallel: !onMock,
        ...(onMock && !runMode ? { workers: '100%' } : {}),
      },
    ];
const realAccountWorkers = Object.values(laneAreas).reduce((sum, n) => sum + n, otherAreasWorkers);

/**
 * Against another implementation at a URL the checks mostly wait too: for the implementation's
 * asynchronous work (assignment, a task's Timeout, the quiet period before concluding nothing
 * happens), not for rate limits. More workers than CPUs overlap those waits; the checks share a
 * target already on a real account, so each keeps to what it created.
 */
const urlTargetWorkers = 4;

/**
 * `npm test` runs all three projects at once. The self-tests are bound by CPU (most start a run of
 * their own: a CLI, a runner and its workers): half again as many of them as there are CPUs keeps
 * the CPUs busy while some wait on their runs, and more only contend (4 on 2 CPUs took longer).
 * The simulated-account tests mostly sleep through the simulated account's rate limits and patience
 * windows, so twice as many as CPUs overlap those waits. The run's workers are the sum, so neither
 * lane waits for the other's.
 */
const selfTestShare = 150;
const simulatedAccountShare = 200;
const selfTestWorkers = `${selfTestShare}%`;
const simulatedAccountWorkers = `${simulatedAccountShare}%`;
const testModeWorkers = `${selfTestShare + simulatedAccountShare}%`;

const reporter: ReporterDescription[] = runMode
  ? [['./reports/reporter.ts', { print: true }]]
  : [
      ['list'],
      ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/results.json' }],
      ['./reports/reporter.ts', { print: false }],
    ];

export default defineConfig({
  outputDir: settings.artifactsDir ?? 'test-results/artifacts',
  timeout: 60_000,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  ...(onMock
    ? { workers: runMode ? '100%' : testModeWorkers }
    : realAccountLanes
      ? { workers: realAccountWorkers }
      : settings.target.kind === 'url'
        ? { workers: urlTargetWorkers }
        : {}),
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
    ...conformanceProjects,
    {
      name: 'self-tests',
      testDir: './tests',
      testIgnore: 'twilio-target/**',
      workers: selfTestWorkers,
    },
    /**
     * The real-account checks against the simulated staging account: they mostly wait on the
     * account's rate limits, so they run beside the CPU-bound self-tests instead of after them.
     */
    {
      name: 'simulated-account',
      testDir: './tests/twilio-target',
      workers: simulatedAccountWorkers,
    },
  ],
});
