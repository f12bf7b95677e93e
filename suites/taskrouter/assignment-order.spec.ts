import fc from 'fast-check';
import { priority, queuePriority } from '../../generators/taskrouter';
import { poll } from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

/**
 * Which waiting task a worker is offered first. Tasks are created while the only worker is
 * offline; the worker then becomes available and serves them one by one (single-tasking).
 */
test.describe('the order in which waiting tasks are assigned', () => {
  test(
    'the task with the larger priority value, or the one with 0, is reserved first, whatever the age (reading observed)',
    verifies('TR-PRIORITY-HIGHER-FIRST'),
    async ({ scene }, testInfo) => {
      // oldest first: each ordering rule picks a different task
      const oldest = await scene.task({ Priority: 5, Attributes: '{"label":"oldest, priority 5"}' });
      const highest = await scene.task({ Priority: 10, Attributes: '{"label":"priority 10"}' });
      const zero = await scene.task({ Priority: 0, Attributes: '{"label":"priority 0"}' });
      await scene.task({ Priority: 5, Attributes: '{"label":"newest, priority 5"}' });
      await scene.becomeAvailable();
      const first = (await scene.nextReservation()).task_sid;
      const reading =
        first === highest.sid ? 'higher-number-first' : first === zero.sid ? 'zero-highest' : undefined;
      if (reading) observeReading(testInfo, 'TR-PRIORITY-HIGHER-FIRST', reading);
      expect(
        reading ?? (first === oldest.sid ? 'oldest first, priority ignored' : 'neither reading'),
        'the reading the first reservation follows (priority 10, or priority 0, reserved first)',
      ).toMatch(/^(higher-number-first|zero-highest)$/);
    },
  );

  test(
    'a newer task at either end of the priorities is reserved before every older task (reading observed)',
    verifies('TR-PRIORITY-HIGHER-FIRST'),
    async ({ taskRouter }, testInfo) => {
      await fc.assert(
        fc.asyncProperty(fc.array(queuePriority(), { minLength: 1, maxLength: 4 }), async (values) => {
          // the older tasks sit strictly between the two newest: 0 below them, max + 2 above
          const older = values.map((value) => value + 1);
          const scene = await taskRouter.routingScene();
          for (const value of older) await scene.task({ Priority: value });
          const largest = await scene.task({ Priority: Math.max(...older) + 1 });
          const zero = await scene.task({ Priority: 0 });
          await scene.becomeAvailable();
          const first = (await scene.nextReservation()).task_sid;
          const reading =
            first === largest.sid ? 'higher-number-first' : first === zero.sid ? 'zero-highest' : undefined;
          if (reading) observeReading(testInfo, 'TR-PRIORITY-HIGHER-FIRST', reading);
          expect(
            reading,
            'the first reservation is for the newest largest-value or priority-0 task',
          ).toBeDefined();
        }),
        scaled(weights.scenario),
      );
    },
  );

  test(
    'tasks of equal priority are served oldest first',
    verifies('TR-PRIORITY-TIES-OLDEST-FIRST'),
    async ({ taskRouter }) => {
      await fc.assert(
        fc.asyncProperty(priority(), fc.integer({ min: 2, max: 4 }), async (value, count) => {
          const scene = await taskRouter.routingScene();
          const created = [];
          for (let i = 0; i < count; i++) created.push((await scene.task({ Priority: value })).sid);
          await scene.becomeAvailable();
          const served = [];
          for (let i = 0; i < created.length; i++) served.push(await scene.serveNext());
          expect(served, 'the order equal-priority tasks are served in').toEqual(created);
        }),
        scaled(weights.scenario),
      );
    },
  );

  test(
    'a LIFO queue reserves the most recently created task first',
    verifies('TR-QUEUE-LIFO-NEWEST-FIRST'),
    async ({ taskRouter }) => {
      const workspace = await taskRouter.workspace({ MultiTaskEnabled: false });
      const queueSid = await workspace.createQueue({ FriendlyName: 'newest first', TaskOrder: 'LIFO' });
      const workflowSid = await workspace.assignToAnyone(queueSid);
      const worker = await workspace.createWorker({ FriendlyName: 'first worker' });
      const created = [];
      for (let i = 0; i < 3; i++) created.push((await workspace.task({ WorkflowSid: workflowSid })).sid);
      await workspace.setActivity(worker.sid, 'Available');
      await poll(taskRouter.timing, async () =>
        (await workspace.reservationsOf(worker.sid, 'pending')).map((reservation) => reservation.task_sid),
      ).toEqual([created[2]]);
    },
  );
});
