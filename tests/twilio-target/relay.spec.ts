/**
 * A tool with its own HTTP client (the Pact verifier) reaches a real account through a loopback
 * relay, so its requests are paced, counted, recorded and sent with the target's credentials.
 */
import { TwilioApi } from '../../targets/http/client';
import { startRelay } from '../../targets/http/relay';
import { expect, test } from './support/fixtures';
import { stagingAccountSid, stagingAuthToken } from './support/simulated-twilio';
import { stagingTarget } from './support/staging';

test('a request to the relay reaches Twilio through the target: its credentials, its policy, its counts', async ({
  staging,
}) => {
  const api = new TwilioApi(stagingTarget());
  const relay = await startRelay(api, 'flex-api');
  try {
    const answer = await fetch(`${relay.url}/v1/FlexFlows`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic bm90OnRoaXM=' },
      body: 'FriendlyName=flexconf-0a1b2c3d-relay-1+via+relay&ChatServiceSid=IS00000000000000000000000000000001&ChannelType=web&IntegrationType=external&Integration.Url=https%3A%2F%2Fexample.com',
    });
    expect(answer.status).toBe(201);
    expect(((await answer.json()) as { friendly_name: string }).friendly_name).toBe(
      'flexconf-0a1b2c3d-relay-1 via relay',
    );
    const [sent] = staging.log;
    expect(sent?.host).toBe('flex-api.twilio.com');
    expect(sent?.authorization).toBe(
      `Basic ${Buffer.from(`${stagingAccountSid}:${stagingAuthToken}`).toString('base64')}`,
    );
    expect(sent?.body).toContain('FriendlyName=flexconf-0a1b2c3d-relay-1%20via%20relay');
    expect(api.requestsByApi).toEqual({ 'flex-api /v1/FlexFlows create': 1 });
  } finally {
    await relay.close();
  }
});
