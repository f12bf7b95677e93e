/**
 * TaskRouter's statistics as twilio-node reads them from the embedded mock: the figures agree with
 * the tasks, reservations and workers the test made, and every answer validates against Twilio's
 * OpenAPI description.
 */
import { expect, test } from '@playwright/test';
import { type RecordingMock, startRecordingMock } from '../openapi/support/recording-mock';
import { describedResponses, responseViolations } from '../openapi/support/response-schemas';
import { stagingAccountSid, stagingAuthToken } from '../twilio-target/support/simulated-twilio';
import { acceptTask, type FlexWorkspace, flexWorkspace } from './support/interaction-lifecycle';
import { localTwilioClient } from './support/local-request-client';

test.describe.configure({ mode: 'serial' });

let mock: RecordingMock;
let flex: FlexWorkspace;
let queueSid: string;
const tasks: Record<'urgent' | 'waiting' | 'dropped', string> = { urgent: '', waiting: '', dropped: '' };

/** Three tasks: the urgent one reserved by the only worker and accepted, one waiting, one canceled. */
test.beforeAll(async () => {
  mock = await startRecordingMock({ accountSid: stagingAccountSid, authToken: stagingAuthToken });
  const client = localTwilioClient(mock.url, { accountSid: stagingAccountSid, authToken: stagingAuthToken });
  flex = await flexWorkspace(client);
  queueSid = (await flex.workspace.taskQueues.list())[0]!.sid;
  for (const [name, priority] of [
    ['urgent', 5],
    ['waiting', 0],
    ['dropped', 0],
  ] as const)
    tasks[name] = (await flex.workspace.tasks.create({ workflowSid: flex.workflowSid, priority })).sid;
  await acceptTask(flex, tasks.urgent);
  await flex.workspace.tasks(tasks.dropped).update({ assignmentStatus: 'canceled', reason: 'gone' });
});
test.afterAll(() => mock.close());

const byStatus = { pending: 1, reserved: 0, assigned: 1, canceled: 1, completed: 0, wrapping: 0 };

test('the workspace real-time statistics count its tasks by status and priority, and its workers', async () => {
  const realtime = await flex.workspace.realTimeStatistics().fetch();
  expect({
    byStatus: realtime.tasksByStatus,
    byPriority: realtime.tasksByPriority,
    total: realtime.totalTasks,
    workers: realtime.totalWorkers,
    longestWaiting: realtime.longestTaskWaitingSid,
  }).toEqual({
    byStatus,
    byPriority: { '5': 1, '0': 2 },
    total: 3,
    workers: 1,
    longestWaiting: tasks.waiting,
  });
});

test('the queue real-time statistics count the tasks in the queue and its eligible, available workers', async () => {
  const realtime = await flex.workspace.taskQueues(queueSid).realTimeStatistics().fetch();
  expect([
    realtime.tasksByStatus,
    realtime.totalTasks,
    realtime.totalEligibleWorkers,
    realtime.totalAvailableWorkers,
  ]).toEqual([byStatus, 3, 1, 1]);
});

test('the workflow real-time statistics count the tasks it routed', async () => {
  const realtime = await flex.workspace.workflows(flex.workflowSid).realTimeStatistics().fetch();
  expect([realtime.tasksByStatus, realtime.totalTasks]).toEqual([byStatus, 3]);
});

test('the cumulative statistics count created and canceled tasks and the accepted reservation', async () => {
  const cumulative = await flex.workspace.cumulativeStatistics().fetch();
  expect({
    created: cumulative.tasksCreated,
    canceled: cumulative.tasksCanceled,
    completed: cumulative.tasksCompleted,
    reservationsCreated: cumulative.reservationsCreated,
    reservationsAccepted: cumulative.reservationsAccepted,
  }).toEqual({ created: 3, canceled: 1, completed: 0, reservationsCreated: 1, reservationsAccepted: 1 });
});

test('the queue and workflow cumulative statistics count the tasks that entered them', async () => {
  const queue = await flex.workspace.taskQueues(queueSid).cumulativeStatistics().fetch();
  const workflow = await flex.workspace.workflows(flex.workflowSid).cumulativeStatistics().fetch();
  expect([
    queue.tasksEntered,
    queue.tasksCanceled,
    workflow.tasksEntered,
    workflow.reservationsAccepted,
  ]).toEqual([3, 1, 3, 1]);
});

test('a window that ends before the tasks were created counts none of them', async () => {
  const cumulative = await flex.workspace
    .cumulativeStatistics()
    .fetch({ endDate: new Date(Date.now() - 3_600_000) });
  expect([cumulative.tasksCreated, cumulative.reservationsCreated]).toEqual([0, 0]);
});

test('statistics of another Task Channel count none of the tasks', async () => {
  const realtime = await flex.workspace.realTimeStatistics().fetch({ taskChannel: 'voice' });
  expect(realtime.totalTasks).toBe(0);
});

test('the worker statistics count its accepted reservation; the workers statistics every worker', async () => {
  const worker = await flex.workspace.workers(flex.workerSid).statistics().fetch();
  const workers = await flex.workspace.workers.statistics().fetch();
  const realtime = await flex.workspace.workers.realTimeStatistics().fetch();
  const cumulative = await flex.workspace.workers.cumulativeStatistics().fetch();
  expect([
    cumulative.reservationsAccepted,
    (worker.cumulative as { reservations_accepted: number }).reservations_accepted,
    (workers.realtime as { total_workers: number }).total_workers,
    realtime.totalWorkers,
  ]).toEqual([1, 1, 1, 1]);
});

test('the combined statistics of the workspace, a queue and a workflow hold both figures', async () => {
  const answers = await Promise.all([
    flex.workspace.statistics().fetch(),
    flex.workspace.taskQueues(queueSid).statistics().fetch(),
    flex.workspace.workflows(flex.workflowSid).statistics().fetch(),
  ]);
  expect(answers.map((answer) => (answer.realtime as { total_tasks: number }).total_tasks)).toEqual([
    3, 3, 3,
  ]);
});

test('the queue statistics list holds one entry per queue', async () => {
  const listed = await flex.workspace.taskQueues.statistics.list();
  expect(listed.map((entry) => entry.taskQueueSid)).toEqual([queueSid]);
});

test('an unknown TaskChannel is refused with 400', async () => {
  const refused = await flex.workspace
    .realTimeStatistics()
    .fetch({ taskChannel: 'no-such-channel' })
    .catch((error: unknown) => error);
  expect(refused).toMatchObject({ status: 400 });
});

test('every statistics answer validates against its operation’s response schema', () => {
  const answered = mock.exchanges.filter(
    (exchange) => exchange.status < 400 && /Statistics/.test(exchange.path),
  );
  const operations = new Set(
    answered.map(
      (exchange) =>
        describedResponses(
          exchange.domain,
          exchange.method,
          new URL(exchange.path, 'https://x.invalid').pathname,
        )?.operation,
    ),
  );
  expect(operations.size, [...operations].join('\n')).toBe(14);
  expect([...new Set(answered.flatMap(responseViolations))].sort()).toEqual([]);
});
