import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { attributesFiller, customAttributes } from '../../generators/liquid';
import { callFlowDefinition, callThroughQueue, voiceWidget } from '../drivers/call-flows';
import { attributesOf } from '../drivers/taskrouter';
import { testEveryTrigger } from '../every-trigger';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** A JSON object of exactly `length` characters: `{"filler":"ééé…"}`, the filler character repeated. */
const attributesOfLength = (length: number, filler: string) =>
  JSON.stringify({ filler: filler.repeat(length - '{"filler":""}'.length) });

/** The task attributes under the keys the widget configured (the platform adds others: call_sid, channelType…). */
const configuredKeysOf = (stored: Record<string, unknown>, configured: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(configured).map((key) => [key, stored[key]]));

const withoutLiquid = (attributes: Record<string, unknown>) => !/\{\{|\{%/.test(JSON.stringify(attributes));

test.describe('task attributes', () => {
  testEveryTrigger(
    'the attributes JSON becomes the task attributes, custom keys and nested values kept as written',
    verifies('STF-ATTRIBUTES-BECOME-TASK-ATTRIBUTES'),
    async (trigger) => {
      const attributes = customAttributes().filter(
        (value) => withoutLiquid(value) && !('call_sid' in value) && JSON.stringify(value).length <= 1024,
      );
      await fc.assert(
        fc.asyncProperty(attributes, trigger.customer(), async (custom, who) => {
          const flow = await trigger.publish({ attributes: JSON.stringify(custom) });
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(
            configuredKeysOf(attributesOf(task!), custom),
            "configured keys of the task's attributes against the widget's attributes",
          ).toEqual(custom);
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'attributes of exactly 1024 characters are accepted and reach the task unchanged',
    verifies('STF-ATTRIBUTES-MAX-1024'),
    async (trigger) => {
      await fc.assert(
        fc.asyncProperty(attributesFiller(), trigger.customer(), async (filler, who) => {
          const attributes = attributesOfLength(1024, filler);
          const flow = await trigger.publish({ attributes });
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(
            attributesOf(task!).filler,
            "filler of the task's attributes against 1024 characters of widget attributes",
          ).toBe(JSON.parse(attributes).filler);
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'attributes of 1025 characters are refused, at validation or by Failed to create task, never truncated',
    verifies('STF-ATTRIBUTES-MAX-1024'),
    async (trigger, { studio }) => {
      await fc.assert(
        fc.asyncProperty(attributesFiller(), trigger.customer(), async (filler, who) => {
          const created = await studio.create(
            trigger.definition({ attributes: attributesOfLength(1025, filler) }),
          );
          if (created.status !== 201) {
            expect(created.json.code, created.text).toBe(81022);
            return;
          }
          const { task } = await trigger.fire(created.json, who);
          expect(task, 'a task was created from attributes over 1024 characters').toBeUndefined();
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'the 1024-character limit counts the template or the rendered JSON (reported)',
    verifies('STF-ATTRIBUTES-MAX-1024'),
    async ({ api, studio, routing, workflow, voice }, testInfo) => {
      const template = '{"callers": "{% for i in (1..100) %}{{trigger.call.From}}{% endfor %}"}';
      const created = await studio.create(callFlowDefinition(routing, workflow, { attributes: template }));
      expect(created.status, 'studio.create(…) status').toBe(201);
      const [call] = samplesOf(incomingCall(), 1, 53);
      const { task, answered } = await callThroughQueue(voice, api, routing, workflow, created.json, call!);
      if (task) {
        observeReading(testInfo, 'STF-ATTRIBUTES-MAX-1024', 'template');
        // The caller as the platform names it: on a real account, the number the run calls from.
        expect(
          attributesOf(task).callers,
          "callers of the task's attributes: the caller 100 times over",
        ).toBe(answered.call.From.repeat(100));
      } else {
        observeReading(testInfo, 'STF-ATTRIBUTES-MAX-1024', 'rendered');
        const [execution] = await studio.awaitExecutions(created.json.sid);
        const steps = await studio.awaitStepFrom(created.json.sid, execution!.sid, voiceWidget);
        expect(
          steps.find((step) => step.transitioned_from === voiceWidget)?.name,
          'event the widget took for attributes over 1024 characters',
        ).toBe('failedToEnqueue');
      }
    },
  );
});
