import fc from 'fast-check';
import { e164, incomingCall } from '../../generators/callers';
import { sid } from '../../generators/sids';
import { flowDefinition, sendToFlexWidget, setVariablesWidget } from '../../generators/studio';
import { voiceWidget } from '../drivers/call-flows';
import { testEveryTrigger } from '../every-trigger';
import { expect, test, verifies } from '../fixtures';
import { watchForTrace } from '../no-trace';
import { samplesOf, scaled, weights } from '../properties';

/** After the widget: one set-variables widget per event, so each transition has somewhere to go. */
const afterEach = {
  callComplete: 'after_task_created',
  failedToEnqueue: 'after_failed_to_create_task',
  callFailure: 'after_call_failed',
} as const;

test.describe('Studio executions record what the widget did', () => {
  test(
    'POST /v2/Flows/{Sid}/Executions requires To and From and creates an active or ended FN execution',
    verifies('TRANS-EXECUTION-CREATE'),
    async ({ api, studio }) => {
      const flow = await studio.publish(
        flowDefinition('incomingRequest', [setVariablesWidget('noted', { seen: 'yes' })]),
      );
      const path = `/v2/Flows/${flow.sid}/Executions`;
      await fc.assert(
        fc.asyncProperty(e164(), e164(), async (to, from) => {
          const form: Record<string, string> = { To: to, From: from };
          for (const omitted of ['To', 'From']) {
            const { [omitted]: _left, ...without } = form;
            const unchanged = await watchForTrace('executions of the flow', async () =>
              (await studio.executions(flow.sid)).json.executions.map((execution) => execution.sid),
            );
            const refused = await api.post('studio', path, without);
            expect(refused.status, `POST studio/… without ${omitted}: status`).toBe(400);
            expect(refused.json, `error of POST /Executions without ${omitted}`).toMatchObject({
              code: 20001,
            });
            await unchanged();
          }
          const created = await api.post<{ sid: string; status: string }>('studio', path, form);
          expect(created.status, 'POST studio/… status').toBe(201);
          expect(created.json.sid, 'sid of the created execution').toMatch(/^FN[0-9a-fA-F]{32}$/);
          expect(['active', 'ended'], 'status of the created execution').toContain(created.json.status);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'steps name the event taken with transitioned_from the widget and transitioned_to the widget it leads to',
    verifies('TRANS-EXECUTION-STEPS-RECORD-TRANSITIONS'),
    async ({ studio, routing, workflow, voice }) => {
      const flow = await studio.publish(
        flowDefinition('incomingCall', [
          sendToFlexWidget(voiceWidget, { workflow, channel: routing.channels.voice.sid }, afterEach),
          setVariablesWidget(afterEach.callComplete, { outcome: 'created' }),
          setVariablesWidget(afterEach.failedToEnqueue, { outcome: 'failed' }),
          setVariablesWidget(afterEach.callFailure, { outcome: 'call failed' }),
        ]),
      );
      const [caller] = samplesOf(incomingCall(), 1, 61);
      // The platform's failure leads to Call failed; where a check can only hang up, to Task created.
      const [queueResult, event] = voice.canLeaveQueueWith('system-error')
        ? (['system-error', 'callFailure'] as const)
        : (['hangup', 'callComplete'] as const);
      const answered = await voice.call(flow, caller!);
      await voice.leaveQueue(answered.enqueue!, answered.call, queueResult);
      const [execution] = await studio.awaitExecutions(flow.sid);
      const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
      expect(
        steps.find((step) => step.transitioned_from === voiceWidget),
        'step out of the Send to Flex widget',
      ).toMatchObject({
        name: event,
        transitioned_from: voiceWidget,
        transitioned_to: afterEach[event],
      });
    },
  );

  testEveryTrigger(
    'the step out of the widget names the event taken and the widget that event leads to',
    verifies('TRANS-EXECUTION-STEPS-RECORD-TRANSITIONS'),
    async (trigger, { studio, workflow }) => {
      const publishVia = (via: string) =>
        studio.publish(
          flowDefinition(trigger.event, [
            sendToFlexWidget(trigger.widget, { workflow: via, channel: trigger.channel }, afterEach),
            setVariablesWidget(afterEach.callComplete, { outcome: 'created' }),
            setVariablesWidget(afterEach.failedToEnqueue, { outcome: 'failed' }),
            setVariablesWidget(afterEach.callFailure, { outcome: 'call failed' }),
          ]),
        );
      // Task created through the test's workflow; Failed to create task through one that does not exist.
      const [unknownWorkflow] = samplesOf(sid('WW'), 1, 71);
      const flows = {
        callComplete: await publishVia(workflow),
        failedToEnqueue: await publishVia(unknownWorkflow!),
      };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('callComplete', 'failedToEnqueue' as const),
          trigger.customer(),
          async (event, who) => {
            const flow = flows[event];
            const { execution } = await trigger.fire(flow, who);
            const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, trigger.widget);
            expect(
              steps.find((step) => step.transitioned_from === trigger.widget),
              'step out of the Send to Flex widget',
            ).toMatchObject({
              name: event,
              transitioned_from: trigger.widget,
              transitioned_to: afterEach[event],
            });
          },
        ),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'the execution context holds widgets.<name>.TaskSid of the task created',
    verifies('TRANS-EXECUTION-CONTEXT-WIDGET-VARIABLES'),
    async (trigger, { studio }) => {
      const flow = await trigger.publish();
      await fc.assert(
        fc.asyncProperty(trigger.customer(), async (who) => {
          const { task, execution } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          await studio.awaitStepFrom(flow.sid, execution!.sid, trigger.widget);
          const context = await studio.context(flow.sid, execution!.sid);
          expect(context.status, 'studio.context(…) status').toBe(200);
          expect(
            context.json.context.widgets?.[trigger.widget]?.TaskSid,
            'widgets.<name>.TaskSid in the execution context against the task created',
          ).toBe(task?.sid);
        }),
        scaled(weights.flow),
      );
    },
  );
});
