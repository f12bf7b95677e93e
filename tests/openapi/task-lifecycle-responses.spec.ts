/**
 * The answers of what a Flex application does after the task is created, as twilio-node drives
 * it: an Interaction's channel (fetch, update), participants, invites and transfers; the worker's
 * channels; a flow's revisions; conversation participant and message updates. Held against
 * Twilio's OpenAPI descriptions: each operation is reached, and every successful answer validates.
 */
import { expect, test } from '@playwright/test';
import { stagingAccountSid, stagingAuthToken } from '../twilio-target/support/simulated-twilio';
import { type RecordingMock, startRecordingMock } from './support/recording-mock';
import { describedResponses, type Exchange, responseViolations } from './support/response-schemas';
import { driveTaskLifecycle } from './support/task-lifecycle-exchanges';

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
    await driveTaskLifecycle(mock.url, { accountSid: stagingAccountSid, authToken: stagingAuthToken });
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
