/**
 * The bulk TaskQueue real-time statistics (`POST …/TaskQueues/RealTimeStatistics`) as twilio-node
 * reads them from the embedded mock: each named queue's figures are those of its own real-time
 * statistics, the answer validates against Twilio's OpenAPI description, and a body that is not
 * "the array of TaskQueue SIDs, support upto 50 in a request" (twilio_taskrouter_v1) is refused
 * with a Twilio error body.
 */
import { expect, test } from '@playwright/test';
import { forwardedHostHeader } from '../../contracts/domains';
import { type RecordingMock, startRecordingMock } from '../openapi/support/recording-mock';
import { describedResponses, responseViolations } from '../openapi/support/response-schemas';
import { stagingAccountSid, stagingAuthToken } from '../twilio-target/support/simulated-twilio';
import { type FlexWorkspace, flexWorkspace } from './support/interaction-lifecycle';
import { localTwilioClient } from './support/local-request-client';

test.describe.configure({ mode: 'serial' });

const bulkOperation = 'POST /v1/Workspaces/{WorkspaceSid}/TaskQueues/RealTimeStatistics';

let mock: RecordingMock;
let flex: FlexWorkspace;
/** "Everyone" (the worker is eligible, two tasks) and "Spanish" (no eligible worker, one task). */
let queues: { everyone: string; spanish: string };

test.beforeAll(async () => {
  mock = await startRecordingMock({ accountSid: stagingAccountSid, authToken: stagingAuthToken });
  const client = localTwilioClient(mock.url, { accountSid: stagingAccountSid, authToken: stagingAuthToken });
  flex = await flexWorkspace(client);
  const everyone = (await flex.workspace.taskQueues.list())[0]!.sid;
  const spanish = (
    await flex.workspace.taskQueues.create({ friendlyName: 'Spanish', targetWorkers: 'languages HAS "es"' })
  ).sid;
  const toSpanish = await flex.workspace.workflows.create({
    friendlyName: 'To Spanish',
    configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: spanish } } }),
  });
  for (const priority of [5, 0])
    await flex.workspace.tasks.create({ workflowSid: flex.workflowSid, priority });
  await flex.workspace.tasks.create({ workflowSid: toSpanish.sid, priority: 2 });
  queues = { everyone, spanish };
});
test.afterAll(() => mock.close());

const bulk = (body: object) => flex.workspace.taskQueues.bulkRealTimeStatistics.create(body);

/** A raw POST to the bulk operation, for bodies twilio-node cannot send. */
async function postRaw(body: string | undefined, workspaceSid = flex.workspaceSid) {
  const answer = await fetch(`${mock.url}/v1/Workspaces/${workspaceSid}/TaskQueues/RealTimeStatistics`, {
    method: 'POST',
    headers: {
      [forwardedHostHeader]: 'taskrouter.twilio.com',
      authorization: `Basic ${Buffer.from(`${stagingAccountSid}:${stagingAuthToken}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body,
  });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

const unknownQueue = `WQ${'0'.repeat(32)}`;

test('the bulk answer holds one entry per named queue, in the order named, and counts them', async () => {
  const answer = await bulk([queues.spanish, queues.everyone]);
  expect([
    answer.taskQueueData.map((entry: { task_queue_sid: string }) => entry.task_queue_sid),
    answer.taskQueueResponseCount,
  ]).toEqual([[queues.spanish, queues.everyone], 2]);
});

test('each queue’s bulk figures count the tasks routed to it and its eligible workers', async () => {
  const answer = await bulk([queues.everyone, queues.spanish]);
  expect(
    answer.taskQueueData.map((entry: Record<string, unknown>) => [
      entry.total_tasks,
      entry.tasks_by_priority,
      entry.total_eligible_workers,
    ]),
  ).toEqual([
    [2, { '5': 1, '0': 1 }, 1],
    [1, { '2': 1 }, 0],
  ]);
});

test('each queue’s bulk figures are those its own real-time statistics give', async () => {
  const answer = await bulk([queues.everyone, queues.spanish]);
  const singles = await Promise.all(
    [queues.everyone, queues.spanish].map((sid) =>
      flex.workspace.taskQueues(sid).realTimeStatistics().fetch(),
    ),
  );
  const comparable = (figures: Record<string, unknown>) => ({
    tasks_by_status: figures.tasks_by_status,
    tasks_by_priority: figures.tasks_by_priority,
    total_tasks: figures.total_tasks,
    total_eligible_workers: figures.total_eligible_workers,
    total_available_workers: figures.total_available_workers,
    longest_task_waiting_sid: figures.longest_task_waiting_sid,
    activity_statistics: figures.activity_statistics,
  });
  expect(answer.taskQueueData.map(comparable)).toEqual(
    singles.map((single) =>
      comparable({
        tasks_by_status: single.tasksByStatus,
        tasks_by_priority: single.tasksByPriority,
        total_tasks: single.totalTasks,
        total_eligible_workers: single.totalEligibleWorkers,
        total_available_workers: single.totalAvailableWorkers,
        longest_task_waiting_sid: single.longestTaskWaitingSid,
        activity_statistics: single.activityStatistics,
      }),
    ),
  );
});

test('a SID named twice is answered once', async () => {
  const answer = await bulk([queues.everyone, queues.everyone]);
  expect(answer.taskQueueResponseCount).toBe(1);
});

test('fifty queues, the documented limit, are answered', async () => {
  const more = [];
  for (let i = 2; i < 50; i++)
    more.push((await flex.workspace.taskQueues.create({ friendlyName: `Queue ${i}` })).sid);
  const answer = await bulk([queues.everyone, queues.spanish, ...more]);
  expect(answer.taskQueueResponseCount).toBe(50);
});

const refusals: readonly {
  readonly title: string;
  readonly body: () => string | undefined;
  readonly says: RegExp;
}[] = [
  { title: 'a missing body', body: () => undefined, says: /missing/ },
  {
    title: 'an empty JSON object (twilio-node’s create() without a body)',
    body: () => '{}',
    says: /not a JSON array/,
  },
  { title: 'malformed JSON', body: () => `["${queues.everyone}"`, says: /not JSON/ },
  { title: 'an empty array', body: () => '[]', says: /empty/ },
  {
    title: 'an array nested 5,000 levels deep',
    body: () => `${'['.repeat(5000)}${']'.repeat(5000)}`,
    says: /nests deeper than 256/,
  },
  { title: 'an array of numbers', body: () => '[1, 2]', says: /1 does not match \^WQ/ },
  {
    title: 'a SID of another kind',
    body: () => JSON.stringify([flex.workflowSid]),
    says: /does not match \^WQ/,
  },
  {
    title: 'a queue SID this workspace does not hold',
    body: () => `["${unknownQueue}"]`,
    says: /names no TaskQueue/,
  },
  {
    title: 'fifty-one queue SIDs (one over the documented limit)',
    body: () => JSON.stringify(Array.from({ length: 51 }, (_, i) => `WQ${String(i).padStart(32, '0')}`)),
    says: /names 51 TaskQueues, at most 50/,
  },
];

for (const refusal of refusals) {
  test(`${refusal.title} is refused with 400 and a Twilio error body (code 20001)`, async () => {
    const answer = await postRaw(refusal.body());
    expect(answer).toMatchObject({
      status: 400,
      body: { status: 400, code: 20001, more_info: 'https://www.twilio.com/docs/errors/20001' },
    });
    expect(answer.body.message).toMatch(refusal.says);
  });
}

test('twilio-node’s create() without a body is refused with 400', async () => {
  const refused = await flex.workspace.taskQueues.bulkRealTimeStatistics
    .create()
    .catch((error: unknown) => error);
  expect(refused).toMatchObject({ status: 400, code: 20001 });
});

test('a workspace the account does not hold is answered 404 with a Twilio error body', async () => {
  const answer = await postRaw(`["${queues.everyone}"]`, `WS${'0'.repeat(32)}`);
  expect([answer.status, answer.body.code]).toEqual([404, 20404]);
});

test('every bulk answer is reached and validates against the operation’s response schema', () => {
  const answered = mock.exchanges.filter(
    (exchange) =>
      exchange.status < 400 &&
      describedResponses(
        exchange.domain,
        exchange.method,
        new URL(exchange.path, 'https://x.invalid').pathname,
      )?.operation === bulkOperation,
  );
  expect(answered.length).toBeGreaterThan(0);
  expect([...new Set(answered.flatMap(responseViolations))].sort()).toEqual([]);
});
