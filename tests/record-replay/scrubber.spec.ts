/**
 * What a cassette may hold: no credentials, and stable placeholders instead of account SIDs and
 * phone numbers; and what replay gives back: the answers the recorded test saw.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { basicAuthorization } from '../../targets/http/credentials';
import {
  placeholderAccountSid,
  placeholderApiKey,
  placeholderVoiceNumber,
  redactSecrets,
  Scrubber,
} from '../../targets/http/redaction';
import type { Credentials } from '../../targets/types';

const account = `AC${'ab12'.repeat(8)}`;
const token = 'tok-Zq8!x/y+z=secret';
const credentials: Credentials = {
  accountSid: account,
  username: account,
  password: token,
  kind: 'auth-token',
};
const replayCredentials: Credentials = {
  accountSid: placeholderAccountSid,
  username: placeholderAccountSid,
  password: 'replayed',
  kind: 'auth-token',
};

test('the token, its URL encoding and the Basic header built from it are removed', () => {
  const header = basicAuthorization(credentials);
  const text = `token=${token} encoded=${encodeURIComponent(token)} ${header}`;
  const clean = redactSecrets(text, credentials);
  expect(clean).not.toContain(token);
  expect(clean).not.toContain(encodeURIComponent(token));
  expect(clean).not.toContain(header.slice(6));
  expect(clean).toBe('token=[redacted] encoded=[redacted] [redacted]');
});

test("an API key's SID is replaced and its secret removed", () => {
  const key = `SK${'cd34'.repeat(8)}`;
  const apiKey: Credentials = {
    accountSid: account,
    username: key,
    password: 'key-secret-123',
    kind: 'api-key',
  };
  expect(redactSecrets(`${key}:key-secret-123`, apiKey)).toBe(`${placeholderApiKey}:[redacted]`);
});

test('the recorded account, --voice-number and other numbers and accounts get placeholders, raw and form-encoded', () => {
  const scrubber = new Scrubber({ credentials, voiceNumber: '+14155550123' });
  const other = `AC${'9f'.repeat(16)}`;
  const text = `{"account_sid":"${account}","to":"+14155550123","from":"+447700900123","parent":"${other}"} From=%2B447700900123&To=whatsapp%3A%2B14155550123`;
  expect(scrubber.scrub(text)).toBe(
    `{"account_sid":"${placeholderAccountSid}","to":"${placeholderVoiceNumber}","from":"+15550000001","parent":"AC${'0'.repeat(24)}00000001"} From=%2B15550000001&To=whatsapp%3A%2B15550000000`,
  );
});

test('an account SID inside a form-encoded URL (a number’s VoiceUrl) gets its placeholder, and replay puts it back', () => {
  const recording = new Scrubber({ credentials, voiceNumber: '+14155550123' });
  const body = `VoiceUrl=https%3A%2F%2Fwebhooks.twilio.com%2Fv1%2FAccounts%2F${account}%2FFlows%2FFW${'a'.repeat(32)}&VoiceMethod=POST`;
  const scrubbed = recording.scrub(body);
  expect(scrubbed).not.toContain(account);
  expect(scrubbed).toContain(`%2FAccounts%2F${placeholderAccountSid}%2FFlows`);
  expect(new Scrubber({ credentials, voiceNumber: '+14155550123' }).restore(scrubbed)).toBe(body);
});

test('placeholders are stable within a test: the same value always gets the same one', () => {
  const scrubber = new Scrubber({ credentials });
  expect(scrubber.scrub('+12025550101 +12025550102')).toBe('+15550000001 +15550000002');
  expect(scrubber.scrub('+12025550102 +12025550101')).toBe('+15550000002 +15550000001');
});

/** A recorded exchange: what the test sent and what the account answered. */
const exchange = () =>
  fc.record({
    sent: fc.array(
      fc.integer({ min: 2_000_000_000, max: 9_999_999_999 }).map((n) => `+1${n}`),
      { maxLength: 3 },
    ),
    accountOnly: fc.array(
      fc.integer({ min: 2_000_000_000, max: 9_999_999_999 }).map((n) => `+44${n}`),
      { maxLength: 2 },
    ),
  });

test('replaying a recording sends exactly the recorded requests and gives the test back the answers it saw', async () => {
  await fc.assert(
    fc.property(fc.array(exchange(), { minLength: 1, maxLength: 6 }), (exchanges) => {
      const recorder = new Scrubber({ credentials });
      const recorded = exchanges.map(({ sent, accountOnly }) => {
        const request = `Numbers=${sent.join(',')}&Account=${account}`;
        const response = JSON.stringify({ echoed: sent, owned: accountOnly, account_sid: account });
        return { request: recorder.scrub(request), response: recorder.scrub(response), original: response };
      });
      const player = new Scrubber({ credentials: replayCredentials });
      for (const [i, { sent, accountOnly }] of exchanges.entries()) {
        const outgoing = player.scrub(`Numbers=${sent.join(',')}&Account=${placeholderAccountSid}`);
        expect(outgoing).toBe(recorded[i]!.request);
        const seen = JSON.parse(player.restore(recorded[i]!.response)) as {
          echoed: string[];
          owned: string[];
        };
        expect(seen.echoed).toEqual(sent);
        expect(seen.owned).toHaveLength(accountOnly.length);
        for (const number of seen.owned) expect(number).toMatch(/^\+1555\d{7}$/);
      }
    }),
    { seed: 20260601, numRuns: 200 },
  );
});
