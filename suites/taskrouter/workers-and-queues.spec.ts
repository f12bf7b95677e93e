import { poll } from '../drivers/taskrouter';
import { expect, test, verifies } from './fixtures';

test.describe('which workers are offered a waiting task', () => {
  test(
    "a worker created without ActivitySid is in the workspace's default activity, not available",
    verifies('TR-WORKER-DEFAULT-ACTIVITY'),
    async ({ taskRouter }) => {
      const workspace = await taskRouter.workspace();
      const worker = await workspace.createWorker({ FriendlyName: 'new hire' });
      expect(
        worker.activity_sid,
        'activity_sid of a worker created without ActivitySid against the default activity',
      ).toBe(workspace.body.default_activity_sid);
      expect(worker.available, 'available of a worker created without ActivitySid').toBe(false);
    },
  );

  test(
    'a worker created without ActivitySid is offered no waiting task',
    verifies('TR-WORKER-DEFAULT-ACTIVITY'),
    async ({ scene, timing }) => {
      const task = await scene.task();
      const newcomer = await scene.workspace.createWorker({ FriendlyName: 'new hire' });
      await timing.quietPeriod();
      expect(
        await scene.workspace.reservationsOf(newcomer.sid),
        'reservations offered to a worker created without ActivitySid',
      ).toEqual([]);
      expect(
        await scene.workspace.statusOf(task.sid),
        'the waiting task keeps the status it was created with',
      ).toBe(task.assignment_status);
    },
  );

  test(
    'a worker in an unavailable activity is offered no waiting task',
    verifies('TR-UNAVAILABLE-WORKER-NOT-RESERVED'),
    async ({ scene, timing }) => {
      const task = await scene.task();
      const lunch = await scene.workspace.post<{ sid: string }>('/Activities', {
        FriendlyName: 'Lunch',
        Available: false,
      });
      expect(lunch.status, 'POST /Activities status').toBe(201);
      await scene.workspace.setActivity(scene.workerSid, 'Lunch');
      await scene.workspace.setActivity(scene.workerSid, 'Break');
      await timing.quietPeriod();
      expect(
        await scene.workspace.reservationsOf(scene.workerSid),
        'reservations offered to a worker on Break',
      ).toEqual([]);
      expect(
        await scene.workspace.statusOf(task.sid),
        'the waiting task keeps the status it was created with',
      ).toBe(task.assignment_status);
    },
  );

  test(
    'a waiting task is reserved for the worker who becomes available, and the task is then reserved',
    verifies('TR-RESERVATION-FOR-AVAILABLE-WORKER'),
    async ({ scene, timing }) => {
      const task = await scene.task();
      await scene.becomeAvailable();
      const reservation = await scene.nextReservation();
      expect(reservation, 'reservation for the worker who became available').toMatchObject({
        task_sid: task.sid,
        worker_sid: scene.workerSid,
        reservation_status: 'pending',
      });
      expect(reservation.sid, 'sid of the reservation').toMatch(/^WR[0-9a-fA-F]{32}$/);
      await poll(timing, () => scene.workspace.statusOf(task.sid)).toBe('reserved');
    },
  );

  test(
    "a queue's task goes only to a worker its TargetWorkers expression selects",
    verifies('TR-QUEUE-TARGET-WORKERS'),
    async ({ taskRouter, timing }) => {
      const workspace = await taskRouter.workspace();
      const queueSid = await workspace.createQueue({
        FriendlyName: 'billing',
        TargetWorkers: 'skill == "billing"',
      });
      const workflowSid = await workspace.assignToAnyone(queueSid);
      const sales = await workspace.createWorker({ FriendlyName: 'sales', Attributes: '{"skill":"sales"}' });
      const billing = await workspace.createWorker({
        FriendlyName: 'billing',
        Attributes: '{"skill":"billing"}',
      });
      const task = await workspace.task({ WorkflowSid: workflowSid });
      await workspace.setActivity(sales.sid, 'Available');
      await timing.quietPeriod();
      expect(await workspace.reservationsOf(sales.sid), 'the sales worker is not targeted').toEqual([]);
      await workspace.setActivity(billing.sid, 'Available');
      await poll(timing, async () =>
        (await workspace.reservationsOf(billing.sid, 'pending')).map((r) => r.task_sid),
      ).toEqual([task.sid]);
    },
  );

  test(
    'a queue created without TargetWorkers selects any worker (1==1)',
    verifies('TR-QUEUE-TARGET-WORKERS'),
    async ({ taskRouter, timing }) => {
      const workspace = await taskRouter.workspace();
      const queueSid = await workspace.createQueue({ FriendlyName: 'anyone' });
      const workflowSid = await workspace.assignToAnyone(queueSid);
      const worker = await workspace.createWorker({
        FriendlyName: 'anyone',
        Attributes: '{"skill":"anything"}',
      });
      const task = await workspace.task({ WorkflowSid: workflowSid });
      await workspace.setActivity(worker.sid, 'Available');
      await poll(timing, async () =>
        (await workspace.reservationsOf(worker.sid, 'pending')).map((r) => r.task_sid),
      ).toEqual([task.sid]);
    },
  );
});
