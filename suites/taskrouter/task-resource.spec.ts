import fc from 'fast-check';
import {
  DEFAULT_TIMEOUT,
  nearlyCollidingAttributes,
  taskAttributes,
  taskStatuses,
} from '../../generators/taskrouter';
import { scaled, weights } from '../properties';
import { expect, recordObservation, test, verifies } from './fixtures';

const TASK_SID = /^WT[0-9a-fA-F]{32}$/;

test.describe('the Task resource', () => {
  test(
    'every task SID is WT followed by 32 hexadecimal digits',
    verifies('TR-TASK-SID-WT'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(taskAttributes(), async (attributes) => {
          const task = await scene.task({ Attributes: JSON.stringify(attributes) });
          expect(task.sid, 'sid of the created task').toMatch(TASK_SID);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a fetched task carries its attributes as a JSON string of the object it was created with, keys that nearly collide and non-ASCII text kept apart',
    verifies('TR-ATTRIBUTES-JSON-STRING'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(taskAttributes(), nearlyCollidingAttributes()), async (attributes) => {
          const sent = JSON.stringify(attributes);
          const created = await scene.task({ Attributes: sent });
          const { json } = await scene.workspace.fetchTask(created.sid);
          expect(typeof json.attributes, "type of the fetched task's attributes").toBe('string');
          expect(
            JSON.parse(json.attributes as string),
            'attributes of the fetched task against those it was created with',
          ).toEqual(JSON.parse(sent));
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a task created without Priority through a target without priority has priority 0',
    verifies('TR-PRIORITY-DEFAULT-0'),
    async ({ scene }) => {
      const task = await scene.task({ Attributes: '{"topic":"billing"}' });
      expect(task.priority, 'priority of a task created without Priority').toBe(0);
      expect(
        (await scene.workspace.fetchTask(task.sid)).json.priority,
        'priority of the fetched task created without Priority',
      ).toBe(0);
    },
  );

  test(
    'a task created without Timeout has timeout 86400',
    verifies('TR-TIMEOUT-DEFAULT-86400'),
    async ({ scene }) => {
      const task = await scene.task();
      expect(task.timeout, 'timeout of a task created without Timeout').toBe(DEFAULT_TIMEOUT);
      expect(
        (await scene.workspace.fetchTask(task.sid)).json.timeout,
        'timeout of the fetched task created without Timeout',
      ).toBe(DEFAULT_TIMEOUT);
    },
  );

  test(
    'a task created without TaskChannel is on the Task Channel named default',
    verifies('TR-TASK-CHANNEL-DEFAULT'),
    async ({ scene }) => {
      const channel = await scene.workspace.get<{ sid: string }>('/TaskChannels/default');
      expect(channel.status, 'GET /TaskChannels/default status').toBe(200);
      const { json } = await scene.workspace.fetchTask((await scene.task()).sid);
      expect(json.task_channel_unique_name, 'task channel of a task created without TaskChannel').toBe(
        'default',
      );
      expect(
        json.task_channel_sid,
        'task_channel_sid of a task created without TaskChannel against the default channel',
      ).toBe(channel.json.sid);
    },
  );

  test(
    'a new task with no worker available is pending',
    verifies('TR-NEW-TASK-PENDING'),
    async ({ scene }, testInfo) => {
      const task = await scene.task();
      const fetched = await scene.workspace.statusOf(task.sid);
      recordObservation(testInfo, 'TR-NEW-TASK-PENDING', `assignment_status ${fetched}`);
      expect(task.assignment_status, 'assignment_status of a new task no worker can take').toBe('pending');
      expect(fetched, 'assignment_status of the fetched new task no worker can take').toBe('pending');
    },
  );

  test(
    'every assignment_status a task passes through is one of the six documented values',
    verifies('TR-ASSIGNMENT-STATUS-ENUM'),
    async ({ scene }) => {
      const seen: string[] = [];
      const record = async (sid: string) => seen.push(await scene.workspace.statusOf(sid));
      const served = await scene.task();
      const canceled = await scene.task();
      await record(served.sid);
      await scene.becomeAvailable();
      const reservation = await scene.nextReservation();
      await record(reservation.task_sid);
      await scene.accept(reservation);
      await record(reservation.task_sid);
      await scene.workspace.updateTask(reservation.task_sid, { AssignmentStatus: 'wrapping' });
      await record(reservation.task_sid);
      await scene.complete(reservation.task_sid);
      await record(reservation.task_sid);
      await scene.workspace.updateTask(canceled.sid, {
        AssignmentStatus: 'canceled',
        Reason: 'caller hung up',
      });
      await record(canceled.sid);
      for (const status of seen)
        expect(taskStatuses, 'assignment_status against the six documented values').toContain(status);
    },
  );

  test(
    'the age of a task counts the seconds since it was created',
    verifies('TR-TASK-AGE'),
    async ({ scene, timing, clock }) => {
      const before = clock.now();
      const task = await scene.task();
      expect(Number.isInteger(task.age) && task.age >= 0, 'age of a new task is a non-negative integer').toBe(
        true,
      );
      await clock.advance(1_000);
      let age = 0;
      await expect
        .poll(
          async () => {
            age = (await scene.workspace.fetchTask(task.sid)).json.age;
            return age;
          },
          { timeout: 2_000 + timing.timeoutGraceMs, intervals: [250], message: 'age of the fetched task' },
        )
        .toBeGreaterThanOrEqual(1);
      const elapsedSeconds = (clock.now() - before) / 1000;
      expect(Number.isInteger(age), `age ${age} is an integer`).toBe(true);
      expect(age, `age ${age} after ${elapsedSeconds.toFixed(2)} s`).toBeLessThanOrEqual(
        Math.ceil(elapsedSeconds) + 1,
      );
    },
  );
});
