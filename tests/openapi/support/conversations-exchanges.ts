import { platformSender, sidOf } from './account-platform-exchanges';

/**
 * Every Conversations operation the mock serves that no run reaches, walked once through `url`
 * (the recording relay): a conversation (created, updated, deleted), two participants on it (an
 * SDK identity and an SMS binding; listed, fetched, updated, one removed), a message from the
 * first (listed, fetched, updated, deleted) with the delivery receipt of the SMS participant
 * (listed, fetched), and a webhook (created, fetched, updated, deleted).
 */
export async function walkConversations(
  url: string,
  credentials: { accountSid: string; authToken: string },
): Promise<void> {
  const send = platformSender(url, credentials);
  const conversation = sidOf(
    await send('conversations', 'POST', '/v1/Conversations', { FriendlyName: 'Walked' }),
  );
  const at = `/v1/Conversations/${conversation}`;
  await send('conversations', 'POST', at, { FriendlyName: 'Walked, renamed', Attributes: '{"walked":true}' });

  const agent = sidOf(await send('conversations', 'POST', `${at}/Participants`, { Identity: 'agent-1' }));
  const customer = sidOf(
    await send('conversations', 'POST', `${at}/Participants`, {
      'MessagingBinding.Address': '+14155550181',
      'MessagingBinding.ProxyAddress': '+14155550182',
    }),
  );
  await send('conversations', 'GET', `${at}/Participants`);
  await send('conversations', 'GET', `${at}/Participants/${customer}`);
  await send('conversations', 'POST', `${at}/Participants/${agent}`, { Attributes: '{"role":"agent"}' });

  const message = sidOf(
    await send('conversations', 'POST', `${at}/Messages`, { Author: 'agent-1', Body: 'Hello' }),
  );
  await send('conversations', 'GET', `${at}/Messages`);
  await send('conversations', 'GET', `${at}/Messages/${message}`);
  await send('conversations', 'POST', `${at}/Messages/${message}`, { Body: 'Hello again' });
  const receipts = `${at}/Messages/${message}/Receipts`;
  const [receipt] = (await send('conversations', 'GET', receipts)).delivery_receipts as { sid: string }[];
  if (!receipt) throw new Error('the message has no delivery receipt');
  await send('conversations', 'GET', `${receipts}/${receipt.sid}`);
  await send('conversations', 'DELETE', `${at}/Messages/${message}`);

  const webhook = sidOf(
    await send('conversations', 'POST', `${at}/Webhooks`, {
      Target: 'webhook',
      'Configuration.Url': 'https://example.invalid/conversations',
      'Configuration.Filters': 'onMessageAdded',
    }),
  );
  await send('conversations', 'GET', `${at}/Webhooks/${webhook}`);
  await send('conversations', 'POST', `${at}/Webhooks/${webhook}`, { 'Configuration.Method': 'GET' });
  await send('conversations', 'DELETE', `${at}/Webhooks/${webhook}`);

  await send('conversations', 'DELETE', `${at}/Participants/${customer}`);
  await send('conversations', 'DELETE', at);
}
