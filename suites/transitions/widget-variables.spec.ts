import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { flowDefinition, sendToFlexWidget, setVariablesWidget } from '../../generators/studio';
import { voiceWidget } from '../drivers/call-flows';
import { attributesOf } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';

test.describe('variables the widget stores', () => {
  test(
    '{{widgets.<name>.TaskSid}} renders the SID of the task created, in the next widget',
    verifies('TRANS-VAR-TASKSID'),
    async ({ api, studio, routing, workflow, voice }) => {
      const flow = await studio.publish(
        flowDefinition('incomingCall', [
          sendToFlexWidget(
            voiceWidget,
            { workflow, channel: routing.channels.voice.sid },
            { callComplete: 'remember' },
          ),
          setVariablesWidget('remember', { task: `{{widgets.${voiceWidget}.TaskSid}}` }),
        ]),
      );
      const [caller] = fc.sample(incomingCall(), { numRuns: 1, seed: 71 });
      const answered = await voice.call(flow, caller!);
      await voice.leaveQueue(answered.enqueue!, answered.call, 'bridged');
      const [task] = await routing.workspace(api).tasksOf(workflow);
      const [execution] = await studio.awaitExecutions(flow.sid);
      await studio.awaitStepFrom(flow.sid, execution!.sid, 'remember');
      const context = await studio.context(flow.sid, execution!.sid);
      expect(task?.sid).toMatch(/^WT[0-9a-fA-F]{32}$/);
      expect(context.json.context.flow?.variables).toMatchObject({ task: task?.sid });
    },
  );

  test(
    'Age, when stored, is the task age in whole seconds (its presence is reported)',
    verifies('TRANS-VAR-AGE'),
    async ({ studio, routing, workflow, voice }, testInfo) => {
      const flow = await studio.publish(
        flowDefinition('incomingCall', [
          sendToFlexWidget(voiceWidget, { workflow, channel: routing.channels.voice.sid }),
        ]),
      );
      const [caller] = fc.sample(incomingCall(), { numRuns: 1, seed: 73 });
      const answered = await voice.call(flow, caller!);
      await voice.leaveQueue(answered.enqueue!, answered.call, 'hangup');
      const [execution] = await studio.awaitExecutions(flow.sid);
      await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
      const variables = await studio.widgetVariables(flow.sid, execution!.sid, voiceWidget);
      observeReading(testInfo, 'TRANS-VAR-AGE', 'Age' in variables ? 'age-and-attributes' : 'tasksid-only');
      if ('Age' in variables) {
        expect(Number.isInteger(Number(variables.Age))).toBe(true);
        expect(Number(variables.Age)).toBeGreaterThanOrEqual(0);
      }
    },
  );

  test(
    'Attributes, when stored, are the attributes of the task created (their presence is reported)',
    verifies('TRANS-VAR-ATTRIBUTES'),
    async ({ api, studio, routing, workflow, voice }, testInfo) => {
      const flow = await studio.publish(
        flowDefinition('incomingCall', [
          sendToFlexWidget(voiceWidget, {
            workflow,
            channel: routing.channels.voice.sid,
            attributes: '{"type": "inbound", "name": "{{trigger.call.From}}"}',
          }),
        ]),
      );
      const [caller] = fc.sample(incomingCall(), { numRuns: 1, seed: 79 });
      const answered = await voice.call(flow, caller!);
      await voice.leaveQueue(answered.enqueue!, answered.call, 'hangup');
      const [task] = await routing.workspace(api).tasksOf(workflow);
      const [execution] = await studio.awaitExecutions(flow.sid);
      await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
      const variables = await studio.widgetVariables(flow.sid, execution!.sid, voiceWidget);
      observeReading(
        testInfo,
        'TRANS-VAR-ATTRIBUTES',
        'Attributes' in variables ? 'age-and-attributes' : 'tasksid-only',
      );
      if ('Attributes' in variables) {
        const stored =
          typeof variables.Attributes === 'string' ? JSON.parse(variables.Attributes) : variables.Attributes;
        expect(stored).toEqual(attributesOf(task!));
      }
    },
  );
});
