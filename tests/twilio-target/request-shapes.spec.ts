/**
 * What the twilio target puts on the wire, for every API the suites use, as strict nock
 * interceptors see it: https on the domain's Twilio host, the path, HTTP Basic auth from the
 * credentials, form-encoded bodies as twilio-node encodes them (%20 for spaces, booleans as
 * true/false, dotted keys, JSON as a string), and no header meant for a one-origin implementation.
 */
import { expect, test } from '@playwright/test';
import nock from 'nock';
import { TwilioApi } from '../../targets/http/client';
import type { Credentials } from '../../targets/types';
import { lockDownNetwork } from './support/intercept-twilio';
import { stagingAccountSid, stagingAuthToken } from './support/simulated-twilio';
import { stagingCredentials, stagingTarget } from './support/staging';

const basicOf = (credentials: Credentials) =>
  `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
const sid = (prefix: string) => `${prefix}${'0a'.repeat(16)}`;

test.beforeEach(() => {
  lockDownNetwork();
});
test.afterEach(() => {
  nock.cleanAll();
});

/** A scope answering one request only if it carries exactly the account's auth and no forwarding header. */
function twilio(domain: string, credentials: Credentials = stagingCredentials) {
  return nock(`https://${domain}.twilio.com`, { badheaders: ['x-forwarded-host'] })
    .matchHeader('authorization', basicOf(credentials))
    .matchHeader('accept', 'application/json');
}

const shapes: ReadonlyArray<{
  readonly api: string;
  readonly send: (api: TwilioApi) => Promise<{ status: number }>;
  readonly expect: () => nock.Scope;
}> = [
  {
    api: 'flex-api: create a Flex Flow (spaces as %20, unicode, booleans, dotted keys)',
    send: (api) =>
      api.post('flex-api', '/v1/FlexFlows', {
        FriendlyName: 'flexconf-0a1b2c3d-abc123-ff-1 café flow',
        ChatServiceSid: sid('IS'),
        ChannelType: 'web',
        Enabled: false,
        IntegrationType: 'studio',
        'Integration.FlowSid': sid('FW'),
      }),
    expect: () =>
      twilio('flex-api')
        .matchHeader('content-type', 'application/x-www-form-urlencoded')
        .post(
          '/v1/FlexFlows',
          `FriendlyName=flexconf-0a1b2c3d-abc123-ff-1%20caf%C3%A9%20flow&ChatServiceSid=${sid('IS')}&ChannelType=web&Enabled=false&IntegrationType=studio&Integration.FlowSid=${sid('FW')}`,
        )
        .reply(201, { sid: sid('FO') }),
  },
  {
    api: 'flex-api: list Flex Flows with a query',
    send: (api) => api.get('flex-api', '/v1/FlexFlows', { query: { FriendlyName: 'a b', PageSize: 5 } }),
    expect: () =>
      twilio('flex-api').get('/v1/FlexFlows').query({ FriendlyName: 'a b', PageSize: '5' }).reply(200, {}),
  },
  {
    api: 'flex-api: delete a Flex Flow (no body, no content type)',
    send: (api) => api.delete('flex-api', `/v1/FlexFlows/${sid('FO')}`),
    expect: () =>
      nock('https://flex-api.twilio.com', { badheaders: ['content-type', 'x-forwarded-host'] })
        .matchHeader('authorization', basicOf(stagingCredentials))
        .delete(
          `/v1/FlexFlows/${sid('FO')}`,
          (body) => body === '' || body === undefined || JSON.stringify(body) === '{}',
        )
        .reply(204),
  },
  {
    api: 'flex-api: create an Interaction (Channel and Routing as JSON strings)',
    send: (api) =>
      api.post('flex-api', '/v1/Interactions', {
        Channel: JSON.stringify({ type: 'sms', initiated_by: 'customer' }),
        Routing: JSON.stringify({ properties: { workspace_sid: sid('WS') } }),
      }),
    expect: () =>
      twilio('flex-api')
        .post('/v1/Interactions', (body: Record<string, string>) => {
          return (
            JSON.parse(body.Channel ?? '').type === 'sms' &&
            JSON.parse(body.Routing ?? '').properties.workspace_sid === sid('WS')
          );
        })
        .reply(200, { sid: sid('KD') }),
  },
  {
    api: 'studio: create a flow (the definition as a JSON string)',
    send: (api) =>
      api.post('studio', '/v2/Flows', {
        FriendlyName: 'flexconf-0a1b2c3d-abc123-flow-1',
        Status: 'published',
        Definition: JSON.stringify({ description: 'Send to Flex', states: [] }),
      }),
    expect: () =>
      twilio('studio')
        .post('/v2/Flows', (body: Record<string, string>) => {
          return (
            body.Status === 'published' && JSON.parse(body.Definition ?? '').description === 'Send to Flex'
          );
        })
        .reply(201, { sid: sid('FW') }),
  },
  {
    api: 'taskrouter: create a task (attributes as a JSON string, integers as digits)',
    send: (api) =>
      api.post('taskrouter', `/v1/Workspaces/${sid('WS')}/Tasks`, {
        Attributes: JSON.stringify({ type: 'inbound', name: '+14155550100' }),
        Priority: 2_147_483_647,
        Timeout: 1_209_600,
        WorkflowSid: sid('WW'),
      }),
    expect: () =>
      twilio('taskrouter')
        .post(
          `/v1/Workspaces/${sid('WS')}/Tasks`,
          `Attributes=${encodeURIComponent('{"type":"inbound","name":"+14155550100"}')}&Priority=2147483647&Timeout=1209600&WorkflowSid=${sid('WW')}`,
        )
        .reply(201, { sid: sid('WT') }),
  },
  {
    api: 'conversations: add a participant (the + of an E.164 address encoded as %2B)',
    send: (api) =>
      api.post('conversations', `/v1/Conversations/${sid('CH')}/Participants`, {
        'MessagingBinding.Address': '+14155550100',
        'MessagingBinding.ProxyAddress': 'whatsapp:+14155550111',
      }),
    expect: () =>
      twilio('conversations')
        .post(
          `/v1/Conversations/${sid('CH')}/Participants`,
          'MessagingBinding.Address=%2B14155550100&MessagingBinding.ProxyAddress=whatsapp%3A%2B14155550111',
        )
        .reply(201, { sid: sid('MB') }),
  },
  {
    api: 'chat: list the channels of the Flex chat service',
    send: (api) => api.get('chat', `/v2/Services/${sid('IS')}/Channels`, { query: { PageSize: 1000 } }),
    expect: () =>
      twilio('chat')
        .get(`/v2/Services/${sid('IS')}/Channels`)
        .query({ PageSize: '1000' })
        .reply(200, {}),
  },
  {
    api: 'webhooks: a Studio flow webhook under the account',
    send: (api) =>
      api.post('webhooks', `/v1/Accounts/${stagingAccountSid}/Flows/${sid('FW')}`, { CallSid: sid('CA') }),
    expect: () =>
      twilio('webhooks')
        .post(`/v1/Accounts/${stagingAccountSid}/Flows/${sid('FW')}`, `CallSid=${sid('CA')}`)
        .reply(200, ''),
  },
];

for (const shape of shapes) {
  test(`${shape.api}: exactly as Twilio expects it`, async () => {
    const scope = shape.expect();
    const response = await shape.send(new TwilioApi(stagingTarget()));
    expect(response.status).toBeLessThan(300);
    expect(scope.pendingMocks()).toEqual([]);
  });
}

test('API-key credentials go out as Basic SK…:secret, never the auth token', async () => {
  const apiKey: Credentials = {
    accountSid: stagingAccountSid,
    username: sid('SK'),
    password: 'api-secret-value',
    kind: 'api-key',
  };
  const scope = twilio('flex-api', apiKey).get('/v1/FlexFlows').reply(200, {});
  const response = await new TwilioApi(stagingTarget({ credentials: apiKey })).get(
    'flex-api',
    '/v1/FlexFlows',
  );
  expect(response.status).toBe(200);
  expect(scope.isDone()).toBe(true);
  expect(basicOf(apiKey)).not.toContain(Buffer.from(stagingAuthToken).toString('base64'));
});

test('a request to any host but loopback fails without leaving the machine', async () => {
  const sent = new TwilioApi(stagingTarget()).get('flex-api', '/v1/FlexFlows');
  await expect(sent).rejects.toThrow(
    /Nock: Disallowed net connect for "flex-api\.twilio\.com:443\/v1\/FlexFlows"/,
  );
});
