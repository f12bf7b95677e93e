/**
 * The official twilio-node client driving a worker's channels (per-channel capacity and
 * availability: multi-tasking) against the embedded mock. Each test starts its own mock.
 */
import { expect, test } from '@playwright/test';
import { type RunningMock, startMock } from '../../mock/server';
import { type FlexWorkspace, flexWorkspace } from './support/interaction-lifecycle';
import { localTwilioClient } from './support/local-request-client';

let mock: RunningMock;
let flex: FlexWorkspace;

test.beforeEach(async () => {
  mock = await startMock();
  const client = localTwilioClient(mock.url, mock.credentials);
  flex = await flexWorkspace(client);
  await flex.workspace.update({ multiTaskEnabled: true });
});

test.afterEach(async () => {
  await mock.close();
});

test("a worker's channels list one per Task Channel, capacity 1 and available", async () => {
  const channels = await flex.workspace.workers(flex.workerSid).workerChannels.list();
  expect(
    channels.map((channel) => [channel.taskChannelUniqueName, channel.configuredCapacity, channel.available]),
  ).toEqual(expect.arrayContaining([['default', 1, true]]));
});

test('a WorkerChannel with Capacity 2 takes two tasks: assigned_tasks 2, no capacity left', async () => {
  const worker = flex.workspace.workers(flex.workerSid);
  await worker.workerChannels('default').update({ capacity: 2 });
  for (let i = 0; i < 3; i++) await flex.workspace.tasks.create({ workflowSid: flex.workflowSid });
  const pending = await worker.reservations.list({ reservationStatus: 'pending' });
  for (const reservation of pending)
    await worker.reservations(reservation.sid).update({ reservationStatus: 'accepted' });
  const channel = await worker.workerChannels('default').fetch();
  expect([pending.length, channel.assignedTasks, channel.availableCapacityPercentage]).toEqual([2, 2, 0]);
});

test('a WorkerChannel made unavailable is offered no task', async () => {
  const worker = flex.workspace.workers(flex.workerSid);
  const updated = await worker.workerChannels('default').update({ available: false });
  await flex.workspace.tasks.create({ workflowSid: flex.workflowSid });
  const pending = await worker.reservations.list({ reservationStatus: 'pending' });
  expect([updated.available, updated.availableCapacityPercentage, pending.length]).toEqual([false, 0, 0]);
});

test("an unknown channel of a worker is Twilio's 404 / 20404", async () => {
  const missing = await flex.workspace
    .workers(flex.workerSid)
    .workerChannels(`WC${'0'.repeat(32)}`)
    .fetch()
    .catch((error: unknown) => error);
  expect(missing).toMatchObject({ status: 404, code: 20404 });
});
