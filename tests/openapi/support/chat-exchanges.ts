import { platformSender, sidOf } from './account-platform-exchanges';

/**
 * Every Programmable Chat operation the mock serves, walked once through `url` (the recording
 * relay), so that answers a run never asks for are validated too: a service (created, listed,
 * fetched, deleted), a Flex chat channel on it (its user, member and webhook as Flex set them up),
 * the service's roles and users, a channel of the REST API (created, listed, fetched, updated,
 * deleted), a member added and a message sent, each listed and fetched. With them the Flex API's
 * channels: the chat channel and a web channel (fetched, the web chat made inactive, removed).
 */
export async function walkChatService(
  url: string,
  credentials: { accountSid: string; authToken: string },
): Promise<void> {
  const send = platformSender(url, credentials);
  const service = sidOf(await send('chat', 'POST', '/v2/Services', { FriendlyName: 'Flex Chat Service' }));
  const at = `/v2/Services/${service}`;
  await send('chat', 'GET', '/v2/Services');
  await send('chat', 'GET', at);

  const flexFlow = sidOf(
    await send('flex-api', 'POST', '/v1/FlexFlows', {
      FriendlyName: 'Chat with an external webhook',
      ChatServiceSid: service,
      ChannelType: 'web',
      Enabled: 'true',
      IntegrationType: 'external',
      'Integration.Url': 'https://example.invalid/flex',
    }),
  );
  const customer = { FlexFlowSid: flexFlow, ChatFriendlyName: 'Support' };
  const flexChannel = sidOf(
    await send('flex-api', 'POST', '/v1/Channels', {
      ...customer,
      Identity: 'customer-1',
      ChatUserFriendlyName: 'Customer',
    }),
  );
  const webChannel = sidOf(
    await send('flex-api', 'POST', '/v1/WebChannels', {
      ...customer,
      Identity: 'web-customer',
      CustomerFriendlyName: 'Web customer',
    }),
  );
  await send('flex-api', 'GET', `/v1/Channels/${flexChannel}`);
  await send('flex-api', 'GET', `/v1/WebChannels/${webChannel}`);
  for (const child of ['Members', 'Webhooks']) {
    const listed = await send('chat', 'GET', `${at}/Channels/${flexChannel}/${child}`);
    const [first] = listed[child.toLowerCase()] as { sid: string }[];
    if (!first) throw new Error(`the Flex channel has no ${child.toLowerCase()}`);
    await send('chat', 'GET', `${at}/Channels/${flexChannel}/${child}/${first.sid}`);
  }
  for (const collection of ['Users', 'Roles']) {
    const listed = await send('chat', 'GET', `${at}/${collection}`);
    const [first] = listed[collection.toLowerCase()] as { sid: string }[];
    if (!first) throw new Error(`the service has no ${collection.toLowerCase()}`);
    await send('chat', 'GET', `${at}/${collection}/${first.sid}`);
  }

  const channel = sidOf(
    await send('chat', 'POST', `${at}/Channels`, { FriendlyName: 'Walked', UniqueName: 'walked' }),
  );
  await send('chat', 'GET', `${at}/Channels`);
  await send('chat', 'GET', `${at}/Channels/${channel}`);
  await send('chat', 'POST', `${at}/Channels/${channel}`, { Attributes: '{"walked":true}' });
  const member = sidOf(
    await send('chat', 'POST', `${at}/Channels/${channel}/Members`, { Identity: 'agent-1' }),
  );
  await send('chat', 'GET', `${at}/Channels/${channel}/Members/${member}`);
  const message = sidOf(
    await send('chat', 'POST', `${at}/Channels/${channel}/Messages`, { From: 'agent-1', Body: 'Hello' }),
  );
  await send('chat', 'GET', `${at}/Channels/${channel}/Messages`);
  await send('chat', 'GET', `${at}/Channels/${channel}/Messages/${message}`);
  await send('chat', 'DELETE', `${at}/Channels/${channel}`);

  await send('flex-api', 'POST', `/v1/WebChannels/${webChannel}`, { ChatStatus: 'inactive' });
  await send('flex-api', 'DELETE', `/v1/Channels/${flexChannel}`);
  await send('flex-api', 'DELETE', `/v1/WebChannels/${webChannel}`);
  await send('flex-api', 'DELETE', `/v1/FlexFlows/${flexFlow}`);
  await send('chat', 'DELETE', at);
}
