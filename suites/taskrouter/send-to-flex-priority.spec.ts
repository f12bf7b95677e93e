import fc from 'fast-check';
import { chatCustomer } from '../../generators/conversations';
import { exported, flowDefinition, lowerAndHigherPriority, sendToFlexWidget } from '../../generators/studio';
import { conversationWidget } from '../drivers/conversation-customer';
import { type AssignmentTiming, poll, type RoutingScene, type TaskBody } from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, test, verifies } from './fixtures';

/**
 * End to end: customers write in Flex Conversations, Studio's Send to Flex widget creates their
 * tasks with the priority it is configured with, and TaskRouter offers them to the one worker in
 * that order. The scene's worker is Offline while the tasks are created, so both wait in the queue.
 */
test.describe('the priority Send to Flex sets, as TaskRouter sees it', () => {
  test(
    'a newer task whose widget sets a higher priority is offered before an older, lower-priority one',
    verifies('STF-PRIORITY-ORDERS-QUEUE'),
    async ({ taskRouter, studio, customers, timing }) => {
      await fc.assert(
        fc.asyncProperty(
          lowerAndHigherPriority(),
          chatCustomer(),
          chatCustomer(),
          async ({ lower, higher }, first, second) => {
            const scene = await taskRouter.routingScene();
            const publish = (priority: number) =>
              studio.publish(
                flowDefinition('incomingConversationMessage', [
                  sendToFlexWidget(conversationWidget, {
                    workflow: scene.workflowSid,
                    channel: 'chat',
                    priority: exported(priority),
                  }),
                ]),
              );
            const lowerFlow = await publish(lower);
            const higherFlow = await publish(higher);

            await customers.startWith(first, lowerFlow);
            const older = await awaitTaskCount(scene, timing, 1);
            await customers.startWith(second, higherFlow);
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
            expect(await scene.serveNext(), 'the task offered first').toBe(newerTask.sid);
            expect(await scene.serveNext(), 'the task offered next').toBe(olderTask.sid);
          },
        ),
        scaled(weights.scenario),
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
