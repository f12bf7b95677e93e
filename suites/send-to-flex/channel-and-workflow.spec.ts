import fc from 'fast-check';
import type { TriggerKind } from '../drivers/triggers';
import { testEveryTrigger } from '../every-trigger';
import { expect, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** The Task Channels a widget may name for a trigger: a call's task is a voice task, messages go anywhere. */
const taskChannelName = (kind: TriggerKind) =>
  kind === 'incoming call'
    ? fc.constant('voice' as const)
    : fc.constantFrom<'chat' | 'sms' | 'default'>('chat', 'sms', 'default');

test.describe('the task channel and workflow of the widget', () => {
  testEveryTrigger(
    'the task is on the Task Channel the widget names (by SID or unique name)',
    verifies('STF-CHANNEL-ON-TASK'),
    async (trigger, { routing }) => {
      await fc.assert(
        fc.asyncProperty(
          taskChannelName(trigger.kind),
          fc.boolean(),
          trigger.customer(),
          async (name, bySid, who) => {
            const flow = await trigger.publish({ channel: bySid ? routing.channels[name].sid : name });
            const { task } = await trigger.fire(flow, who);
            expect(task, 'the flow created no task').toBeDefined();
            expect(
              [task?.task_channel_unique_name, task?.task_channel_sid],
              'task channel of the task the widget created against its channel',
            ).toEqual([name, routing.channels[name].sid]);
          },
        ),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'the task goes through the workflow whose SID is on the widget, in a workspace of several workflows',
    verifies('STF-WORKFLOW-SID-ON-WIDGET'),
    async (trigger, { api, routing, workflow, uniqueName, cleanup }) => {
      const other = await routing.createWorkflow(api, uniqueName('Other workflow'));
      cleanup(() => routing.workspace(api).deleteWorkflow(other));
      const flow = await trigger.publish({ workflow: other });
      const [who] = samplesOf(trigger.customer(), 1, 113);
      const { task } = await trigger.fire(flow, who, { workflow: other });
      expect(task?.workflow_sid, "workflow_sid of the task against the widget's workflow").toBe(other);
      expect(
        await routing.workspace(api).tasksOf(workflow),
        "tasks in a workflow other than the widget's",
      ).toEqual([]);
    },
  );
});
