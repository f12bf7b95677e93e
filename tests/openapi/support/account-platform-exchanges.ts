import { type Domain, forwardedHostHeader, twilioHost } from '../../../contracts/domains';

/**
 * What a run on a real account asks of Twilio's platform that a run on the mock does for itself:
 * on a URL target the suite adds its numbers, delivers its SMS and places its calls without the
 * api v2010 Messages and Calls resources, and fetches no Proxy Service or Session one by one. This
 * walks those operations once through `url` (the recording relay), so their answers are recorded
 * too: two numbers (one a Flex SMS number on the Flex Proxy Service, with an SMS Flex Flow on it),
 * an SMS between them (sent, listed, fetched, redacted, deleted), the Proxy Service and the session the SMS
 * opened (fetched), a call between them (placed, listed, fetched, completed, deleted), numbers updated,
 * fetched and released.
 */
export async function walkAccountPlatform(
  url: string,
  credentials: { accountSid: string; authToken: string },
): Promise<void> {
  const send = platformSender(url, credentials);
  const account = `/2010-04-01/Accounts/${credentials.accountSid}`;

  const [service] = (await send('proxy', 'GET', '/v1/Services')).services as { sid: string }[];
  if (!service) throw new Error('the account has no Proxy Service');
  await send('proxy', 'GET', `/v1/Services/${service.sid}`);
  const chatService = sidOf(await send('chat', 'POST', '/v2/Services', { FriendlyName: 'SMS' }));

  const [sender, addressed] = ['+14155550161', '+14155550162'];
  const numbers = [
    sidOf(await send('api', 'POST', `${account}/IncomingPhoneNumbers.json`, { PhoneNumber: sender })),
    sidOf(
      await send('api', 'POST', `${account}/IncomingPhoneNumbers.json`, {
        PhoneNumber: addressed,
        SmsUrl: `https://${twilioHost('webhooks')}/v1/Accounts/${credentials.accountSid}/Proxy/${service.sid}/Webhooks/Message`,
      }),
    ),
  ];
  const flexFlow = sidOf(
    await send('flex-api', 'POST', '/v1/FlexFlows', {
      FriendlyName: 'SMS to the addressed number',
      ChatServiceSid: chatService,
      ChannelType: 'sms',
      ContactIdentity: addressed,
      Enabled: 'true',
      IntegrationType: 'external',
      'Integration.Url': 'https://example.invalid/flex',
    }),
  );

  const message = sidOf(
    await send('api', 'POST', `${account}/Messages.json`, { From: sender, To: addressed, Body: 'Hello' }),
  );
  // Listed as a real-account run waits for it: until the addressed number has received the SMS.
  await until(async () => {
    const listed = await send('api', 'GET', `${account}/Messages.json?To=${encodeURIComponent(addressed)}`);
    return (listed.messages as { direction: string }[]).some((sent) => sent.direction === 'inbound');
  }, 'the SMS to reach the addressed number');
  await send('api', 'GET', `${account}/Messages/${message}.json`);
  await send('api', 'POST', `${account}/Messages/${message}.json`, { Body: '' });
  const sessions = (await send('proxy', 'GET', `/v1/Services/${service.sid}/Sessions`)).sessions as {
    sid: string;
  }[];
  if (sessions.length === 0) throw new Error('the SMS opened no Proxy session');
  for (const session of sessions) {
    await send('proxy', 'GET', `/v1/Services/${service.sid}/Sessions/${session.sid}`);
    await send('proxy', 'DELETE', `/v1/Services/${service.sid}/Sessions/${session.sid}`);
  }

  const call = sidOf(
    await send('api', 'POST', `${account}/Calls.json`, {
      From: sender,
      To: addressed,
      Twiml: '<Response><Pause length="5"/></Response>',
    }),
  );
  await send('api', 'GET', `${account}/Calls.json?To=${encodeURIComponent(addressed)}`);
  await send('api', 'GET', `${account}/Calls/${call}.json`);
  await send('api', 'POST', `${account}/Calls/${call}.json`, { Status: 'completed' });
  await send('api', 'DELETE', `${account}/Calls/${call}.json`);
  await send('api', 'DELETE', `${account}/Messages/${message}.json`);

  await send('flex-api', 'DELETE', `/v1/FlexFlows/${flexFlow}`);
  await send('chat', 'DELETE', `/v2/Services/${chatService}`);
  for (const number of numbers) {
    await send('api', 'POST', `${account}/IncomingPhoneNumbers/${number}.json`, { FriendlyName: 'released' });
    await send('api', 'GET', `${account}/IncomingPhoneNumbers/${number}.json`);
    await send('api', 'DELETE', `${account}/IncomingPhoneNumbers/${number}.json`);
  }
}

export async function until(done: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export type PlatformSender = (
  domain: Domain,
  method: string,
  path: string,
  body?: Record<string, string> | readonly unknown[],
) => Promise<Record<string, unknown>>;

/**
 * Sends one request to `domain` through `url` with the account's credentials: a record as a form,
 * an array as JSON (as twilio-node sends the bulk operations). Throws on a refusal.
 */
export function platformSender(
  url: string,
  credentials: { accountSid: string; authToken: string },
): PlatformSender {
  const authorization = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
  return async (domain, method, path, body) => {
    const json = Array.isArray(body);
    const response = await fetch(new URL(path, url), {
      method,
      headers: {
        authorization,
        [forwardedHostHeader]: twilioHost(domain),
        ...(body ? { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body
        ? {
            body: json
              ? JSON.stringify(body)
              : new URLSearchParams(body as Record<string, string>).toString(),
          }
        : {}),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
}

export const sidOf = (body: Record<string, unknown>) => String(body.sid);
