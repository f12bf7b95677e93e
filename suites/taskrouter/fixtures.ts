import type { TaskStatus } from '../../generators/taskrouter';
import {
  type AssignmentTiming,
  type RoutingScene,
  TaskRouterApi,
  type Workspace,
} from '../drivers/taskrouter';
import { test as base } from '../fixtures';

export { expect, observeReading, recordObservation, verifies } from '../fixtures';

export const test = base.extend<{
  timing: AssignmentTiming;
  taskRouter: TaskRouterApi;
  scene: RoutingScene;
  tasksInEveryStatus: { workspace: Workspace; statusOf: Map<string, TaskStatus> };
}>({
  timing: async ({ target }, use) => {
    const synchronous = target.kind === 'mock';
    const quietMs = synchronous ? 0 : 3_000;
    await use({
      synchronous,
      assignWithinMs: synchronous ? 500 : 15_000,
      quietMs,
      timeoutGraceMs: synchronous ? 1_500 : 20_000,
      quietPeriod: () => new Promise((resolve) => setTimeout(resolve, quietMs)),
    });
  },
  taskRouter: async ({ api, uniqueName, cleanup, timing }, use) => {
    await use(new TaskRouterApi(api, uniqueName, cleanup, timing));
  },
  scene: async ({ taskRouter }, use) => {
    await use(await taskRouter.routingScene());
  },
  tasksInEveryStatus: async ({ taskRouter }, use) => {
    await use(await taskRouter.tasksInEveryStatus());
  },
});
