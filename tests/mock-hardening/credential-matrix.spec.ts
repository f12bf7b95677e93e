import { expect, test } from '@playwright/test';
import { type Domain, forwardedHostHeader, twilioHost } from '../../contracts/domains';
import type { MockCredentials } from '../../mock/core/auth';
import { type RunningMock, startMock } from '../../mock/server';

/**
 * Self-tests of authentication over HTTP: on one authenticated route of every domain, each
 * credential mode the mock accepts (account SID + auth token, API key + secret) is accepted with
 * its own secret and refused, with Twilio's 401 error body, with every wrong variant of it. The
 * `webhooks` domain is left out: Twilio's platform calls those routes without account credentials.
 */

const routeOf = (accountSid: string): Record<Exclude<Domain, 'webhooks'>, string> => ({
  'flex-api': '/v1/FlexFlows',
  studio: '/v2/Flows',
  taskrouter: '/v1/Workspaces',
  conversations: '/v1/Conversations',
  chat: '/v2/Services',
  api: `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`,
  proxy: '/v1/Services',
});

type Pair = readonly [user: string, password: string];
interface Mode {
  readonly right: (own: MockCredentials) => Pair;
  readonly wrong: Record<string, (own: MockCredentials, other: MockCredentials) => Pair>;
}

const modes: Record<string, Mode> = {
  'account SID and auth token': {
    right: (own) => [own.accountSid, own.authToken],
    wrong: {
      'an empty password': (own) => [own.accountSid, ''],
      'another account with its own token': (_own, other) => [other.accountSid, other.authToken],
      'another account with this token': (own, other) => [other.accountSid, own.authToken],
      "another account's token": (own, other) => [own.accountSid, other.authToken],
      'the API secret as the token': (own) => [own.accountSid, own.apiSecret as string],
    },
  },
  'API key and secret': {
    right: (own) => [own.apiKey as string, own.apiSecret as string],
    wrong: {
      'an empty secret': (own) => [own.apiKey as string, ''],
      'a key of another account with its own secret': (_own, other) => [
        other.apiKey as string,
        other.apiSecret as string,
      ],
      'a key of another account with this secret': (own, other) => [
        other.apiKey as string,
        own.apiSecret as string,
      ],
      'the auth token as the secret': (own) => [own.apiKey as string, own.authToken],
    },
  },
};

let mock: RunningMock;
let other: RunningMock;

test.beforeAll(async () => {
  [mock, other] = await Promise.all([startMock(), startMock()]);
});
test.afterAll(() => Promise.all([mock.close(), other.close()]));

async function get(domain: Domain, path: string, [user, password]: Pair) {
  const response = await fetch(`${mock.url}${path}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      [forwardedHostHeader]: twilioHost(domain),
    },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

for (const [modeName, mode] of Object.entries(modes)) {
  test.describe(`credentials: ${modeName}`, () => {
    test('are accepted on every domain', async () => {
      for (const [domain, path] of Object.entries(routeOf(mock.credentials.accountSid))) {
        const answer = await get(domain as Domain, path, mode.right(mock.credentials));
        expect(answer.status, `GET ${path} on ${domain}`).toBe(200);
      }
    });

    for (const [variant, wrong] of Object.entries(mode.wrong)) {
      test(`with ${variant} are refused on every domain with Twilio's 401`, async () => {
        for (const [domain, path] of Object.entries(routeOf(mock.credentials.accountSid))) {
          const answer = await get(domain as Domain, path, wrong(mock.credentials, other.credentials));
          expect(answer.status, `GET ${path} on ${domain}`).toBe(401);
          expect(answer.body, `the error body of GET ${path} on ${domain}`).toEqual({
            code: 20003,
            message: expect.any(String),
            more_info: 'https://www.twilio.com/docs/errors/20003',
            status: 401,
          });
        }
      });
    }
  });
}
