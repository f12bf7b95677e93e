/**
 * The official twilio-node client driving an Interaction's life after its task is created,
 * against the embedded mock: its channel fetched and closed, participants added and updated,
 * invites routing new tasks, transfers. Each test starts its own mock.
 */
import { expect, test } from '@playwright/test';
import type twilio from 'twilio';
import { type RunningMock, startMock } from '../../mock/server';
import {
  acceptTask,
  type FlexWorkspace,
  flexWorkspace,
  routedInteraction,
} from './support/interaction-lifecycle';
import { localTwilioClient } from './support/local-request-client';

let mock: RunningMock;
let client: twilio.Twilio;
let flex: FlexWorkspace;

test.beforeEach(async () => {
  mock = await startMock();
  client = localTwilioClient(mock.url, mock.credentials);
  flex = await flexWorkspace(client);
});

test.afterEach(async () => {
  await mock.close();
});

test("an Interaction's channel fetches by its SID, active", async () => {
  const { interaction, channel } = await routedInteraction(client, flex);
  const fetched = await channel.fetch();
  expect([fetched.interactionSid, fetched.type, fetched.status]).toEqual([interaction.sid, 'sms', 'active']);
});

test('closing the channel answers it closed and sets its assigned task to wrapping', async () => {
  const { channel, taskSid } = await routedInteraction(client, flex);
  await acceptTask(flex, taskSid);
  const closed = await channel.update({ status: 'closed' });
  const task = await flex.workspace.tasks(taskSid).fetch();
  expect([closed.status, task.assignmentStatus]).toEqual(['closed', 'wrapping']);
});

test('setting the channel inactive with Routing {"status":"closed"} completes its assigned task', async () => {
  const { channel, taskSid } = await routedInteraction(client, flex);
  await acceptTask(flex, taskSid);
  const inactive = await channel.update({ status: 'inactive', routing: { status: 'closed' } });
  const task = await flex.workspace.tasks(taskSid).fetch();
  expect([inactive.status, task.assignmentStatus]).toEqual(['inactive', 'completed']);
});

test('setting the channel inactive without Routing is refused with 400 / 20001', async () => {
  const { channel } = await routedInteraction(client, flex);
  const refused = await channel.update({ status: 'inactive' }).catch((error: unknown) => error);
  expect(refused).toMatchObject({ status: 400, code: 20001 });
});

test('a participant added to the channel is listed, and its status updates', async () => {
  const { channel, taskSid } = await routedInteraction(client, flex);
  const added = await channel.participants.create({
    type: 'agent',
    mediaProperties: { identity: 'agent' },
    routingProperties: { task_sid: taskSid, worker_sid: flex.workerSid },
  });
  const updated = await channel.participants(added.sid).update({ status: 'wrapup' });
  const listed = await channel.participants.list();
  expect({
    sid: added.sid,
    routing: added.routingProperties,
    updated: updated.sid,
    listed: listed.map((participant) => [participant.sid, participant.type]),
  }).toEqual({
    sid: expect.stringMatching(/^UT[0-9a-f]{32}$/),
    routing: { task_sid: taskSid, worker_sid: flex.workerSid },
    updated: added.sid,
    listed: [[added.sid, 'agent']],
  });
});

test('an invite routes a new task whose attributes name the invite, and is listed on the channel', async () => {
  const { channel } = await routedInteraction(client, flex);
  const invite = await channel.invites.create({
    routing: { properties: { workspace_sid: flex.workspaceSid, workflow_sid: flex.workflowSid } },
  });
  const taskSid = (invite.routing as { properties: { sid: string } }).properties.sid;
  const task = await flex.workspace.tasks(taskSid).fetch();
  const listed = await channel.invites.list();
  expect({ attributes: JSON.parse(task.attributes), listed: listed.map((item) => item.sid) }).toEqual({
    attributes: expect.objectContaining({ flexChannelInviteSid: invite.sid }),
    listed: [invite.sid],
  });
});

test('a transfer of the channel is created (201), fetched and updated', async () => {
  const { channel } = await routedInteraction(client, flex);
  const created = await channel.transfers.create();
  const fetched = await channel.transfers(created.sid).fetch();
  const updated = await channel.transfers(created.sid).update();
  expect([fetched.sid, updated.sid, fetched.channelSid]).toEqual([
    created.sid,
    created.sid,
    created.channelSid,
  ]);
});

test("an unknown channel of an Interaction is Twilio's 404 / 20404", async () => {
  const { interaction } = await routedInteraction(client, flex);
  const missing = await client.flexApi.v1
    .interaction(interaction.sid)
    .channels(`UO${'0'.repeat(32)}`)
    .fetch()
    .catch((error: unknown) => error);
  expect(missing).toMatchObject({ status: 404, code: 20404 });
});
