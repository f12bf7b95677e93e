import { MAX_TIMEOUT } from '../../generators/taskrouter';
import { expect, test, verifies } from './fixtures';

/**
 * Timeouts run on the target's own clock: a task created with a Timeout of one second is canceled
 * about a second later, on the mock as on a real account.
 */
test.describe('task timeout', () => {
  test(
    'Timeout 1,209,600 (two weeks) is accepted and stored',
    verifies('TR-TIMEOUT-MAX'),
    async ({ scene }) => {
      const task = await scene.task({ Timeout: MAX_TIMEOUT });
      expect((await scene.workspace.fetchTask(task.sid)).json.timeout).toBe(MAX_TIMEOUT);
    },
  );

  test(
    'Timeout 1,209,601 is refused with a 4xx error and creates no task',
    verifies('TR-TIMEOUT-MAX'),
    async ({ scene }) => {
      const response = await scene.workspace.createTask({
        WorkflowSid: scene.workflowSid,
        Timeout: MAX_TIMEOUT + 1,
      });
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      expect(await scene.workspace.allTasks()).toEqual([]);
    },
  );

  test(
    'a task still unassigned when its timeout passes is canceled with reason "Task TTL Exceeded"',
    verifies('TR-TIMEOUT-CANCELS-TTL'),
    async ({ scene, timing }) => {
      const task = await scene.task({ Timeout: 1 });
      await expect
        .poll(async () => scene.workspace.statusOf(task.sid), {
          timeout: 1_000 + timing.timeoutGraceMs,
          intervals: [100, 200],
        })
        .toBe('canceled');
      expect((await scene.workspace.fetchTask(task.sid)).json.reason).toBe('Task TTL Exceeded');
    },
  );
});
