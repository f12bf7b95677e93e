import fc from 'fast-check';
import { attributesTemplate, jsonSafeText, renderedAttributes, templateText } from '../../generators/liquid';
import { flowDefinition, sendToFlexWidget, setVariablesWidget } from '../../generators/studio';
import { attributesOf } from '../drivers/taskrouter';
import type { TriggerKind } from '../drivers/triggers';
import { testEveryTrigger } from '../every-trigger';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** Where a trigger's data is in the flow context: trigger.call, trigger.message, trigger.conversation. */
const triggerDataName = (kind: TriggerKind) => kind.replace('incoming ', '');

/** Attributes the platform adds to a task beside the widget's (a call's SID, a conversation's sender). */
const addedByThePlatform = (key: string) =>
  [
    'call_sid',
    'channelType',
    'customerAddress',
    'customerName',
    'from',
    'name',
    'flexInteractionSid',
  ].includes(key);

test.describe('Liquid in the widget’s attributes', () => {
  testEveryTrigger(
    'every output tag is replaced by its value before the task is created; no template text reaches the task',
    verifies('LIQUID-ATTRIBUTES-RENDERED'),
    async (trigger, { studio, workflow }) => {
      const data = triggerDataName(trigger.kind);
      const template = attributesTemplate().filter((parts) => !Object.keys(parts).some(addedByThePlatform));
      await fc.assert(
        fc.asyncProperty(template, jsonSafeText(), trigger.customer(), async (parts, queue, who) => {
          const flow = await studio.publish(
            flowDefinition(trigger.event, [
              setVariablesWidget('choose_queue', { queue }, trigger.widget),
              sendToFlexWidget(trigger.widget, {
                workflow,
                channel: trigger.channel,
                attributes: templateText(parts).replaceAll('{{trigger.call.', `{{trigger.${data}.`),
              }),
            ]),
          );
          const { task, execution } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(task?.attributes ?? '', 'task attributes still holding Liquid tags').not.toMatch(/\{\{|\{%/);
          // The trigger's values as the platform names them (on a real account, the number the run calls from).
          const context = await studio.context(flow.sid, execution!.sid);
          const values = (context.json.context.trigger?.[data] ?? {}) as Record<string, unknown>;
          const stored = attributesOf(task!);
          expect(
            Object.fromEntries(Object.keys(parts).map((key) => [key, stored[key]])),
            'rendered attributes of the task the widget created',
          ).toEqual(
            renderedAttributes(parts, {
              'trigger.call.From': String(values.From ?? ''),
              'trigger.call.To': String(values.To ?? ''),
              'flow.variables.queue': queue,
            }),
          );
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'attributes that do not render to JSON: refused, Failed to create task, or other attributes (reported)',
    verifies('LIQUID-INVALID-RENDERED-JSON'),
    async (trigger, { studio }, testInfo) => {
      // Angle brackets around the sender: no sender's From renders to JSON there.
      const attributes = `{"name": <{{trigger.${triggerDataName(trigger.kind)}.From}}>, "type": "inbound"}`;
      const created = await studio.create(trigger.definition({ attributes }));
      if (created.status !== 201) {
        observeReading(testInfo, 'LIQUID-INVALID-RENDERED-JSON', 'validation-refuses');
        expect(created.json.code, created.text).toBe(81022);
        return;
      }
      const [who] = samplesOf(trigger.customer(), 1, 173);
      const { task, execution } = await trigger.fire(created.json, who);
      if (task) {
        observeReading(testInfo, 'LIQUID-INVALID-RENDERED-JSON', 'other-attributes');
        return;
      }
      observeReading(testInfo, 'LIQUID-INVALID-RENDERED-JSON', 'failed-to-create-task');
      const steps = await studio.awaitStepFrom(created.json.sid, execution!.sid, trigger.widget);
      expect(
        steps.find((step) => step.transitioned_from === trigger.widget)?.name,
        'transition out of the Send to Flex widget whose attributes are not JSON',
      ).toBe('failedToEnqueue');
    },
  );
});
