import fc from 'fast-check';
import { flowDefinition, sendToFlexWidget, setVariablesWidget } from '../../generators/studio';
import type { FlowBody, StudioApi } from '../drivers/studio-api';
import { attributesOf } from '../drivers/taskrouter';
import type { Trigger } from '../drivers/triggers';
import { testEveryTrigger } from '../every-trigger';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** A customer starts the flow: the task created and the variables the widget stored once it transitioned. */
async function storedAfterFiring(trigger: Trigger, studio: StudioApi, flow: FlowBody, who: unknown) {
  const { task, execution } = await trigger.fire(flow, who);
  await studio.awaitStepFrom(flow.sid, execution!.sid, trigger.widget);
  return { task, variables: await studio.widgetVariables(flow.sid, execution!.sid, trigger.widget) };
}

/** The reading of TRANS-VAR-AGE or TRANS-VAR-ATTRIBUTES the stored variables follow: whether `name` is stored. */
const readingOf = (variables: Record<string, unknown>, name: 'Age' | 'Attributes') =>
  name in variables ? 'age-and-attributes' : 'tasksid-only';

test.describe('variables the widget stores', () => {
  testEveryTrigger(
    '{{widgets.<name>.TaskSid}} renders the SID of the task created, in the next widget',
    verifies('TRANS-VAR-TASKSID'),
    async (trigger, { studio, workflow }) => {
      const flow = await studio.publish(
        flowDefinition(trigger.event, [
          sendToFlexWidget(
            trigger.widget,
            { workflow, channel: trigger.channel },
            { callComplete: 'remember' },
          ),
          setVariablesWidget('remember', { task: `{{widgets.${trigger.widget}.TaskSid}}` }),
        ]),
      );
      await fc.assert(
        fc.asyncProperty(trigger.customer(), async (who) => {
          const { task, execution } = await trigger.fire(flow, who);
          expect(task?.sid, 'the flow created no task').toMatch(/^WT[0-9a-fA-F]{32}$/);
          await studio.awaitStepFrom(flow.sid, execution!.sid, 'remember');
          const context = await studio.context(flow.sid, execution!.sid);
          expect(
            context.json.context.flow?.variables,
            'flow variable set from widgets.<name>.TaskSid against the task created',
          ).toMatchObject({ task: task?.sid });
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'Age, when stored, is the task age in whole seconds (its presence is reported)',
    verifies('TRANS-VAR-AGE'),
    async (trigger, { studio }, testInfo) => {
      const flow = await trigger.publish();
      await fc.assert(
        fc.asyncProperty(trigger.customer(), async (who) => {
          const { variables } = await storedAfterFiring(trigger, studio, flow, who);
          observeReading(testInfo, 'TRANS-VAR-AGE', readingOf(variables, 'Age'));
          if ('Age' in variables) {
            const age = Number(variables.Age);
            expect(Number.isInteger(age) && age >= 0, `Age ${String(variables.Age)}`).toBe(true);
          }
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'Attributes, when stored, are the attributes of the task created (their presence is reported)',
    verifies('TRANS-VAR-ATTRIBUTES'),
    async (trigger, { studio }, testInfo) => {
      const flow = await trigger.publish({
        attributes: '{"type": "inbound", "flow": "{{flow.flow_sid}}"}',
      });
      await fc.assert(
        fc.asyncProperty(trigger.customer(), async (who) => {
          const { task, variables } = await storedAfterFiring(trigger, studio, flow, who);
          observeReading(testInfo, 'TRANS-VAR-ATTRIBUTES', readingOf(variables, 'Attributes'));
          if ('Attributes' in variables) {
            const stored =
              typeof variables.Attributes === 'string'
                ? JSON.parse(variables.Attributes)
                : variables.Attributes;
            expect(stored, 'stored Attributes against the attributes of the task created').toEqual(
              attributesOf(task!),
            );
          }
        }),
        scaled(weights.flow),
      );
    },
  );
});
