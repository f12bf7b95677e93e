import { poll } from '../drivers/taskrouter';
import { expect, test, verifies } from './fixtures';

test.describe('the life of a task: reserved, assigned, wrapping, completed or canceled', () => {
  test(
    'accepting a reservation answers accepted and assigns the task',
    verifies('TR-RESERVATION-ACCEPT-ASSIGNS'),
    async ({ scene, timing }) => {
      const task = await scene.task();
      await scene.becomeAvailable();
      const reservation = await scene.nextReservation();
      const response = await scene.workspace.updateReservation(scene.workerSid, reservation.sid, {
        ReservationStatus: 'accepted',
      });
      expect(response.status, 'workspace.updateReservation(…) status').toBe(200);
      expect(response.json.reservation_status, 'reservation_status after accepting the reservation').toBe(
        'accepted',
      );
      await poll(timing, () => scene.workspace.statusOf(task.sid)).toBe('assigned');
    },
  );

  test(
    'rejecting a reservation puts the task back in the queue instead of canceling it',
    verifies('TR-RESERVATION-REJECT-REQUEUES'),
    async ({ scene, timing }) => {
      const task = await scene.task();
      await scene.becomeAvailable();
      const reservation = await scene.nextReservation();
      // the worker leaves as it rejects, so the task cannot simply be offered to it again
      const response = await scene.workspace.updateReservation(scene.workerSid, reservation.sid, {
        ReservationStatus: 'rejected',
        WorkerActivitySid: await scene.workspace.activity('Offline'),
      });
      expect(response.status, 'workspace.updateReservation(…) status').toBe(200);
      expect(response.json.reservation_status, 'reservation_status after rejecting the reservation').toBe(
        'rejected',
      );
      // back to waiting: the status a new task waits in (TR-NEW-TASK-PENDING reports which that is)
      await poll(timing, () => scene.workspace.statusOf(task.sid)).toBe(task.assignment_status);
    },
  );

  test(
    'an assigned task moves to wrapping, then to completed with its reason',
    verifies('TR-TASK-WRAP-THEN-COMPLETE'),
    async ({ scene }) => {
      await scene.task();
      await scene.becomeAvailable();
      const reservation = await scene.nextReservation();
      await scene.accept(reservation);
      const wrapping = await scene.workspace.updateTask(reservation.task_sid, {
        AssignmentStatus: 'wrapping',
      });
      expect(wrapping.status, 'workspace.updateTask(…) status').toBe(200);
      expect(wrapping.json.assignment_status, 'assignment_status of an assigned task moved to wrapping').toBe(
        'wrapping',
      );
      const completed = await scene.workspace.updateTask(reservation.task_sid, {
        AssignmentStatus: 'completed',
        Reason: 'resolved on first contact',
      });
      expect(completed.status, 'workspace.updateTask(…) status').toBe(200);
      expect(completed.json, 'completed task with its reason').toMatchObject({
        assignment_status: 'completed',
        reason: 'resolved on first contact',
      });
    },
  );

  test(
    'canceling a task without a Reason is refused and leaves the task pending',
    verifies('TR-CANCEL-REQUIRES-REASON'),
    async ({ scene }) => {
      const task = await scene.task();
      const response = await scene.workspace.updateTask(task.sid, { AssignmentStatus: 'canceled' });
      expect(response.status, 'workspace.updateTask(…) status').toBeGreaterThanOrEqual(400);
      expect(response.status, 'workspace.updateTask(…) status').toBeLessThan(500);
      expect(
        await scene.workspace.statusOf(task.sid),
        'assignment_status after a cancel without a Reason',
      ).toBe('pending');
    },
  );

  test(
    'completing a task without a Reason is refused and leaves the task assigned',
    verifies('TR-CANCEL-REQUIRES-REASON'),
    async ({ scene }) => {
      await scene.task();
      await scene.becomeAvailable();
      const reservation = await scene.nextReservation();
      await scene.accept(reservation);
      const response = await scene.workspace.updateTask(reservation.task_sid, {
        AssignmentStatus: 'completed',
      });
      expect(response.status, 'workspace.updateTask(…) status').toBeGreaterThanOrEqual(400);
      expect(response.status, 'workspace.updateTask(…) status').toBeLessThan(500);
      expect(
        await scene.workspace.statusOf(reservation.task_sid),
        'assignment_status after a complete without a Reason',
      ).toBe('assigned');
    },
  );

  test(
    'canceling a task with a Reason cancels it and stores the reason',
    verifies('TR-CANCEL-REQUIRES-REASON'),
    async ({ scene }) => {
      const task = await scene.task();
      const response = await scene.workspace.updateTask(task.sid, {
        AssignmentStatus: 'canceled',
        Reason: 'customer hung up',
      });
      expect(response.status, 'workspace.updateTask(…) status').toBe(200);
      const { json } = await scene.workspace.fetchTask(task.sid);
      expect(json, 'assignment_status and reason after a cancel with a Reason').toMatchObject({
        assignment_status: 'canceled',
        reason: 'customer hung up',
      });
    },
  );

  test(
    'without multi-tasking the next task is reserved only once the previous one is completed',
    verifies('TR-SINGLE-TASKING-ONE-AT-A-TIME'),
    async ({ scene, timing }) => {
      const first = await scene.task();
      const second = await scene.task();
      await scene.becomeAvailable();
      const reservation = await scene.nextReservation();
      expect(reservation.task_sid, 'task reserved once the previous one is completed').toBe(first.sid);
      await scene.accept(reservation);
      await timing.quietPeriod();
      expect(await scene.reservedTaskSids(), 'while the first task is assigned').toEqual([]);
      await scene.workspace.updateTask(first.sid, { AssignmentStatus: 'wrapping' });
      await timing.quietPeriod();
      expect(await scene.reservedTaskSids(), 'while the first task is wrapping').toEqual([]);
      await scene.complete(first.sid);
      await poll(timing, () => scene.reservedTaskSids()).toEqual([second.sid]);
    },
  );
});
