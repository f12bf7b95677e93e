import type { TaskStatus } from '../../generators/taskrouter';
import {
  type AssignmentTiming,
  assignmentTiming,
  type RoutingScene,
  TaskRouterApi,
  type Workspace,
} from '../drivers/taskrouter';
import { test as base, noStep } from '../fixtures';

export { expect, observeReading, recordObservation, verifies } from '../fixtures';

export const test = base.extend<{
  timing: AssignmentTiming;
  taskRouter: TaskRouterApi;
  scene: RoutingScene;
  tasksInEveryStatus: { workspace: Workspace; statusOf: Map<string, TaskStatus> };
}>({
  timing: [
    async ({ target }, use) => {
      await use(assignmentTiming(target.kind));
    },
    noStep,
  ],
  taskRouter: [
    async ({ api, uniqueName, cleanup, timing }, use) => {
      await use(new TaskRouterApi(api, uniqueName, cleanup, timing));
    },
    noStep,
  ],
  scene: [
    async ({ taskRouter }, use) => {
      await use(await taskRouter.routingScene());
    },
    noStep,
  ],
  tasksInEveryStatus: [
    async ({ taskRouter }, use) => {
      await use(await taskRouter.tasksInEveryStatus());
    },
    noStep,
  ],
});
