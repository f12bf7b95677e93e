import fc from 'fast-check';
import { MAX_TIMEOUT, overMaxTimeout, taskTimeout, undocumentedTimeout } from '../../generators/taskrouter';
import type { TargetClock } from '../../targets/types';
import type { AssignmentTiming, RoutingScene } from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, test, verifies } from './fixtures';

/**
 * Timeouts run on the target's own clock: a task created with a Timeout of one second is canceled
 * once that second has passed there (on the embedded mock the check moves its clock forward; on
 * other targets it waits).
 */
test.describe('task timeout', () => {
  test(
    'any Timeout up to 1,209,600 (two weeks), both ends included, is accepted and stored',
    verifies('TR-TIMEOUT-MAX'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constant(MAX_TIMEOUT), taskTimeout()), async (timeout) => {
          const task = await scene.task({ Timeout: timeout });
          expect(
            (await scene.workspace.fetchTask(task.sid)).json.timeout,
            'timeout of the fetched task against the Timeout sent',
          ).toBe(timeout);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a Timeout of 0, negative or no integer ("1.5", "1e3", "") is refused or stored as an integer up to 1,209,600',
    verifies('TR-TIMEOUT-MAX'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(undocumentedTimeout(), async (timeout) => {
          const response = await scene.workspace.createTask({
            WorkflowSid: scene.workflowSid,
            Timeout: timeout,
          });
          expect(response.status, 'workspace.createTask(…) status').toBeLessThan(500);
          if (response.status >= 400) return;
          expect(Number.isInteger(response.json.timeout), 'the task timeout is an integer').toBe(true);
          expect(
            response.json.timeout,
            'timeout of a task sent an invalid Timeout: at most 1,209,600',
          ).toBeLessThanOrEqual(MAX_TIMEOUT);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a Timeout over 1,209,600 (1,209,601 included) is refused with a 4xx error and creates no task',
    verifies('TR-TIMEOUT-MAX'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(overMaxTimeout(), async (timeout) => {
          const response = await scene.workspace.createTask({
            WorkflowSid: scene.workflowSid,
            Timeout: timeout,
          });
          expect(response.status, 'workspace.createTask(…) status').toBeGreaterThanOrEqual(400);
          expect(response.status, 'workspace.createTask(…) status').toBeLessThan(500);
          expect(await scene.workspace.allTasks(), 'the tasks after the refused create').toEqual([]);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a pending task (no worker available) whose timeout passes is canceled with reason "Task TTL Exceeded"',
    verifies('TR-TIMEOUT-CANCELS-TTL'),
    async ({ scene, timing, clock }) => {
      const task = await scene.task({ Timeout: 1 });
      await expectCanceledByTimeout(scene, timing, clock, task.sid, 1);
    },
  );

  test(
    'a reserved task (offered, not yet accepted) whose timeout passes is canceled with reason "Task TTL Exceeded"',
    verifies('TR-TIMEOUT-CANCELS-TTL'),
    async ({ scene, timing, clock }) => {
      // the workflow's reservation timeout (120 s by default) outlasts the task's
      const timeout = timing.offeredWithinSeconds;
      const task = await scene.task({ Timeout: timeout });
      await scene.becomeAvailable();
      expect((await scene.nextReservation()).task_sid, 'the reservation offered').toBe(task.sid);
      expect(await scene.workspace.statusOf(task.sid), 'the task while offered').toBe('reserved');
      await expectCanceledByTimeout(scene, timing, clock, task.sid, timeout);
    },
  );
});

async function expectCanceledByTimeout(
  scene: RoutingScene,
  timing: AssignmentTiming,
  clock: TargetClock,
  sid: string,
  timeoutSeconds: number,
): Promise<void> {
  const afterTimeout = `assignment_status of a task whose timeout of ${timeoutSeconds} s passed`;
  await clock.advance(timeoutSeconds * 1_000);
  await expect
    .poll(async () => scene.workspace.statusOf(sid), {
      timeout: timing.timeoutGraceMs,
      intervals: [100, 200],
      message: afterTimeout,
    })
    .toBe('canceled');
  expect((await scene.workspace.fetchTask(sid)).json.reason, 'reason of a task canceled by its timeout').toBe(
    'Task TTL Exceeded',
  );
}
