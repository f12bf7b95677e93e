import fc from 'fast-check';
import { exported, flowDefinition, lowerAndHigherPriority, sendToFlexWidget } from '../../generators/studio';
import type { StudioApi } from '../drivers/studio-api';
import {
  type AssignmentTiming,
  poll,
  type RoutingScene,
  type TaskBody,
  type TaskRouterApi,
} from '../drivers/taskrouter';
import { type Trigger, triggerFor, triggerKinds } from '../drivers/triggers';
import { scaled, weights } from '../properties';
import { expect, test, verifies } from './fixtures';

/**
 * End to end: customers of one trigger reach Studio's Send to Flex widget, which creates their
 * tasks with the priority it is configured with, and TaskRouter offers them to the one worker in
 * that order. The scene (a workspace of its own) has its worker Offline while the tasks are created,
 * so both wait in the queue; the customers stay (a call waits in the queue) until the check ends.
 */
async function offeredInPriorityOrder(
  trigger: Trigger,
  { taskRouter, studio, timing }: { taskRouter: TaskRouterApi; studio: StudioApi; timing: AssignmentTiming },
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      lowerAndHigherPriority(),
      trigger.customer(),
      trigger.customer(),
      async ({ lower, higher }, first, second) => {
        const scene = await taskRouter.routingScene();
        const publish = (priority: number) =>
          studio.publish(
            flowDefinition(trigger.event, [
              sendToFlexWidget(trigger.widget, {
                workflow: scene.workflowSid,
                channel: trigger.channelName,
                priority: exported(priority),
              }),
            ]),
          );
        const lowerFlow = await publish(lower);
        const higherFlow = await publish(higher);

        await trigger.start(lowerFlow, first);
        const older = await awaitTaskCount(scene, timing, 1);
        await trigger.start(higherFlow, second);
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
  for (const kind of triggerKinds) {
    test(
      `a newer task whose widget sets a higher priority is offered before an older, lower-priority one, through an ${kind}`,
      verifies('STF-PRIORITY-ORDERS-QUEUE'),
      async (
        { api, studio, routing, workflow, messaging, customers, cleanup, taskRouter, timing },
        testInfo,
      ) => {
        const tools = { api, studio, routing, workflow, messaging, customers, cleanup };
        await offeredInPriorityOrder(triggerFor(kind, tools, testInfo), { taskRouter, studio, timing });
      },
    );
  }
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
