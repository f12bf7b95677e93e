import type { TestInfo } from '@playwright/test';
import fc from 'fast-check';
import { nearlyCollidingTaskRouterNames } from '../../generators/taskrouter';
import type { Workspace } from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

/** Whether two names differ only in letter case (by either case mapping). */
const caseVariants = (a: string, b: string) =>
  a !== b && (a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase());

/** A queue of each name, and a task waiting in each. */
async function queuesNamed(workspace: Workspace, names: readonly [string, string]) {
  const queues = [];
  for (const name of names) {
    const sid = await workspace.createQueue({ FriendlyName: name });
    const task = await workspace.task({ TaskQueueSid: sid });
    queues.push({ name, sid, taskSid: task.sid });
  }
  return queues as [(typeof queues)[0], (typeof queues)[0]];
}

/**
 * `listed` holds the one queue (or task) `wanted` of the name filtered by, and of the nearly
 * colliding one only when the two names differ in letter case alone (the observed reading).
 */
function expectSelected(
  testInfo: TestInfo,
  listed: readonly string[],
  wanted: string,
  other: { sid: string; sameNameButCase: boolean },
  label: string,
) {
  expect(listed, `${label}: the one named as filtered`).toContain(wanted);
  const otherListed = listed.includes(other.sid);
  if (other.sameNameButCase) {
    observeReading(testInfo, 'TR-LIST-QUEUE-NAME', otherListed ? 'case-insensitive' : 'case-sensitive');
  } else {
    expect(otherListed, `${label}: a nearly colliding name (a prefix, an accent) is another name`).toBe(
      false,
    );
  }
  expect(
    listed.filter((sid) => sid !== wanted && sid !== other.sid),
    `${label}: nothing else`,
  ).toEqual([]);
}

type NamedQueue = Awaited<ReturnType<typeof queuesNamed>>[0];

/**
 * For nearly colliding names, in `workspace`: a queue of each (and a task waiting in each),
 * named apart from the queues of earlier cases, handed to `check` (the first filtered by).
 */
async function forNearlyCollidingQueues(
  workspace: Workspace,
  check: (first: NamedQueue, second: NamedQueue, caseOnly: boolean) => Promise<void>,
) {
  let round = 0;
  await fc.assert(
    fc.asyncProperty(nearlyCollidingTaskRouterNames(), async ([a, b]) => {
      round++;
      const [first, second] = await queuesNamed(workspace, [`${round} ${a}`, `${round} ${b}`]);
      await check(first, second, caseVariants(first.name, second.name));
    }),
    scaled(weights.resource),
  );
}

test.describe('reading queues and tasks by queue name', () => {
  test(
    'FriendlyName lists the TaskQueue of that name and not one whose name nearly collides',
    verifies('TR-LIST-QUEUE-NAME'),
    async ({ taskRouter }, testInfo) => {
      const workspace = await taskRouter.workspace();
      await forNearlyCollidingQueues(workspace, async (first, second, caseOnly) => {
        const { json } = await workspace.get<{ task_queues: { sid: string }[] }>('/TaskQueues', {
          FriendlyName: first.name,
          PageSize: 1000,
        });
        expectSelected(
          testInfo,
          json.task_queues.map((queue) => queue.sid),
          first.sid,
          { sid: second.sid, sameNameButCase: caseOnly },
          `TaskQueues?FriendlyName=${first.name}`,
        );
      });
    },
  );

  test(
    'TaskQueueName lists the tasks waiting in the queue of that name and not in one whose name nearly collides',
    verifies('TR-LIST-QUEUE-NAME'),
    async ({ taskRouter }, testInfo) => {
      const workspace = await taskRouter.workspace();
      await forNearlyCollidingQueues(workspace, async (first, second, caseOnly) => {
        const search = new URLSearchParams({ TaskQueueName: first.name }).toString();
        expectSelected(
          testInfo,
          (await workspace.allTasks(search)).map((task) => task.sid),
          first.taskSid,
          { sid: second.taskSid, sameNameButCase: caseOnly },
          `Tasks?TaskQueueName=${first.name}`,
        );
      });
    },
  );
});
