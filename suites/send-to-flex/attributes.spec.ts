import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { customAttributes } from '../../generators/liquid';
import { callFlowDefinition, callThroughQueue, publishCallFlow, voiceWidget } from '../drivers/call-flows';
import { attributesOf } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** A JSON object of exactly `length` characters: `{"filler":"xxx…"}`. */
const attributesOfLength = (length: number) =>
  JSON.stringify({ filler: 'x'.repeat(length - '{"filler":""}'.length) });

const withoutLiquid = (attributes: Record<string, unknown>) => !/\{\{|\{%/.test(JSON.stringify(attributes));

test.describe('task attributes', () => {
  test(
    'the attributes JSON becomes the task attributes, custom keys and nested values kept as written',
    verifies('STF-ATTRIBUTES-BECOME-TASK-ATTRIBUTES'),
    async ({ api, studio, routing, workflow, voice }) => {
      const attributes = customAttributes().filter(
        (value) => withoutLiquid(value) && !('call_sid' in value) && JSON.stringify(value).length <= 1024,
      );
      await fc.assert(
        fc.asyncProperty(attributes, incomingCall(), async (custom, call) => {
          const flow = await publishCallFlow(studio, routing, workflow, {
            attributes: JSON.stringify(custom),
          });
          const { task } = await callThroughQueue(voice, api, routing, workflow, flow, call);
          expect(task, 'the call has no task').toBeDefined();
          const { call_sid: _added, ...stored } = attributesOf(task!);
          expect(stored).toEqual(custom);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'attributes of exactly 1024 characters are accepted and reach the task unchanged',
    verifies('STF-ATTRIBUTES-MAX-1024'),
    async ({ api, studio, routing, workflow, voice }) => {
      const attributes = attributesOfLength(1024);
      expect(attributes).toHaveLength(1024);
      const flow = await publishCallFlow(studio, routing, workflow, { attributes });
      const [call] = fc.sample(incomingCall(), { numRuns: 1, seed: 43 });
      const { task } = await callThroughQueue(voice, api, routing, workflow, flow, call!);
      expect(task, 'the call has no task').toBeDefined();
      expect(attributesOf(task!).filler).toBe(JSON.parse(attributes).filler);
    },
  );

  test(
    'attributes of 1025 characters are refused, at validation or by Failed to create task, never truncated',
    verifies('STF-ATTRIBUTES-MAX-1024'),
    async ({ api, studio, routing, workflow, voice }) => {
      const attributes = attributesOfLength(1025);
      const created = await studio.create(callFlowDefinition(routing, workflow, { attributes }));
      if (created.status !== 201) {
        expect(created.json.code, created.text).toBe(81022);
        return;
      }
      const [call] = fc.sample(incomingCall(), { numRuns: 1, seed: 47 });
      const { task } = await callThroughQueue(voice, api, routing, workflow, created.json, call!);
      expect(task, 'a task was created from attributes over 1024 characters').toBeUndefined();
    },
  );

  test(
    'the 1024-character limit counts the template or the rendered JSON (reported)',
    verifies('STF-ATTRIBUTES-MAX-1024'),
    async ({ api, studio, routing, workflow, voice }, testInfo) => {
      const template = '{"callers": "{% for i in (1..100) %}{{trigger.call.From}}{% endfor %}"}';
      const created = await studio.create(callFlowDefinition(routing, workflow, { attributes: template }));
      expect(created.status, 'studio.create(…) status').toBe(201);
      const [call] = fc.sample(incomingCall(), { numRuns: 1, seed: 53 });
      const { task } = await callThroughQueue(voice, api, routing, workflow, created.json, call!);
      if (task) {
        observeReading(testInfo, 'STF-ATTRIBUTES-MAX-1024', 'template');
        expect(attributesOf(task).callers).toBe(call!.From.repeat(100));
      } else {
        observeReading(testInfo, 'STF-ATTRIBUTES-MAX-1024', 'rendered');
        const [execution] = await studio.awaitExecutions(created.json.sid);
        const steps = await studio.awaitStepFrom(created.json.sid, execution!.sid, voiceWidget);
        expect(steps.find((step) => step.transitioned_from === voiceWidget)?.name).toBe('failedToEnqueue');
      }
    },
  );
});
