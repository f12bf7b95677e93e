import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Ajv from 'ajv';
import { type RunningMock, startMock } from '../../mock/server';
import { strictSchema } from '../openapi/support/response-schemas';
import { mockCall } from './mock-call';

/**
 * The mock's phone numbers (api v2010 IncomingPhoneNumbers) held against Twilio's description of
 * them: every answer of create, fetch, update and list validates against the operation's response
 * schema made strict (every listed property present, null when empty; nothing else).
 */

type Schema = Record<string, unknown>;
interface Spec {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const spec = JSON.parse(
  readFileSync(
    new URL(
      '../../contracts/sources/reference/twilio-oai/twilio_api_v2010_calls_numbers_messages.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as Spec;
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });

function violations(template: string, method: string, status: number, body: unknown): string[] {
  const schema =
    spec.paths[template]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method.toUpperCase()} ${template}: status ${status} is not declared`];
  const validate = ajv.compile(strictSchema(schema, spec.components.schemas));
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    return `${error.instancePath || '(body)'} ${error.message}${extra ? `: ${extra}` : ''}`;
  });
}

let mock: RunningMock;
let numbers: string;

test.beforeAll(async () => {
  mock = await startMock();
  numbers = `/2010-04-01/Accounts/${mock.credentials.accountSid}/IncomingPhoneNumbers`;
});
test.afterAll(() => mock.close());

const call = (method: string, path: string, form?: Record<string, string>) =>
  mockCall(mock, 'api', method, path, form);

const collection = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json';
const instance = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json';

test('a created phone number is answered with every property Twilio describes', async () => {
  const created = await call('POST', `${numbers}.json`, { PhoneNumber: '+15550100001' });
  expect(violations(collection, 'post', created.status, created.body)).toEqual([]);
});

test('a fetched phone number is answered with every property Twilio describes', async () => {
  const { body } = await call('POST', `${numbers}.json`, { PhoneNumber: '+15550100002' });
  const fetched = await call('GET', `${numbers}/${body.sid}.json`);
  expect(violations(instance, 'get', fetched.status, fetched.body)).toEqual([]);
});

test('an updated phone number is answered with every property Twilio describes', async () => {
  const { body } = await call('POST', `${numbers}.json`, { PhoneNumber: '+15550100003' });
  const updated = await call('POST', `${numbers}/${body.sid}.json`, { SmsUrl: 'http://127.0.0.1:1/sms' });
  expect(violations(instance, 'post', updated.status, updated.body)).toEqual([]);
});

test('a page of phone numbers holds items with every property Twilio describes', async () => {
  await call('POST', `${numbers}.json`, { PhoneNumber: '+15550100004' });
  const page = await call('GET', `${numbers}.json`);
  expect(violations(collection, 'get', page.status, page.body)).toEqual([]);
});

test('an update dates the change; the creation date stays (RFC 2822, as api v2010 writes dates)', async () => {
  const { body } = await call('POST', `${numbers}.json`, { PhoneNumber: '+15550100005' });
  const created = body as { date_created?: string };
  expect(created.date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const updated = (await call('POST', `${numbers}/${body.sid}.json`, { FriendlyName: 'renamed' })).body as {
    date_created?: string;
    date_updated?: string;
  };
  expect(updated.date_created).toBe(created.date_created);
  expect(Date.parse(updated.date_updated ?? '')).toBeGreaterThan(Date.parse(created.date_created ?? ''));
});
