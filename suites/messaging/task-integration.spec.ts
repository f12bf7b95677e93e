import fc from 'fast-check';
import { chatIdentity } from '../../generators/callers';
import { priority, timeout } from '../../generators/studio';
import type { Form } from '../../targets/http/client';
import { awaitNewTasks, type TaskBody } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
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
            expect(task, 'task a task Flex Flow created against its integration').toMatchObject({
              workflow_sid: workflow,
              task_channel_unique_name: channel,
              priority: p,
              timeout: t,
            });
            expect(opened.task_sid, 'task_sid of the chat channel against the task it created').toBe(
              task?.sid,
            );
          },
        ),
        scaled(weights.resource),
      );
    },
  );

  const unsentDefaults = [
    {
      rule: 'FLEXFLOW-TASK-TIMEOUT-DEFAULT',
      title: 'a task flow created without Integration.Timeout creates tasks with timeout 86,400',
      sent: priority().map((p) => ({ 'Integration.Priority': p })),
      onTask: (task: TaskBody) =>
        expect(task.timeout, 'timeout of a task from a flow created without Integration.Timeout').toBe(
          86_400,
        ),
    },
    {
      rule: 'FLEXFLOW-TASK-PRIORITY-DEFAULT',
      title: 'a task flow created without Integration.Priority creates tasks with priority 0',
      sent: timeout().map((t) => ({ 'Integration.Timeout': t })),
      onTask: (task: TaskBody) =>
        expect(task.priority, 'priority of a task from a flow created without Integration.Priority').toBe(0),
    },
  ] as const;
  for (const { rule, title, sent, onTask } of unsentDefaults) {
    test(title, verifies(rule), async ({ api, routing, workflow, messaging }) => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(chatIdentity(), sent, taskChannel, async (identity, other, channel) => {
          const flexFlow = await messaging.flexFlow('sms', {
            ...taskIntegration(routing.workspaceSid, workflow),
            'Integration.Channel': channel,
            ...other,
          });
          await messaging.channel(flexFlow.sid, identity);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the chat created no task').toBeDefined();
          onTask(task as TaskBody);
        }),
        scaled(weights.resource),
      );
    });
  }

  test(
    'a task flow created without Integration.Channel: its tasks have the Task Channel "default", or the create is refused (reported)',
    verifies('FLEXFLOW-TASK-CHANNEL-DEFAULT'),
    async ({ api, routing, workflow, messaging, uniqueName, cleanup }, testInfo) => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(chatIdentity(), async (identity) => {
          const created = await api.post<{ sid: string }>('flex-api', '/v1/FlexFlows', {
            FriendlyName: uniqueName('task-channel-default'),
            ChatServiceSid: await messaging.chatService(),
            ChannelType: 'sms',
            Enabled: true,
            ...taskIntegration(routing.workspaceSid, workflow),
          });
          if (created.status >= 400 && created.status < 500) {
            observeReading(testInfo, 'FLEXFLOW-TASK-CHANNEL-DEFAULT', 'required');
            return;
          }
          expect(created.status, 'POST /v1/FlexFlows: neither accepted nor refused with a 4xx').toBe(201);
          cleanup(() => api.delete('flex-api', `/v1/FlexFlows/${created.json.sid}`));
          await messaging.channel(created.json.sid, identity);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the chat created no task').toBeDefined();
          if (task?.task_channel_unique_name === 'default') {
            observeReading(testInfo, 'FLEXFLOW-TASK-CHANNEL-DEFAULT', 'default-applies');
          }
          expect(task?.task_channel_unique_name, 'accepted without a channel: the task channel').toBe(
            'default',
          );
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'a task flow created without Integration.CreationOnMessage: the task comes at once or with the first message (reported)',
    verifies('FLEXFLOW-CREATION-ON-MESSAGE-DEFAULT'),
    async ({ api, routing, workflow, messaging }, testInfo) => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(chatIdentity(), taskChannel, async (identity, channel) => {
          const flexFlow = await messaging.flexFlow('sms', {
            ...taskIntegration(routing.workspaceSid, workflow),
            'Integration.Channel': channel,
          });
          const opened = await messaging.channel(flexFlow.sid, identity);
          const atOnce = await awaitNewTasks(api, routing, workflow, seen, { timeoutMs: 2_000 });
          if (atOnce.length > 0) {
            observeReading(testInfo, 'FLEXFLOW-CREATION-ON-MESSAGE-DEFAULT', 'create-immediately');
            return;
          }
          await messaging.say(opened, identity, 'hello');
          const afterMessage = await awaitNewTasks(api, routing, workflow, seen);
          if (afterMessage.length > 0) {
            observeReading(testInfo, 'FLEXFLOW-CREATION-ON-MESSAGE-DEFAULT', 'delay-until-first-message');
          }
          expect(afterMessage.length, 'no task, neither at once nor after the first message').toBeGreaterThan(
            0,
          );
        }),
        scaled(weights.resource),
      );
    },
  );
});

/** The Task Channels the task checks send explicitly where they check another default. */
const taskChannel = fc.constantFrom('chat', 'sms', 'default');

/** A task integration naming only what every reading requires: the workspace and the workflow. */
function taskIntegration(workspaceSid: string, workflowSid: string): Form {
  return {
    IntegrationType: 'task',
    'Integration.WorkspaceSid': workspaceSid,
    'Integration.WorkflowSid': workflowSid,
  };
}
