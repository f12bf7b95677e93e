import fc from 'fast-check';
import { queuePriority } from '../../generators/taskrouter';
import { expect, observeReading, poll, test, verifies } from './taskrouter-fixtures';

/**
 * Which waiting task a worker is offered first. Tasks are created while the only worker is
 * offline; the worker then becomes available and serves them one by one (single-tasking).
 */
test.describe('the order in which waiting tasks are assigned', () => {
  test(
    'the task with the larger priority value is reserved first, even when it is the newer one (reading observed)',
    verifies('TR-PRIORITY-HIGHER-FIRST'),
    async ({ scene }, testInfo) => {
      // oldest first: each ordering rule picks a different task
      const oldest = await scene.task({ Priority: 5, Attributes: '{"label":"oldest, priority 5"}' });
      const highest = await scene.task({ Priority: 10, Attributes: '{"label":"priority 10"}' });
      const zero = await scene.task({ Priority: 0, Attributes: '{"label":"priority 0"}' });
      const newest = await scene.task({ Priority: 5, Attributes: '{"label":"newest, priority 5"}' });
      await scene.becomeAvailable();
      const first = (await scene.nextReservation()).task_sid;
      const reading =
        first === highest.sid
          ? 'higher-number-first'
          : first === zero.sid
            ? 'zero-highest'
            : first === oldest.sid
              ? 'neither-oldest-first'
              : first === newest.sid
                ? 'neither-newest-first'
                : 'neither';
      if (reading === 'higher-number-first' || reading === 'zero-highest') {
        observeReading(testInfo, 'TR-PRIORITY-HIGHER-FIRST', reading);
      }
      expect(reading, 'the task reserved first').toBe('higher-number-first');
    },
  );

  test(
    'a newer task with a strictly higher priority is reserved before every older task',
    verifies('TR-PRIORITY-HIGHER-FIRST'),
    async ({ taskRouter }) => {
      await fc.assert(
        fc.asyncProperty(fc.array(queuePriority(), { minLength: 1, maxLength: 4 }), async (older) => {
          const scene = await taskRouter.routingScene();
          for (const value of older) await scene.task({ Priority: value });
          const urgent = await scene.task({ Priority: Math.max(...older) + 1 });
          await scene.becomeAvailable();
          expect((await scene.nextReservation()).task_sid).toBe(urgent.sid);
        }),
        { numRuns: 4 },
      );
    },
  );

  test(
    'tasks of equal priority are served oldest first',
    verifies('TR-PRIORITY-TIES-OLDEST-FIRST'),
    async ({ scene }) => {
      const [value] = fc.sample(queuePriority(), { numRuns: 1, seed: 7 });
      const created = [];
      for (let i = 0; i < 3; i++) created.push((await scene.task({ Priority: value ?? 0 })).sid);
      await scene.becomeAvailable();
      const served = [];
      for (let i = 0; i < created.length; i++) served.push(await scene.serveNext());
      expect(served).toEqual(created);
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
