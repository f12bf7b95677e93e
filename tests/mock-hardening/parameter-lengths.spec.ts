import { expect, test } from '@playwright/test';
import type { Domain } from '../../contracts/domains';
import { documentedLengths } from '../../mock/core/documented-lengths';
import { type RunningMock, startMock } from '../../mock/server';
import { mockCall } from '../mock-api/mock-call';

/**
 * Self-tests of the parameter lengths Twilio's descriptions state ("It can be up to 64 characters
 * long"): on every operation that states one, a value one character longer is Twilio's 400 / 20001
 * and leaves nothing behind; a value of exactly the stated length, counted in characters (non-ASCII
 * ones included), is accepted.
 */

let mock: RunningMock;

test.beforeAll(async () => {
  mock = await startMock();
});
test.afterAll(() => mock.close());

const call = (domain: Domain, method: string, path: string, form?: Record<string, string>) =>
  mockCall(mock, domain, method, path, form);

async function created(domain: Domain, path: string, form: Record<string, string>): Promise<string> {
  const answer = await call(domain, 'POST', path, form);
  expect(answer.status, `POST ${path}: ${JSON.stringify(answer.body)}`).toBe(201);
  return String(answer.body.sid);
}

let unique = 0;
const name = () => `n${++unique}`;

/** Per bound: the path to post to (its parent resources made first), and the other parameters the post needs. */
async function postOf(
  pattern: string,
): Promise<{ domain: Domain; path: string; form: Record<string, string> }> {
  const phoneNumbers = `/2010-04-01/Accounts/${mock.credentials.accountSid}/IncomingPhoneNumbers`;
  if (pattern.startsWith('/2010-04-01/')) {
    const number = `+1555${String(1_000_000 + unique++).slice(1)}`;
    if (pattern.endsWith('.json'))
      return { domain: 'api', path: `${phoneNumbers}.json`, form: { PhoneNumber: number } };
    const sid = await created('api', `${phoneNumbers}.json`, { PhoneNumber: number });
    return { domain: 'api', path: `${phoneNumbers}/${sid}.json`, form: {} };
  }
  if (pattern === '/v1/Workspaces') return { domain: 'taskrouter', path: pattern, form: {} };
  const workspace = await created('taskrouter', '/v1/Workspaces', { FriendlyName: name() });
  const collection = pattern.split('/')[4] as string;
  const path = `/v1/Workspaces/${workspace}/${collection}`;
  const needs: Record<string, string> = collection === 'TaskChannels' ? { UniqueName: name() } : {};
  if (!pattern.endsWith('/:Sid')) return { domain: 'taskrouter', path, form: needs };
  const sid = await created('taskrouter', path, { FriendlyName: name(), ...needs });
  return { domain: 'taskrouter', path: `${path}/${sid}`, form: {} };
}

/** Characters of more than one UTF-16 unit and of more than one UTF-8 byte: counted one each. */
const ofLength = (characters: number) => [...'é😀a'.repeat(characters)].slice(0, characters).join('');

for (const bound of documentedLengths) {
  test.describe(`${bound.domain} POST ${bound.pattern}`, () => {
    test(`${bound.parameter} of ${bound.characters + 1} characters is refused with 400 / 20001, nothing changed`, async () => {
      const { domain, path, form } = await postOf(bound.pattern);
      const before = await call(domain, 'GET', path);
      const answer = await call(domain, 'POST', path, {
        ...form,
        [bound.parameter]: ofLength(bound.characters + 1),
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 20001,
        status: 400,
        message: expect.stringContaining(bound.parameter),
      });
      expect((await call(domain, 'GET', path)).body).toEqual(before.body);
    });

    test(`${bound.parameter} of exactly ${bound.characters} non-ASCII characters is accepted and kept`, async () => {
      const { domain, path, form } = await postOf(bound.pattern);
      const value = ofLength(bound.characters);
      const answer = await call(domain, 'POST', path, { ...form, [bound.parameter]: value });
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      expect(answer.body.friendly_name).toBe(value);
    });
  });
}
