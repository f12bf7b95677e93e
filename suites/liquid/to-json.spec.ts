import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { customAttributes, jsonValue } from '../../generators/liquid';
import {
  flowDefinition,
  httpRequestWidget,
  runFunctionWidget,
  sendToFlexWidget,
} from '../../generators/studio';
import { taskOfCall, voiceWidget } from '../drivers/call-flows';
import { attributesOf } from '../drivers/taskrouter';
import { triggerFor, triggerKinds } from '../drivers/triggers';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

const small = (value: unknown) =>
  JSON.stringify(value).length <= 600 && !/\{\{|\{%/.test(JSON.stringify(value));

test.describe('to_json and parsed responses', () => {
  test(
    '{{widgets.CustomerFunction.parsed | to_json}} puts the function’s object into the attributes as an object',
    verifies('LIQUID-TO-JSON-OBJECT'),
    async ({ api, studio, routing, workflow, voice, httpStub }) => {
      let current: unknown = {};
      httpStub.respond('/customer', () => ({
        body: JSON.stringify(current),
        contentType: 'application/json',
      }));
      const flow = await studio.publish(
        flowDefinition('incomingCall', [
          runFunctionWidget(
            'CustomerFunction',
            httpStub.url('/customer'),
            { caller: '{{trigger.call.From}}' },
            {
              success: voiceWidget,
            },
          ),
          sendToFlexWidget(voiceWidget, {
            workflow,
            channel: routing.channels.voice.sid,
            attributes: '{"customer_attributes": {{widgets.CustomerFunction.parsed | to_json}}}',
          }),
        ]),
      );
      await fc.assert(
        fc.asyncProperty(customAttributes().filter(small), incomingCall(), async (customer, caller) => {
          current = customer;
          const answered = await voice.call(flow, caller);
          const task = await taskOfCall(api, routing, workflow, answered.call);
          expect(task, answered.response.text).toBeDefined();
          expect(
            attributesOf(task!).customer_attributes,
            "customer_attributes of the task: the function's object through to_json",
          ).toEqual(customer);
        }),
        scaled(weights.flow),
      );
    },
  );

  for (const kind of triggerKinds) {
    test(
      `to_json of any JSON value (null, boolean, number, string, array, object) round-trips as that value, not as a string, through an ${kind}`,
      verifies('LIQUID-TO-JSON-OBJECT'),
      async ({ api, studio, routing, workflow, messaging, customers, cleanup, httpStub }, testInfo) => {
        const trigger = triggerFor(
          kind,
          { api, studio, routing, workflow, messaging, customers, cleanup },
          testInfo,
        );
        let current: unknown = null;
        httpStub.respond('/value', () => ({
          body: JSON.stringify({ value: current }),
          contentType: 'application/json',
        }));
        const flow = await studio.publish(
          flowDefinition(trigger.event, [
            httpRequestWidget('lookup', httpStub.url('/value'), { success: trigger.widget }),
            sendToFlexWidget(trigger.widget, {
              workflow,
              channel: trigger.channel,
              attributes: '{"value": {{widgets.lookup.parsed.value | to_json}}}',
            }),
          ]),
        );
        await fc.assert(
          fc.asyncProperty(jsonValue().filter(small), trigger.customer(), async (value, who) => {
            current = value;
            const { task } = await trigger.fire(flow, who);
            expect(task, 'the flow created no task').toBeDefined();
            expect(
              attributesOf(task!).value,
              "value of the task's attributes: the lookup's JSON through to_json",
            ).toEqual(JSON.parse(JSON.stringify(value)));
          }),
          scaled(weights.flow),
        );
      },
    );
  }

  for (const kind of triggerKinds) {
    test(
      `a JSON object answer’s fields are widgets.<name>.parsed.<field>, through an ${kind}`,
      verifies('LIQUID-PARSED-JSON-RESPONSE'),
      async ({ api, studio, routing, workflow, messaging, customers, cleanup, httpStub }, testInfo) => {
        const trigger = triggerFor(
          kind,
          { api, studio, routing, workflow, messaging, customers, cleanup },
          testInfo,
        );
        let current = { isOpen: true, closedReason: 'holiday' };
        httpStub.respond('/check-schedule', () => ({
          body: JSON.stringify(current),
          contentType: 'application/json',
        }));
        const flow = await studio.publish(
          flowDefinition(trigger.event, [
            httpRequestWidget('check_schedule', httpStub.url('/check-schedule'), { success: trigger.widget }),
            sendToFlexWidget(trigger.widget, {
              workflow,
              channel: trigger.channel,
              attributes:
                '{"open": "{{widgets.check_schedule.parsed.isOpen}}", "reason": "{{widgets.check_schedule.parsed.closedReason}}"}',
            }),
          ]),
        );
        await fc.assert(
          fc.asyncProperty(
            fc.boolean(),
            fc.constantFrom('manual', 'holiday', 'none'),
            trigger.customer(),
            async (isOpen, reason, who) => {
              current = { isOpen, closedReason: reason };
              const { task } = await trigger.fire(flow, who);
              expect(task, 'the flow created no task').toBeDefined();
              expect(
                attributesOf(task!),
                'task attributes rendered from widgets.<name>.parsed.<field>',
              ).toMatchObject({ open: String(isOpen), reason });
            },
          ),
          scaled(weights.flow),
        );
      },
    );
  }
});
