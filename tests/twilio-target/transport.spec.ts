/**
 * The checks' transport on its own: what a target answers comes back as it was sent (a redirect
 * is not followed), a request past its timeout fails as a timeout, and an error never carries the
 * request's Authorization header, even where an interceptor describes the request in full.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import nock from 'nock';
import { sendOnWire } from '../../targets/http/transport';
import { lockDownNetwork } from './support/intercept-twilio';

const authorization = `Basic ${Buffer.from('AC0a0a:transport-secret').toString('base64')}`;
const headers = { accept: 'application/json', authorization };

let server: Server;
let base: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/hang') return;
    response.writeHead(302, { location: '/elsewhere', 'x-twilio': 'kept' });
    response.end('{"moved":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => {
  server.closeAllConnections();
  server.close();
});
test.afterEach(() => {
  nock.cleanAll();
});

test('a redirect is answered as it is: status, lower-case headers and body, not followed', async () => {
  const answer = await sendOnWire({ method: 'GET', url: `${base}/moved`, headers, timeoutMs: 5000 });
  expect(answer.status).toBe(302);
  expect(answer.headers).toMatchObject({ location: '/elsewhere', 'x-twilio': 'kept' });
  expect(answer.text).toBe('{"moved":true}');
});

test('a request without an answer past its timeout fails with a timeout error', async () => {
  const sent = sendOnWire({ method: 'GET', url: `${base}/hang`, headers, timeoutMs: 200 });
  await expect(sent).rejects.toMatchObject({ name: 'TimeoutError', message: 'Timeout 200ms exceeded' });
});

test("an interceptor's description of an unmatched request reaches the check without the Authorization value", async () => {
  lockDownNetwork();
  nock('https://flex-api.twilio.com').get('/v1/Other').reply(200, '{}');
  const failure = await sendOnWire({
    method: 'GET',
    url: 'https://flex-api.twilio.com/v1/FlexFlows',
    headers,
    timeoutMs: 5000,
  }).catch((error: Error) => error);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toMatch(/^Nock: No match for request/);
  expect((failure as Error).message).not.toContain(authorization.slice('Basic '.length));
  expect((failure as Error).message).toContain('[redacted]');
});
