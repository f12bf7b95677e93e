/**
 * Conversations delivery receipts as twilio-node reads them from the embedded mock: a message has
 * one receipt per non-chat participant other than its author, its `delivery` sums them up, and
 * every answer validates against Twilio's OpenAPI description.
 */
import { expect, test } from '@playwright/test';
import { type RecordingMock, startRecordingMock } from '../openapi/support/recording-mock';
import { responseViolations } from '../openapi/support/response-schemas';
import { stagingAccountSid, stagingAuthToken } from '../twilio-target/support/simulated-twilio';
import { localTwilioClient } from './support/local-request-client';

test.describe.configure({ mode: 'serial' });

let mock: RecordingMock;
let conversation: ReturnType<ReturnType<typeof localTwilioClient>['conversations']['v1']['conversations']>;
let smsParticipant: string;

test.beforeAll(async () => {
  mock = await startRecordingMock({ accountSid: stagingAccountSid, authToken: stagingAuthToken });
  const client = localTwilioClient(mock.url, { accountSid: stagingAccountSid, authToken: stagingAuthToken });
  conversation = client.conversations.v1.conversations(
    (await client.conversations.v1.conversations.create()).sid,
  );
  smsParticipant = (
    await conversation.participants.create({
      'messagingBinding.address': '+15005550006',
      'messagingBinding.proxyAddress': '+15005550001',
    })
  ).sid;
  await conversation.participants.create({ identity: 'agent' });
});
test.afterAll(() => mock.close());

test("an agent's message has one receipt, for the SMS participant, and a delivery summary of it", async () => {
  const message = await conversation.messages.create({ author: 'agent', body: 'How can I help?' });
  const receipts = await conversation.messages(message.sid).deliveryReceipts.list();
  expect({
    participants: receipts.map((receipt) => receipt.participantSid),
    channelMessage: receipts.map((receipt) => receipt.channelMessageSid.slice(0, 2)),
    delivery: message.delivery,
  }).toEqual({
    participants: [smsParticipant],
    channelMessage: ['SM'],
    delivery: { total: 1, sent: 1, delivered: 0, read: 0, failed: 0, undelivered: 0 },
  });
  const fetched = await conversation.messages(message.sid).deliveryReceipts(receipts[0]!.sid).fetch();
  expect([fetched.sid, fetched.status]).toEqual([receipts[0]!.sid, 'sent']);
});

test('a message of the SMS participant itself has no receipt and no delivery summary', async () => {
  const message = await conversation.messages.create({ author: '+15005550006', body: 'Hello' });
  const receipts = await conversation.messages(message.sid).deliveryReceipts.list();
  expect([receipts.length, message.delivery]).toEqual([0, null]);
});

test('an unknown receipt is a 404', async () => {
  const [message] = await conversation.messages.list({ limit: 1 });
  const missing = await conversation
    .messages(message!.sid)
    .deliveryReceipts(`DY${'0'.repeat(32)}`)
    .fetch()
    .catch((error: unknown) => error);
  expect(missing).toMatchObject({ status: 404, code: 20404 });
});

test('every receipt and message answer validates against its operation’s response schema', () => {
  const answered = mock.exchanges.filter(
    (exchange) => exchange.status < 400 && /Messages|Receipts/.test(exchange.path),
  );
  expect(answered.filter((exchange) => /Receipts/.test(exchange.path)).length).toBeGreaterThanOrEqual(3);
  expect([...new Set(answered.flatMap(responseViolations))].sort()).toEqual([]);
});
