import fc from 'fast-check';
import { attributesFiller, customAttributes } from '../../generators/liquid';
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

/** How many times the template of the limit's reading repeats the sender: 3 characters × 342 pass 1024. */
const senderRepeats = 342;

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

  testEveryTrigger(
    'the 1024-character limit counts the template or the rendered JSON (reported)',
    verifies('STF-ATTRIBUTES-MAX-1024'),
    async (trigger, { studio }, testInfo) => {
      const data = trigger.kind.replace('incoming ', '');
      // A template of under 100 characters that renders past 1024 for any sender: every From has at least 3.
      const template = `{"callers": "{% for i in (1..${senderRepeats}) %}{{trigger.${data}.From}}{% endfor %}"}`;
      const created = await studio.create(trigger.definition({ attributes: template }));
      expect(created.status, 'studio.create(…) status').toBe(201);
      const [who] = samplesOf(trigger.customer(), 1, 53);
      const { task, execution } = await trigger.fire(created.json, who);
      if (task) {
        observeReading(testInfo, 'STF-ATTRIBUTES-MAX-1024', 'template');
        // The sender as the platform names it: on a real account, the number the run calls from.
        const context = await studio.context(created.json.sid, execution!.sid);
        const from = String((context.json.context.trigger?.[data] as { From?: unknown } | undefined)?.From);
        expect(
          attributesOf(task).callers,
          `callers of the task's attributes: the sender ${senderRepeats} times over`,
        ).toBe(from.repeat(senderRepeats));
      } else {
        observeReading(testInfo, 'STF-ATTRIBUTES-MAX-1024', 'rendered');
        const steps = await studio.awaitStepFrom(created.json.sid, execution!.sid, trigger.widget);
        expect(
          steps.find((step) => step.transitioned_from === trigger.widget)?.name,
          'event the widget took for attributes over 1024 characters',
        ).toBe('failedToEnqueue');
      }
    },
  );
});
