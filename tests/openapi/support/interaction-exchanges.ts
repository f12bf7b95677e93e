import { platformSender, sidOf } from './account-platform-exchanges';

/**
 * The Interaction operations the mock serves that a run and the task lifecycle leave out, walked
 * once through `url` (the recording relay): an Interaction without routing, updated, its channels
 * listed. (The Flex API's chat and web channels are walked with the chat service they live on.)
 */
export async function walkInteractions(
  url: string,
  credentials: { accountSid: string; authToken: string },
): Promise<void> {
  const send = platformSender(url, credentials);
  const interaction = sidOf(
    await send('flex-api', 'POST', '/v1/Interactions', {
      Channel: JSON.stringify({ type: 'sms', initiated_by: 'customer' }),
    }),
  );
  await send('flex-api', 'POST', `/v1/Interactions/${interaction}`, {
    WebhookTtid: 'flex_interactionwebhook',
  });
  await send('flex-api', 'GET', `/v1/Interactions/${interaction}/Channels`);
}
