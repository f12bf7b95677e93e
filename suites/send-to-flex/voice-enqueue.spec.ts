import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { exported, holdMusicUrl, priority, timeout } from '../../generators/studio';
import { callThroughQueue, publishCallFlow, taskOfCall } from '../drivers/call-flows';
import { attributesOf } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** Why a check of the `<Enqueue>` TwiML skips where the suite does not play the voice platform (a real account). */
const twimlUnseen =
  'reads the TwiML the flow answers the call with, which only the voice platform sees: hold-music-call-out.spec.ts observes these rules there';

/** The Voice IVR flow's default attributes (seed 001, the current Twilio page). */
const voiceDefaultAttributes = '{ "type": "inbound", "name": "{{trigger.call.From}}" }';

test.describe('an incoming call is enqueued through the widget’s workflow', () => {
  test(
    'the call is enqueued with <Enqueue workflowSid><Task priority timeout> holding the attributes, and the call’s task carries them',
    verifies('STF-CALL-ENQUEUED'),
    async ({ api, studio, routing, workflow, voice }) => {
      const twimlSeen = api.target.capabilities.voiceWebhooks;
      await fc.assert(
        fc.asyncProperty(incomingCall(), priority(), timeout(), async (call, p, t) => {
          const flow = await publishCallFlow(studio, routing, workflow, {
            attributes: voiceDefaultAttributes,
            priority: exported(p),
            timeout: exported(t),
          });
          const answered = await voice.call(flow, call);
          if (twimlSeen) {
            const { response, enqueue } = answered;
            expect(response.status, 'voice webhook status').toBe(200);
            expect(enqueue, 'the <Enqueue> in the voice webhook TwiML').toBeDefined();
            expect(
              enqueue?.attributes.workflowSid,
              "workflowSid of the <Enqueue> against the widget's workflow",
            ).toBe(workflow);
            expect(
              enqueue?.task?.attributes,
              "priority and timeout of the <Task> against the widget's settings",
            ).toMatchObject({ priority: String(p), timeout: String(t) });
            expect(
              JSON.parse(enqueue?.task?.body ?? 'null'),
              "body of the <Task>: the widget's attributes, rendered",
            ).toEqual({ type: 'inbound', name: answered.call.From });
          }
          // The task the voice platform made from the <Task>: on a real account, the TwiML's only trace.
          const task = await taskOfCall(api, routing, workflow, answered.call);
          expect(
            task,
            `no task of workflow ${workflow} carries call_sid ${answered.call.CallSid}`,
          ).toBeDefined();
          expect(
            { priority: task?.priority, timeout: task?.timeout },
            "priority and timeout of the call's task against the widget's settings",
          ).toEqual({ priority: p, timeout: t });
          expect(
            task && attributesOf(task),
            "attributes of the call's task: the widget's attributes, rendered",
          ).toMatchObject({ type: 'inbound', name: answered.call.From });
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'with the Voice IVR default attributes the call’s task has type "inbound" and name = the caller',
    verifies('STF-VOICE-DEFAULT-ATTRIBUTES', 'LIQUID-ATTRIBUTES-RENDERED'),
    async ({ api, studio, routing, workflow, voice }) => {
      const flow = await publishCallFlow(studio, routing, workflow, { attributes: voiceDefaultAttributes });
      await fc.assert(
        fc.asyncProperty(incomingCall(), async (call) => {
          const answered = await voice.call(flow, call);
          const task = await taskOfCall(api, routing, workflow, answered.call);
          expect(task, 'the call has no task').toBeDefined();
          expect(
            JSON.parse(task?.attributes ?? '{}'),
            "attributes of the call's task with the Voice IVR defaults",
          ).toMatchObject({
            type: 'inbound',
            name: answered.call.From,
          });
        }),
        scaled(weights.flow),
      );
    },
  );
});

test.describe('hold music', () => {
  test(
    'without a Hold music URL the <Enqueue> has no waitUrl, so the default hold music plays',
    verifies('STF-CALL-HOLD-MUSIC-DEFAULT'),
    async ({ studio, routing, workflow, voice }) => {
      const flow = await publishCallFlow(studio, routing, workflow);
      const [call] = samplesOf(incomingCall(), 1, 3);
      const { enqueue, response } = await voice.call(flow, call!);
      expect(enqueue, response.text).toBeDefined();
      expect(enqueue?.attributes, 'attributes of the <Enqueue> without a Hold music URL').not.toHaveProperty(
        'waitUrl',
      );
    },
  );

  test(
    'a Hold music URL (Liquid allowed) becomes the <Enqueue> waitUrl, rendered',
    verifies('STF-CALL-HOLD-MUSIC-URL'),
    async ({ api, studio, routing, workflow, voice }) => {
      test.skip(!api.target.capabilities.voiceWebhooks, twimlUnseen);
      await fc.assert(
        fc.asyncProperty(holdMusicUrl(), fc.boolean(), incomingCall(), async (url, withLiquid, call) => {
          const separator = url.includes('?') ? '&' : '?';
          const template = withLiquid ? `${url}${separator}caller={{trigger.call.From | url_encode}}` : url;
          const expected = withLiquid ? `${url}${separator}caller=${encodeURIComponent(call.From)}` : url;
          const flow = await publishCallFlow(studio, routing, workflow, {
            waitUrl: template,
            waitUrlMethod: 'POST',
          });
          const { enqueue, response } = await voice.call(flow, call);
          expect(enqueue, response.text).toBeDefined();
          expect(
            enqueue?.attributes.waitUrl,
            'waitUrl of the <Enqueue> against the Hold music URL, rendered',
          ).toBe(expected);
        }),
        scaled(weights.flow),
      );
    },
  );

  for (const method of ['GET', 'POST'] as const) {
    test(
      `URL method ${method} is accepted and becomes the <Enqueue> waitUrlMethod`,
      verifies('STF-HOLD-MUSIC-METHOD'),
      async ({ api, studio, routing, workflow, voice }) => {
        test.skip(!api.target.capabilities.voiceWebhooks, twimlUnseen);
        const [url, call] = samplesOf(fc.tuple(holdMusicUrl(), incomingCall()), 1, 7)[0]!;
        const flow = await publishCallFlow(studio, routing, workflow, {
          waitUrl: url,
          waitUrlMethod: method,
        });
        const { enqueue, response } = await voice.call(flow, call);
        expect(enqueue, response.text).toBeDefined();
        expect(
          enqueue?.attributes.waitUrlMethod,
          "waitUrlMethod of the <Enqueue> against the widget's URL method",
        ).toBe(method);
      },
    );
  }

  test(
    'without a URL method the <Enqueue> leaves waitUrlMethod out or writes GET or POST (reported)',
    verifies('STF-HOLD-MUSIC-METHOD-DEFAULT'),
    async ({ studio, routing, workflow, voice }, testInfo) => {
      const [url, call] = samplesOf(fc.tuple(holdMusicUrl(), incomingCall()), 1, 11)[0]!;
      const flow = await publishCallFlow(studio, routing, workflow, { waitUrl: url });
      const { enqueue, response } = await voice.call(flow, call);
      expect(enqueue, response.text).toBeDefined();
      const method = enqueue?.attributes.waitUrlMethod;
      observeReading(testInfo, 'STF-HOLD-MUSIC-METHOD-DEFAULT', method === undefined ? 'omitted' : 'written');
      if (method !== undefined)
        expect(['GET', 'POST'], 'waitUrlMethod of the <Enqueue> without a URL method').toContain(method);
    },
  );

  test(
    'a Hold music URL that is not absolute after Liquid is left out of the <Enqueue> (81028, reported)',
    verifies('STF-HOLD-MUSIC-INVALID-URL'),
    async ({ studio, routing, workflow, voice }, testInfo) => {
      const [call] = samplesOf(incomingCall(), 1, 13);
      const flow = await publishCallFlow(studio, routing, workflow, {
        waitUrl: '{{flow.variables.no_such_variable}}/hold.xml',
        waitUrlMethod: 'GET',
      });
      const { enqueue, response } = await voice.call(flow, call!);
      expect(enqueue, response.text).toBeDefined();
      const waitUrl = enqueue?.attributes.waitUrl;
      observeReading(testInfo, 'STF-HOLD-MUSIC-INVALID-URL', waitUrl === undefined ? 'omitted' : 'kept');
    },
  );
});

test.describe('voice tasks', () => {
  test(
    'the call’s task is created for the caller as soon as the call is enqueued, before it leaves the queue',
    verifies('STF-CALL-ENQUEUED'),
    async ({ api, studio, routing, workflow, voice }) => {
      const [call] = samplesOf(incomingCall(), 1, 17);
      const flow = await publishCallFlow(studio, routing, workflow, { attributes: voiceDefaultAttributes });
      const { task } = await callThroughQueue(voice, api, routing, workflow, flow, call!);
      expect(task?.workflow_sid, "workflow_sid of the call's task, once enqueued").toBe(workflow);
      expect(task?.assignment_status, "assignment_status of the call's task, once enqueued").toBe('pending');
    },
  );
});
