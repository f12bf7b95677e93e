import { test as base } from '../fixtures';
import { HttpStub } from './http-stub';
import { StudioApi } from './studio-api';
import { VoicePlatform } from './voice-platform';

export { expect, observeReading, verifies } from '../fixtures';

interface TestFixtures {
  studio: StudioApi;
  /** A workflow ("Assign to Anyone" shape) of the test's own, so its tasks are the test's tasks. */
  workflow: string;
  /** The voice platform; checks using it are skipped on a target whose voice webhooks cannot be reached. */
  voice: VoicePlatform;
  /** A local server for make-http-request / run-function widgets and webhooks to call. */
  httpStub: HttpStub;
}

export const test = base.extend<TestFixtures>({
  studio: async ({ api, uniqueName, cleanup }, use) => {
    await use(new StudioApi(api, uniqueName('flow'), cleanup));
  },

  workflow: async ({ api, routing, uniqueName, cleanup }, use) => {
    const sid = await routing.createWorkflow(api, uniqueName('Assign to Anyone'));
    cleanup(() => routing.deleteWorkflow(api, sid));
    await use(sid);
  },

  voice: async ({ api, target }, use, testInfo) => {
    testInfo.skip(
      !target.capabilities.voiceWebhooks,
      'voice checks need the flow webhook reachable as Twilio’s voice platform reaches it (a voice number on a real account)',
    );
    await use(new VoicePlatform(api));
  },

  httpStub: async ({ target }, use, testInfo) => {
    testInfo.skip(
      target.kind === 'twilio' || target.kind === 'replay',
      'the check needs a server on this machine that the target can call',
    );
    const stub = await HttpStub.start();
    await use(stub);
    await stub.close();
  },
});
