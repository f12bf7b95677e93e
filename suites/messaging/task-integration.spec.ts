import fc from 'fast-check';
import { chatIdentity } from '../../generators/callers';
import { priority, timeout } from '../../generators/studio';
import { awaitNewTasks } from '../drivers/taskrouter';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

test.describe('task Flex Flows', () => {
  test(
    'a new chat creates the task directly: workspace, workflow, channel, priority and timeout of the integration, no execution',
    verifies('MSG-TASK-INTEGRATION-CREATES-TASK'),
    async ({ api, routing, workflow, messaging }) => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          chatIdentity(),
          priority(),
          timeout(),
          fc.constantFrom('chat', 'sms'),
          async (identity, p, t, channel) => {
            const flexFlow = await messaging.flexFlow('sms', {
              IntegrationType: 'task',
              'Integration.WorkspaceSid': routing.workspaceSid,
              'Integration.WorkflowSid': workflow,
              'Integration.Channel': channel,
              'Integration.Priority': p,
              'Integration.Timeout': t,
            });
            const opened = await messaging.channel(flexFlow.sid, identity);
            const [task] = await awaitNewTasks(api, routing, workflow, seen);
            expect(task, 'the chat created no task').toBeDefined();
            expect(task).toMatchObject({
              workflow_sid: workflow,
              task_channel_unique_name: channel,
              priority: p,
              timeout: t,
            });
            expect(opened.task_sid).toBe(task?.sid);
          },
        ),
        scaled(weights.resource),
      );
    },
  );
});
