/**
 * The official twilio-node client updating a conversation's participant and message against the
 * embedded mock, as a Flex agent's client does while handling the task. Each test starts its own mock.
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

test('a participant update keeps its attributes and how far it has read', async () => {
  const conversation = client.conversations.v1.conversations(
    (await client.conversations.v1.conversations.create()).sid,
  );
  const agent = await conversation.participants.create({ identity: 'agent' });
  await conversation.messages.create({ author: 'customer', body: 'hello' });
  await conversation
    .participants(agent.sid)
    .update({ attributes: '{"role":"agent"}', lastReadMessageIndex: 0 });
  const fetched = await conversation.participants(agent.sid).fetch();
  expect([JSON.parse(fetched.attributes), fetched.lastReadMessageIndex]).toEqual([{ role: 'agent' }, 0]);
});

test('a message update changes its body and attributes and dates the change', async () => {
  const conversation = client.conversations.v1.conversations(
    (await client.conversations.v1.conversations.create()).sid,
  );
  const sent = await conversation.messages.create({ author: 'agent', body: 'helo' });
  await conversation.messages(sent.sid).update({ body: 'hello', attributes: '{"edited":true}' });
  const fetched = await conversation.messages(sent.sid).fetch();
  expect([fetched.body, JSON.parse(fetched.attributes), fetched.dateUpdated instanceof Date]).toEqual([
    'hello',
    { edited: true },
    true,
  ]);
});

test('a message body over 1,600 characters is refused with 400', async () => {
  const conversation = client.conversations.v1.conversations(
    (await client.conversations.v1.conversations.create()).sid,
  );
  const sent = await conversation.messages.create({ author: 'agent', body: 'hi' });
  const refused = await conversation
    .messages(sent.sid)
    .update({ body: 'x'.repeat(1601) })
    .catch((error: unknown) => error);
  expect(refused).toMatchObject({ status: 400 });
});

test("an unknown participant of a conversation is Twilio's 404 / 20404", async () => {
  const conversation = client.conversations.v1.conversations(
    (await client.conversations.v1.conversations.create()).sid,
  );
  const missing = await conversation
    .participants(`MB${'0'.repeat(32)}`)
    .update({ attributes: '{}' })
    .catch((error: unknown) => error);
  expect(missing).toMatchObject({ status: 404, code: 20404 });
});
