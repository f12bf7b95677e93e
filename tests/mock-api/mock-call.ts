import { type Domain, forwardedHostHeader, twilioHost } from '../../contracts/domains';
import type { RunningMock } from '../../mock/server';

/** One request to the mock as a Twilio client sends it: the account's credentials, a form body when given. */
export async function mockCall(
  mock: RunningMock,
  domain: Domain,
  method: string,
  path: string,
  form?: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { accountSid, authToken } = mock.credentials;
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
      [forwardedHostHeader]: twilioHost(domain),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
