import { expect, test } from '@playwright/test';
import { type RunningMock, startMock } from '../../mock/server';
import { pipelinedExchange, type RawAnswer, simultaneousExchanges } from './raw-http';

/**
 * Self-tests of how the mock writes its answers: those finished in one turn of the event loop are
 * written together after it, so each must still reach the connection that asked, in the order asked.
 */

let mock: RunningMock;
let port: number;

test.beforeAll(async () => {
  mock = await startMock();
  port = Number(new URL(mock.url).port);
});
test.afterAll(() => mock.close());

const authorization = () =>
  `Basic ${Buffer.from(`${mock.credentials.accountSid}:${mock.credentials.authToken}`).toString('base64')}`;

function createFlow(friendlyName: string): string {
  const body = new URLSearchParams({
    FriendlyName: friendlyName,
    ChatServiceSid: `IS${'c'.repeat(32)}`,
    ChannelType: 'web',
    IntegrationType: 'studio',
    'Integration.FlowSid': `FW${'d'.repeat(32)}`,
  }).toString();
  return [
    'POST /v1/FlexFlows HTTP/1.1',
    'Host: flex-api.twilio.com',
    `Authorization: ${authorization()}`,
    'Content-Type: application/x-www-form-urlencoded',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

const friendlyName = (answer: RawAnswer) => (answer.body as { friendly_name?: string }).friendly_name;

const get = (path: string) =>
  `GET ${path} HTTP/1.1\r\nHost: flex-api.twilio.com\r\nAuthorization: ${authorization()}\r\n\r\n`;

test('pipelined requests on one connection are answered in the order they were sent', async () => {
  const answers = await pipelinedExchange(port, [
    createFlow('first'),
    get(`/v1/FlexFlows/FO${'0'.repeat(32)}`),
    createFlow('third'),
    get('/v1/FlexFlows?PageSize=1'),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([201, 404, 201, 200]);
  expect(answers.map((answer) => friendlyName(answer))).toEqual(['first', undefined, 'third', undefined]);
});

test('requests arriving together on many connections each get their own answer', async () => {
  const names = Array.from({ length: 24 }, (_, i) => `flow ${i} ${'é'.repeat(i % 3)}`);
  const answers = await simultaneousExchanges(port, names.map(createFlow));
  expect(answers.map((answer) => friendlyName(answer))).toEqual(names);
});
