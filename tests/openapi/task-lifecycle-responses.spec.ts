/**
 * The answers of what a Flex application does after the task is created, as twilio-node drives
 * it: an Interaction's channel (fetch, update), participants, invites and transfers; the worker's
 * channels; a flow's revisions; conversation participant and message updates. Held against
 * Twilio's OpenAPI descriptions: each operation is reached, and every successful answer validates.
 */
import { expect, test } from '@playwright/test';
import { acceptTask, flexWorkspace, routedInteraction } from '../twilio-client/support/interaction-lifecycle';
import { localTwilioClient } from '../twilio-client/support/local-request-client';
import { stagingAccountSid, stagingAuthToken } from '../twilio-target/support/simulated-twilio';
import { type RecordingMock, startRecordingMock } from './support/recording-mock';
import { describedResponses, type Exchange, responseViolations } from './support/response-schemas';

const lifecycleOperations = [
  'GET /v1/Interactions/{InteractionSid}/Channels/{Sid}',
  'POST /v1/Interactions/{InteractionSid}/Channels/{Sid}',
  'GET /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants',
  'POST /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants',
  'POST /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants/{Sid}',
  'GET /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites',
  'POST /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites',
  'POST /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers',
  'GET /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers/{Sid}',
  'POST /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers/{Sid}',
  'GET /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels',
  'GET /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels/{Sid}',
  'POST /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels/{Sid}',
  'GET /v2/Flows/{Sid}/Revisions',
  'GET /v2/Flows/{Sid}/Revisions/{Revision}',
  'POST /v1/Conversations/{ConversationSid}/Participants/{Sid}',
  'POST /v1/Conversations/{ConversationSid}/Messages/{Sid}',
];

test.describe.configure({ mode: 'serial' });

test.describe('the answers of the Flex task lifecycle driven by twilio-node', () => {
  let mock: RecordingMock;
  let answered: Exchange[];

  test.beforeAll(async () => {
    mock = await startRecordingMock({ accountSid: stagingAccountSid, authToken: stagingAuthToken });
    const client = localTwilioClient(mock.url, {
      accountSid: stagingAccountSid,
      authToken: stagingAuthToken,
    });
    const flex = await flexWorkspace(client);
    const { channel, taskSid } = await routedInteraction(client, flex);
    await channel.fetch();
    const participant = await channel.participants.create({
      type: 'agent',
      mediaProperties: { identity: 'agent' },
    });
    await channel.participants(participant.sid).update({ status: 'wrapup' });
    await channel.participants.list();
    await channel.invites.create({
      routing: { properties: { workspace_sid: flex.workspaceSid, workflow_sid: flex.workflowSid } },
    });
    await channel.invites.list();
    const transfer = await channel.transfers.create();
    await channel.transfers(transfer.sid).fetch();
    await channel.transfers(transfer.sid).update();
    const workerChannels = flex.workspace.workers(flex.workerSid).workerChannels;
    await workerChannels.list();
    await workerChannels('default').update({ capacity: 2 });
    await workerChannels('default').fetch();
    const flow = await client.studio.v2.flows.create({
      friendlyName: 'Revised',
      status: 'published',
      definition: {
        description: 'revised',
        initial_state: 'Trigger',
        flags: { allow_concurrent_calls: true },
        states: [{ name: 'Trigger', type: 'trigger', transitions: [], properties: {} }],
      },
    });
    await client.studio.v2.flows(flow.sid).update({ status: 'draft' });
    await client.request({ method: 'get', uri: `https://studio.twilio.com/v2/Flows/${flow.sid}/Revisions` });
    await client.studio.v2.flows(flow.sid).revisions('1').fetch();
    const conversation = client.conversations.v1.conversations(
      (await client.conversations.v1.conversations.create()).sid,
    );
    const agent = await conversation.participants.create({ identity: 'agent' });
    const message = await conversation.messages.create({ author: 'customer', body: 'hello' });
    await conversation.participants(agent.sid).update({ lastReadMessageIndex: message.index });
    await conversation.messages(message.sid).update({ body: 'hello again' });
    await acceptTask(flex, taskSid);
    await channel.update({ status: 'closed' });
    answered = mock.exchanges.filter((exchange) => exchange.status < 400);
  });
  test.afterAll(async () => {
    await mock.close();
  });

  test('every lifecycle operation is reached and answers successfully', () => {
    const reached = new Set(
      answered.map((exchange) => {
        const path = new URL(exchange.path, 'https://example.invalid').pathname;
        return describedResponses(exchange.domain, exchange.method, path)?.operation;
      }),
    );
    expect(lifecycleOperations.filter((operation) => !reached.has(operation))).toEqual([]);
  });

  test('every successful answer validates against its operation’s response schema', () => {
    const violations = new Set(answered.flatMap(responseViolations));
    test.info().annotations.push({
      type: 'validated',
      description: `${answered.length} responses, ${violations.size} distinct violations`,
    });
    expect([...violations].sort()).toEqual([]);
  });
});
