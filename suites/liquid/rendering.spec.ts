import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { attributesTemplate, jsonSafeText, renderedAttributes, templateText } from '../../generators/liquid';
import { flowDefinition, sendToFlexWidget, setVariablesWidget } from '../../generators/studio';
import { callFlowDefinition, callThroughQueue, taskOfCall, voiceWidget } from '../drivers/call-flows';
import { attributesOf } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

test.describe('Liquid in the widget’s attributes', () => {
  test(
    'every output tag is replaced by its value before the task is created; no template text reaches the task',
    verifies('LIQUID-ATTRIBUTES-RENDERED'),
    async ({ api, studio, routing, workflow, voice }) => {
      await fc.assert(
        fc.asyncProperty(
          attributesTemplate(),
          jsonSafeText(),
          incomingCall(),
          async (template, queue, caller) => {
            const flow = await studio.publish(
              flowDefinition('incomingCall', [
                setVariablesWidget('choose_queue', { queue }, voiceWidget),
                sendToFlexWidget(voiceWidget, {
                  workflow,
                  channel: routing.channels.voice.sid,
                  attributes: templateText(template),
                }),
              ]),
            );
            const answered = await voice.call(flow, caller);
            const task = await taskOfCall(api, routing, workflow, answered.call);
            expect(task, answered.response.text).toBeDefined();
            expect(task?.attributes ?? '', 'task attributes still holding Liquid tags').not.toMatch(
              /\{\{|\{%/,
            );
            const { call_sid: _added, ...attributes } = attributesOf(task!);
            expect(attributes, 'rendered attributes of the task the widget created').toEqual(
              renderedAttributes(template, {
                'trigger.call.From': answered.call.From,
                'trigger.call.To': answered.call.To,
                'flow.variables.queue': queue,
              }),
            );
          },
        ),
        scaled(weights.flow),
      );
    },
  );

  test(
    'attributes that do not render to JSON: refused, Failed to create task, or other attributes (reported)',
    verifies('LIQUID-INVALID-RENDERED-JSON'),
    async ({ api, studio, routing, workflow, voice }, testInfo) => {
      const attributes = '{"name": {{trigger.call.From}}, "type": "inbound"}';
      const created = await studio.create(callFlowDefinition(routing, workflow, { attributes }));
      if (created.status !== 201) {
        observeReading(testInfo, 'LIQUID-INVALID-RENDERED-JSON', 'validation-refuses');
        expect(created.json.code, created.text).toBe(81022);
        return;
      }
      const [caller] = samplesOf(incomingCall(), 1, 173);
      const { task } = await callThroughQueue(voice, api, routing, workflow, created.json, caller!);
      if (task) {
        observeReading(testInfo, 'LIQUID-INVALID-RENDERED-JSON', 'other-attributes');
        return;
      }
      observeReading(testInfo, 'LIQUID-INVALID-RENDERED-JSON', 'failed-to-create-task');
      const [execution] = await studio.awaitExecutions(created.json.sid);
      const steps = await studio.awaitStepFrom(created.json.sid, execution!.sid, voiceWidget);
      expect(
        steps.find((step) => step.transitioned_from === voiceWidget)?.name,
        'transition out of the Send to Flex widget whose attributes are not JSON',
      ).toBe('failedToEnqueue');
    },
  );
});
