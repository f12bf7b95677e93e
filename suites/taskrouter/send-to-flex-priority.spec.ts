import fc from 'fast-check';
import { chatIdentity, incomingCall } from '../../generators/callers';
import { chatCustomer } from '../../generators/conversations';
import {
  exported,
  flowDefinition,
  lowerAndHigherPriority,
  sendToFlexWidget,
  type TriggerEvent,
} from '../../generators/studio';
import { voiceWidget } from '../drivers/call-flows';
import { conversationWidget } from '../drivers/conversation-customer';
import { messageWidget } from '../drivers/legacy-messaging';
import type { FlowBody, StudioApi } from '../drivers/studio-api';
import {
  type AssignmentTiming,
  poll,
  type RoutingScene,
  type TaskBody,
  type TaskRouterApi,
} from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, test, verifies } from './fixtures';

/** How customers of one trigger reach a flow: its trigger event, widget and Task Channel, and a start by a customer. */
interface Starter<Customer> {
  readonly event: TriggerEvent;
  readonly widget: string;
  readonly channel: string;
  readonly customer: () => fc.Arbitrary<Customer>;
  readonly start: (flow: FlowBody, who: Customer) => Promise<void>;
}

/**
 * End to end: customers of one trigger reach Studio's Send to Flex widget, which creates their
 * tasks with the priority it is configured with, and TaskRouter offers them to the one worker in
 * that order. The scene's worker is Offline while the tasks are created, so both wait in the queue.
 */
async function offeredInPriorityOrder<Customer>(
  starter: Starter<Customer>,
  { taskRouter, studio, timing }: { taskRouter: TaskRouterApi; studio: StudioApi; timing: AssignmentTiming },
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      lowerAndHigherPriority(),
      starter.customer(),
      starter.customer(),
      async ({ lower, higher }, first, second) => {
        const scene = await taskRouter.routingScene();
        const publish = (priority: number) =>
          studio.publish(
            flowDefinition(starter.event, [
              sendToFlexWidget(starter.widget, {
                workflow: scene.workflowSid,
                channel: starter.channel,
                priority: exported(priority),
              }),
            ]),
          );
        const lowerFlow = await publish(lower);
        const higherFlow = await publish(higher);

        await starter.start(lowerFlow, first);
        const older = await awaitTaskCount(scene, timing, 1);
        await starter.start(higherFlow, second);
        const newer = (await awaitTaskCount(scene, timing, 2)).filter(
          (task) => !older.some((seen) => seen.sid === task.sid),
        );
        const olderTask = older[0]!;
        const newerTask = newer[0]!;
        expect([olderTask.priority, newerTask.priority], 'the priorities the tasks carry').toEqual([
          lower,
          higher,
        ]);

        await scene.becomeAvailable();
        expect(
          [await scene.serveNext(), await scene.serveNext()],
          'the tasks in the order they were offered',
        ).toEqual([newerTask.sid, olderTask.sid]);
      },
    ),
    scaled(weights.scenario),
  );
}

test.describe('the priority Send to Flex sets, as TaskRouter sees it', () => {
  const title =
    'a newer task whose widget sets a higher priority is offered before an older, lower-priority one';

  test(
    `${title}, through an incoming conversation`,
    verifies('STF-PRIORITY-ORDERS-QUEUE'),
    async ({ taskRouter, studio, customers, timing }) => {
      await offeredInPriorityOrder(
        {
          event: 'incomingConversationMessage',
          widget: conversationWidget,
          channel: 'chat',
          customer: chatCustomer,
          start: async (flow, who) => {
            await customers.startWith(who, flow);
          },
        },
        { taskRouter, studio, timing },
      );
    },
  );

  test(
    `${title}, through an incoming message`,
    verifies('STF-PRIORITY-ORDERS-QUEUE'),
    async ({ taskRouter, studio, messaging, timing }) => {
      await offeredInPriorityOrder(
        {
          event: 'incomingMessage',
          widget: messageWidget,
          channel: 'chat',
          customer: chatIdentity,
          start: async (flow, identity) => {
            const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
            await messaging.say(await messaging.channel(flexFlow.sid, identity), identity, 'Hello');
          },
        },
        { taskRouter, studio, timing },
      );
    },
  );

  test(
    `${title}, through an incoming call`,
    verifies('STF-PRIORITY-ORDERS-QUEUE'),
    async ({ taskRouter, studio, voice, timing, cleanup }) => {
      await offeredInPriorityOrder(
        {
          event: 'incomingCall',
          widget: voiceWidget,
          channel: 'voice',
          customer: incomingCall,
          // The call waits in the queue while its task is offered; it hangs up when the test ends.
          start: async (flow, caller) => {
            const answered = await voice.call(flow, caller);
            cleanup(() =>
              answered.enqueue
                ? voice.leaveQueue(answered.enqueue, answered.call, 'hangup')
                : voice.hangUp(answered.call),
            );
          },
        },
        { taskRouter, studio, timing },
      );
    },
  );
});

/** The scene's tasks once there are `count` of them (a real account creates them asynchronously). */
async function awaitTaskCount(
  scene: RoutingScene,
  timing: AssignmentTiming,
  count: number,
): Promise<TaskBody[]> {
  await poll(
    timing,
    async () => (await scene.workspace.allTasks()).length,
    'tasks Send to Flex created',
  ).toBe(count);
  return scene.workspace.allTasks();
}
