/**
 * The official twilio-node client driving what a Flex application reads and does after the task
 * is created, against the embedded mock: the account's Flex configuration, an Interaction's
 * channels. Each test starts its own mock.
 */
import { expect, test } from '@playwright/test';
import type twilio from 'twilio';
import { type RunningMock, startMock } from '../../mock/server';
import { localTwilioClient } from './support/local-request-client';

let mock: RunningMock;
let client: twilio.Twilio;

test.beforeEach(async () => {
  mock = await startMock();
  client = localTwilioClient(mock.url, mock.credentials);
});

test.afterEach(async () => {
  await mock.close();
});

test('the Flex configuration names the account, its Flex workspace, workflow, queue and chat service', async () => {
  const workspace = await client.taskrouter.v1.workspaces.create({ friendlyName: 'Flex Task Assignment' });
  const queue = await client.taskrouter.v1
    .workspaces(workspace.sid)
    .taskQueues.create({ friendlyName: 'Everyone', targetWorkers: '1==1' });
  const workflow = await client.taskrouter.v1.workspaces(workspace.sid).workflows.create({
    friendlyName: 'Assign to Anyone',
    configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
  });
  const service = await client.chat.v2.services.create({ friendlyName: 'Flex Chat Service' });

  const configuration = await client.flexApi.v1.configuration().fetch();

  expect({
    account: configuration.accountSid,
    workspace: configuration.taskrouterWorkspaceSid,
    workflow: configuration.taskrouterTargetWorkflowSid,
    queue: configuration.taskrouterTargetTaskqueueSid,
    chat: configuration.chatServiceInstanceSid,
    status: configuration.status,
  }).toEqual({
    account: mock.credentials.accountSid,
    workspace: workspace.sid,
    workflow: workflow.sid,
    queue: queue.sid,
    chat: service.sid,
    status: 'ok',
  });
});

test('the Flex configuration of an account without Flex resources leaves them null', async () => {
  const configuration = await client.flexApi.v1.configuration().fetch();
  expect([configuration.taskrouterWorkspaceSid, configuration.chatServiceInstanceSid]).toEqual([null, null]);
});

test("an Interaction's channels list its channel with Twilio's fields, not the create request's", async () => {
  const interaction = await client.flexApi.v1.interaction.create({
    channel: {
      type: 'sms',
      initiated_by: 'customer',
      properties: { media_channel_sid: `CH${'1'.repeat(32)}` },
    },
    routing: {},
  });
  const channels = await client.flexApi.v1.interaction(interaction.sid).channels.list();
  expect(channels.map((channel) => channel.toJSON())).toEqual([
    expect.objectContaining({
      sid: (interaction.channel as { sid: string }).sid,
      interactionSid: interaction.sid,
      type: 'sms',
      errorCode: null,
      errorMessage: null,
      links: expect.objectContaining({ participants: expect.stringContaining('/Participants') }),
    }),
  ]);
});
