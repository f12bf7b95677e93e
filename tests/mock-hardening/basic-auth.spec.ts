import { expect, test } from '@playwright/test';
import { isAuthorized, type MockCredentials } from '../../mock/core/auth';

/**
 * Self-tests of the mock's Basic auth: each credential kind is accepted only with its own secret,
 * never with an empty one, another account's, or the other kind's.
 */

const accountSid = `AC${'a'.repeat(32)}`;
const otherAccount = `AC${'b'.repeat(32)}`;
const apiKey = `SK${'c'.repeat(32)}`;
const otherKey = `SK${'d'.repeat(32)}`;
const authToken = 'token-of-the-account';
const apiSecret = 'secret-of-the-key';

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

const modes: Record<string, MockCredentials> = {
  'auth token and API key': { accountSid, authToken, apiKey, apiSecret },
  'API key only (empty auth token)': { accountSid, authToken: '', apiKey, apiSecret },
};

for (const [mode, credentials] of Object.entries(modes)) {
  test.describe(`a mock configured with ${mode}`, () => {
    test('accepts the API key with its secret', () => {
      expect(isAuthorized(basic(apiKey, apiSecret), credentials)).toBe(true);
    });

    const refused: Record<string, [string, string]> = {
      'the account SID with an empty password': [accountSid, ''],
      'the API key with an empty secret': [apiKey, ''],
      'an empty user with the secret': ['', apiSecret],
      'another account with the auth token': [otherAccount, authToken],
      'a key of another account with the secret': [otherKey, apiSecret],
      'the API key with the auth token as its secret': [apiKey, authToken],
      'the account SID with the key secret': [accountSid, apiSecret],
    };
    for (const [label, [user, password]] of Object.entries(refused)) {
      test(`refuses ${label}`, () => {
        expect(isAuthorized(basic(user, password), credentials)).toBe(false);
      });
    }
  });
}

test('a mock with an auth token accepts the account SID with it', () => {
  expect(isAuthorized(basic(accountSid, authToken), modes['auth token and API key'] as MockCredentials)).toBe(
    true,
  );
});
