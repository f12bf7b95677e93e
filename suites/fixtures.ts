import { _baseTest, type TestInfo } from '@playwright/test';
import fc from 'fast-check';
import { exitOrphan, watchParent } from '../support/parent-watch';
import { TwilioApi } from '../targets/http/client';
import { TargetHealth } from '../targets/http/target-health';
import { type RunSettings, readRunSettings } from '../targets/run-settings';
import { describeAnswer, prerequisiteSkip } from '../targets/twilio/prerequisites';
import type { Prerequisites, Target, TargetClock, TargetSession } from '../targets/types';
import { onFailedAssertion } from './assertions';
import { voiceNumberMissing, voicePlatformFor } from './drivers/calling-voice-platform';
import { waitingClock } from './drivers/clock';
import { ConversationCustomer } from './drivers/conversation-customer';
import { HttpStub, publicUrlMissing } from './drivers/http-stub';
import { LegacyMessaging } from './drivers/legacy-messaging';
import { StudioApi } from './drivers/studio-api';
import type { Routing } from './drivers/taskrouter';
import type { VoicePlatform } from './drivers/voice-platform';
import { checkEvidence } from './evidence';
import { checkPropertySettings } from './properties';
import { WorkerTargets } from './worker-targets';

export { expect } from './assertions';
export { observeReading, recordObservation, verifies } from './rules';

/**
 * Options of a fixture set up without a report step of its own. Playwright reports each fixture's
 * setup and teardown as steps (messages to the runner, each with a captured stack); over the dozen
 * fixtures of a check that cost more than most checks' requests, and no report shows them.
 */
export const noStep = { box: 'self' } as const;

/**
 * Skips a check that goes through Programmable Chat for Flex (the Flex Flow API) where the account
 * answered that it reached end of life, with that answer as the reason. For checks whose rules are
 * not themselves about Programmable Chat (the wire conventions, checked on Flex Flows).
 */
export function skipWhereProgrammableChatEnded(
  testInfo: TestInfo,
  prerequisites: Prerequisites,
  what: string,
): void {
  const answer = prerequisites.endOfLife;
  if (answer)
    testInfo.skip(true, `${what}, which reached end of life on this account: ${describeAnswer(answer)}`);
}

interface WorkerFixtures {
  runSettings: RunSettings;
  /** The worker's target and what it sets up there once (prerequisites, routing), per mock faults. */
  workerTargets: WorkerTargets;
  /**
   * Whether the target still answers, shared by the run's processes: after a few connection
   * failures in a row no request is sent and no check starts. Not watched on the embedded mock.
   */
  targetHealth: TargetHealth | undefined;
  /** A worker whose runner died exits at once, closing the embedded mock, instead of holding its ports. */
  // biome-ignore lint/suspicious/noConfusingVoidType: an auto fixture that provides no value
  exitWithRunner: void;
}

interface TestFixtures {
  /**
   * Faults the embedded mock runs with for this check, in place of the run's: the self-test sets
   * them per fault, and a worker changes its mock when the next check names other faults.
   */
  mockFaults: readonly string[] | undefined;
  target: Target;
  /** The target's time: moved forward on the embedded mock, waited for elsewhere. */
  clock: TargetClock;
  /** What a real account offers the checks (Flex workspace, chat service, end of life); fixed elsewhere. */
  prerequisites: Prerequisites;
  /**
   * The worker's TaskRouter workspace, channels and queue (created on first use, deleted when the
   * worker ends or changes its mock).
   */
  routing: Routing;
  /** Applies the run's seed and run count to every fast-check property. */
  // biome-ignore lint/suspicious/noConfusingVoidType: an auto fixture that provides no value
  propertySettings: void;
  /** The test's recording or replay session, when the target keeps one. */
  targetSession: TargetSession | undefined;
  api: TwilioApi;
  /** Names for created resources, tagged with the run id so cleanup can find leftovers. */
  uniqueName: (purpose: string) => string;
  /** Deletes what a test created, last first, whether the test passed or not. */
  cleanup: (undo: () => Promise<unknown>) => void;
  /**
   * Skips, with the reason, a check whose rules this target cannot exercise (missing prerequisite,
   * end of life), and gives checks on a rate-limited target the time it takes.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: an auto fixture that provides no value
  prerequisiteGate: void;
  /** Skips, before anything else is set up, a check that would start after the target stopped answering. */
  // biome-ignore lint/suspicious/noConfusingVoidType: an auto fixture that provides no value
  targetGoneGate: void;
  /**
   * Where the report, not Playwright, gives the verdict, a check's failure is recorded as the
   * outcome Playwright expects: Playwright otherwise ends the worker after each failed check and
   * starts another, loading Playwright and the suite again, so a run against a broken
   * implementation paid a worker's start-up per failure. The report reads each check's own status.
   * That is `flex-conformance run` (a check that ran out of time still ends its worker: its code may
   * still be running) and the self-test's faults (`mockFaults`), where failing is the point. Under
   * `playwright test` a failure stays a failure.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: an auto fixture that provides no value
  failureKeepsWorker: void;
  // The drivers every area may use (suites/drivers/); each is made only for a test that asks for it.
  /** Studio v2: the test's flows (tagged, deleted after the test), their executions and steps. */
  studio: StudioApi;
  /** A workflow ("Assign to Anyone" shape) of the test's own, so its tasks are the test's tasks. */
  workflow: string;
  /**
   * The voice platform: the suite itself where it can reach the flow's voice webhook (mock, URL
   * targets), calls to `--voice-number` through the Calls API on a real account; skipped without either.
   */
  voice: VoicePlatform;
  /** A local server for make-http-request / run-function widgets and webhooks to call. */
  httpStub: HttpStub;
  /** Legacy Flex messaging (Programmable Chat): chat service, Flex Flows, channels, messages. */
  messaging: LegacyMessaging;
  /** Customers of Flex Conversations: conversations, their webhooks and messages. */
  customers: ConversationCustomer;
}

/**
 * The checks extend Playwright's core test type, not `@playwright/test`'s `test`: they drive no
 * browser, and the browser fixtures (some thirty context options, set up and torn down as report
 * steps around every test) cost more per check than most checks' requests.
 */
export const test = _baseTest.extend<TestFixtures, WorkerFixtures>({
  // boxed: an option fixture is otherwise a report step (a stack captured, two messages to the runner) in every check
  mockFaults: [undefined, { option: true, box: 'self' }],

  exitWithRunner: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
    async ({}, use) => {
      const stop = watchParent(() => void exitOrphan());
      await use();
      stop();
    },
    { scope: 'worker', auto: true },
  ],

  targetHealth: [
    async ({ runSettings }, use) => {
      await use(runSettings.target.kind === 'mock' ? undefined : new TargetHealth(runSettings.stateDir));
    },
    { scope: 'worker' },
  ],

  runSettings: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
    async ({}, use) => {
      await use(readRunSettings());
    },
    { scope: 'worker' },
  ],

  workerTargets: [
    async ({ runSettings, targetHealth }, use, workerInfo) => {
      const targets = new WorkerTargets(runSettings, targetHealth, workerInfo.workerIndex);
      // the run's target opens with the worker, so a target that cannot be opened fails it at once
      if (runSettings.mode !== 'selftest') await targets.with(undefined);
      await use(targets);
      await targets.close();
    },
    { scope: 'worker' },
  ],

  target: [
    async ({ workerTargets, mockFaults }, use) => {
      await use((await workerTargets.with(mockFaults)).target);
    },
    noStep,
  ],

  clock: [
    async ({ target }, use) => {
      await use(target.clock ?? waitingClock);
    },
    noStep,
  ],

  prerequisites: [
    async ({ workerTargets, mockFaults }, use) => {
      await use((await workerTargets.with(mockFaults)).prerequisites);
    },
    noStep,
  ],

  routing: [
    async ({ workerTargets, mockFaults }, use) => {
      await use(await (await workerTargets.with(mockFaults)).routing());
    },
    noStep,
  ],

  // The gates run around every check and are no part of what it checks: no report step of their own.
  // Declared before prerequisiteGate: auto fixtures are set up in this order, and finding the
  // prerequisites of a real account would itself ask the gone target.
  targetGoneGate: [
    async ({ targetHealth }, use, testInfo) => {
      const gone = targetHealth?.gone();
      testInfo.skip(gone !== undefined, `not run: the target stopped answering (${gone})`);
      await use();
    },
    { auto: true, box: 'self' },
  ],

  prerequisiteGate: [
    async ({ prerequisites, target }, use, testInfo) => {
      const rules = testInfo.annotations.filter((a) => a.type === 'rule').map((a) => a.description ?? '');
      const reason = prerequisiteSkip(rules, prerequisites, target.kind);
      testInfo.skip(reason !== undefined, reason);
      if (target.testTimeoutScale) testInfo.setTimeout(testInfo.timeout * target.testTimeoutScale);
      await use();
    },
    { auto: true, box: 'self' },
  ],

  propertySettings: [
    async ({ runSettings, mockFaults }, use, testInfo) => {
      fc.configureGlobal(
        checkPropertySettings({
          seed: runSettings.seed,
          runs: runSettings.runs,
          startedAt: Date.now(),
          timeoutMs: () => testInfo.timeout,
          // the self-test only needs to see a property fail under a fault, not its smallest counterexample
          endOnFailure: Boolean(mockFaults?.length),
          noteCutShort: (ran, asked) =>
            testInfo.annotations.push({ type: 'cut-short', description: `${ran} of ${asked}` }),
        }),
      );
      await use();
    },
    { auto: true, box: 'self' },
  ],

  targetSession: [
    async ({ target }, use, testInfo) => {
      const session = await target.openSession?.({
        id: testInfo.testId,
        title: testInfo.titlePath.slice(1).join(' › '),
      });
      await use(session);
      await session?.close();
    },
    noStep,
  ],

  api: [
    async ({ target, targetSession: session, runSettings, targetHealth }, use, testInfo) => {
      const api = new TwilioApi(target, session, targetHealth);
      onFailedAssertion(() => api.noteFailedAssertion());
      testInfo.annotations.push(
        { type: 'target', description: `${target.kind} ${target.url} ${target.fingerprint()}` },
        { type: 'seed', description: String(runSettings.seed) },
      );
      await use(api);
      onFailedAssertion(undefined);
      api.noteCheckEnded();
      const failed = testInfo.status === 'failed' || testInfo.status === 'timedOut';
      const [connectionFailure] = api.connectionFailures;
      // The reporter counts such a failure as the target's absence, not a verdict, once the target is gone.
      if (failed && connectionFailure)
        testInfo.annotations.push({ type: 'connection-failure', description: connectionFailure });
      // pushed rather than attach()ed: attach() adds a step to every check, and with it a captured,
      // source-mapped stack and two more messages to the runner, for a body it keeps the same way
      testInfo.attachments.push({
        name: 'http-exchanges',
        body: Buffer.from(
          JSON.stringify(
            checkEvidence(api.exchanges, api.requestsByApi, failed ? api.failedOn() : undefined),
          ),
        ),
        contentType: 'application/json',
      });
    },
    noStep,
  ],

  uniqueName: [
    async ({ runSettings }, use, testInfo) => {
      let counter = 0;
      const testKey = testInfo.testId.slice(-6);
      await use((purpose) => `flexconf-${runSettings.runId}-${testKey}-${purpose}-${++counter}`);
    },
    noStep,
  ],

  failureKeepsWorker: [
    async ({ runSettings, mockFaults }, use, testInfo) => {
      await use();
      if (mockFaults?.length) testInfo.expectedStatus = testInfo.status ?? testInfo.expectedStatus;
      else if (runSettings.mode === 'run' && testInfo.status === 'failed') testInfo.expectedStatus = 'failed';
    },
    { auto: true, box: 'self' },
  ],

  // Depends on `api` so its deletes run before the api's session closes (they are recorded too).
  cleanup: [
    async ({ api }, use) => {
      const undo: Array<() => Promise<unknown>> = [];
      await use((step) => undo.push(step));
      api.noteCheckEnded();
      for (const step of undo.reverse()) {
        await step().catch(() => undefined);
      }
    },
    noStep,
  ],

  studio: [
    async ({ api, uniqueName, cleanup }, use) => {
      await use(new StudioApi(api, uniqueName('flow'), cleanup));
    },
    noStep,
  ],

  workflow: [
    async ({ api, routing, uniqueName, cleanup }, use) => {
      const sid = await routing.createWorkflow(api, uniqueName('Assign to Anyone'));
      cleanup(() => routing.workspace(api).deleteWorkflow(sid));
      await use(sid);
    },
    noStep,
  ],

  voice: [
    async ({ api }, use, testInfo) => {
      const voice = voicePlatformFor(api);
      testInfo.skip(!voice, voiceNumberMissing);
      if (!voice) return;
      await use(voice);
      await voice.close();
    },
    noStep,
  ],

  httpStub: [
    async ({ target, targetSession }, use, testInfo) => {
      const reachesLoopback = target.kind === 'mock' || target.kind === 'url';
      testInfo.skip(!reachesLoopback && !targetSession?.publishStub, publicUrlMissing);
      const stub = await HttpStub.start();
      const published = targetSession?.publishStub?.(stub);
      if (published) stub.publishAt(published.url);
      await use(stub);
      published?.release();
      await stub.close();
    },
    noStep,
  ],

  messaging: [
    async ({ api, uniqueName, cleanup }, use) => {
      await use(new LegacyMessaging(api, uniqueName('messaging'), cleanup));
    },
    noStep,
  ],

  customers: [
    async ({ api, uniqueName, cleanup }, use) => {
      await use(new ConversationCustomer(api, uniqueName('conversation'), cleanup));
    },
    noStep,
  ],
});
