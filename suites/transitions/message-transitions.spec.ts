import fc from 'fast-check';
import { chatIdentity } from '../../generators/callers';
import { customer } from '../../generators/conversations';
import { sid } from '../../generators/sids';
import {
  exported,
  flowDefinition,
  httpRequestWidget,
  invalidPriority,
  invalidTimeout,
  sendToFlexWidget,
} from '../../generators/studio';
import { conversationWidget, publishConversationFlow } from '../drivers/conversation-customer';
import { messageWidget, publishMessageFlow } from '../drivers/legacy-messaging';
import type { StudioApi } from '../drivers/studio-api';
import { expect, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** Widget settings TaskRouter refuses: an unknown workflow, a timeout or a priority out of range or no number. */
const refusedSettings = (workflow: string) =>
  fc.oneof(
    sid('WW').map((unknown) => ({ workflow: unknown })),
    invalidTimeout().map((t) => ({ workflow, timeout: exported(t) })),
    invalidPriority().map((priority) => ({ workflow, priority })),
  );

async function eventFrom(
  studio: StudioApi,
  flowSid: string,
  widget: string,
  count: number,
): Promise<string | undefined> {
  const executions = await studio.awaitExecutions(flowSid, count);
  const newest = executions.at(-1);
  if (!newest) return undefined;
  const steps = await studio.awaitStepFrom(flowSid, newest.sid, widget);
  return steps.find((step) => step.transitioned_from === widget)?.name;
}

test.describe('message transitions of Send to Flex', () => {
  test(
    'Task created (callComplete) is taken as soon as the task exists: the next widget finds it',
    verifies('TRANS-TASK-CREATED-MESSAGE'),
    async ({ api, studio, routing, workflow, messaging, httpStub }) => {
      let tasksWhenNextWidgetRan: number | undefined;
      httpStub.onRequest = async () => {
        tasksWhenNextWidgetRan = (await routing.workspace(api).tasksOf(workflow)).length;
      };
      httpStub.respondJson('/after-task', { ok: true });
      const flow = await studio.publish(
        flowDefinition('incomingMessage', [
          sendToFlexWidget(
            messageWidget,
            { workflow, channel: routing.channels.chat.sid },
            { callComplete: 'next_widget' },
          ),
          httpRequestWidget('next_widget', httpStub.url('/after-task'), {}),
        ]),
      );
      const [identity] = samplesOf(chatIdentity(), 1, 181);
      const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
      await messaging.say(await messaging.channel(flexFlow.sid, identity!), identity!, 'Hello');
      expect(
        await eventFrom(studio, flow.sid, messageWidget, 1),
        'event the widget took for a message whose task was created',
      ).toBe('callComplete');
      expect(tasksWhenNextWidgetRan, 'the widget after Task created never ran').toBeDefined();
      expect(tasksWhenNextWidgetRan, 'the task did not exist yet when the next widget ran').toBe(1);
    },
  );

  test(
    'Failed to create task (failedToEnqueue) is taken when TaskRouter refuses the task, and no task exists',
    verifies('TRANS-FAILED-TASKROUTER-ERROR'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const [identity] = samplesOf(chatIdentity(), 1, 191);
      await fc.assert(
        fc.asyncProperty(refusedSettings(workflow), async (settings) => {
          const flow = await publishMessageFlow(studio, routing, workflow, settings);
          const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
          await messaging.say(await messaging.channel(flexFlow.sid, identity!), identity!, 'Hello');
          expect(
            await eventFrom(studio, flow.sid, messageWidget, 1),
            'event the widget took for a message whose task was refused',
          ).toBe('failedToEnqueue');
          expect(
            await routing.workspace(api).tasksOf(workflow),
            'tasks of a message whose task was refused',
          ).toEqual([]);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'Call failed (callFailure) is never taken for a message, whether the task is created or refused',
    verifies('TRANS-CALL-FAILED-VOICE-ONLY'),
    async ({ studio, routing, workflow, messaging }) => {
      const [identity] = samplesOf(chatIdentity(), 1, 193);
      const settings = fc.oneof(fc.constant({ workflow }), refusedSettings(workflow));
      await fc.assert(
        fc.asyncProperty(settings, async (widgetSettings) => {
          const flow = await publishMessageFlow(studio, routing, workflow, widgetSettings);
          const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
          await messaging.say(await messaging.channel(flexFlow.sid, identity!), identity!, 'Hello');
          expect(['callComplete', 'failedToEnqueue'], 'event the widget took for a message').toContain(
            await eventFrom(studio, flow.sid, messageWidget, 1),
          );
        }),
        scaled(weights.flow),
      );
    },
  );
});

test.describe('conversation transitions of Send to Flex', () => {
  test(
    'Task created (callComplete) is taken once the Interaction and its task exist: the next widget finds both',
    verifies('TRANS-TASK-CREATED-CONVERSATION'),
    async ({ api, studio, routing, workflow, customers, httpStub }) => {
      let interactionWhenNextWidgetRan: number | undefined;
      httpStub.onRequest = async () => {
        const [task] = await routing.workspace(api).tasksOf(workflow);
        const interaction = task && JSON.parse(task.attributes ?? '{}').flexInteractionSid;
        interactionWhenNextWidgetRan = interaction
          ? (await api.get('flex-api', `/v1/Interactions/${interaction}`)).status
          : 0;
      };
      httpStub.respondJson('/after-task', { ok: true });
      const flow = await studio.publish(
        flowDefinition('incomingConversationMessage', [
          sendToFlexWidget(
            conversationWidget,
            { workflow, channel: routing.channels.chat.sid },
            { callComplete: 'next_widget' },
          ),
          httpRequestWidget('next_widget', httpStub.url('/after-task'), {}),
        ]),
      );
      const [who] = samplesOf(customer(), 1, 197);
      await customers.startWith(who!, flow);
      expect(
        await eventFrom(studio, flow.sid, conversationWidget, 1),
        'event the widget took for a conversation whose task was created',
      ).toBe('callComplete');
      expect(interactionWhenNextWidgetRan, 'the widget after Task created never ran').toBeDefined();
      expect(interactionWhenNextWidgetRan, 'the task or its Interaction did not exist yet').toBe(200);
    },
  );

  test(
    'Failed to create task (failedToEnqueue) is taken when the task is refused, and no task exists',
    verifies('TRANS-FAILED-TASKROUTER-ERROR'),
    async ({ api, studio, routing, workflow, customers }) => {
      await fc.assert(
        fc.asyncProperty(refusedSettings(workflow), customer(), async (settings, who) => {
          const flow = await publishConversationFlow(studio, routing, workflow, settings);
          await customers.startWith(who, flow);
          expect(
            await eventFrom(studio, flow.sid, conversationWidget, 1),
            'event the widget took for a conversation whose task was refused',
          ).toBe('failedToEnqueue');
          expect(
            await routing.workspace(api).tasksOf(workflow),
            'tasks of a conversation whose task was refused',
          ).toEqual([]);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'Call failed (callFailure) is never taken for a conversation',
    verifies('TRANS-CALL-FAILED-VOICE-ONLY'),
    async ({ studio, routing, workflow, customers }) => {
      const settings = fc.oneof(fc.constant({ workflow }), refusedSettings(workflow));
      await fc.assert(
        fc.asyncProperty(settings, customer(), async (widgetSettings, who) => {
          const flow = await publishConversationFlow(studio, routing, workflow, widgetSettings);
          await customers.startWith(who, flow);
          expect(['callComplete', 'failedToEnqueue'], 'event the widget took for a conversation').toContain(
            await eventFrom(studio, flow.sid, conversationWidget, 1),
          );
        }),
        scaled(weights.flow),
      );
    },
  );
});
