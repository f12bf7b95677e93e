import { expect, test } from '@playwright/test';
import { domains, twilioHost } from '../../contracts/domains';
import { flowDefinition } from '../../generators/studio';
import { type RunningMock, startMock } from '../../mock/server';
import { type RawAnswer, rawExchange } from './raw-http';

/**
 * Self-tests of the embedded mock against hostile input: every malformed request gets a Twilio 4xx
 * with Twilio's error body `{code, message, more_info, status}`, never a 500, a hang or a dropped
 * connection, and never after reading an oversize body whole.
 */

const maxBodyBytes = 128 * 1024;
let mock: RunningMock;
let port: number;

test.beforeAll(async () => {
  mock = await startMock({ maxBodyBytes });
  port = Number(new URL(mock.url).port);
});
test.afterAll(() => mock.close());

function expectTwilioError(answer: RawAnswer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({
    code: expect.any(Number),
    message: expect.any(String),
    more_info: expect.stringMatching(/^https:\/\/www\.twilio\.com\/docs\/errors\/\d+$/),
    status,
  });
}

const request = (head: string, host = 'studio.twilio.com') => `${head}\r\nHost: ${host}\r\n\r\n`;

const authorization = () =>
  `Basic ${Buffer.from(`${mock.credentials.accountSid}:${mock.credentials.authToken}`).toString('base64')}`;

const malformedEscapes = { 'an invalid hex pair': '%ZZ', 'truncated UTF-8': '%E2%82', 'a trailing %': '%' };

test.describe('malformed percent-escapes in a path', () => {
  for (const domain of domains) {
    for (const [label, malformed] of Object.entries(malformedEscapes)) {
      test(`on ${domain}, ${label} is a 400 before authentication`, async () => {
        const answer = await rawExchange(
          port,
          request(`GET /v1/Things/x${malformed} HTTP/1.1`, twilioHost(domain)),
        );
        expectTwilioError(answer, 400);
      });
    }
  }
});

test.describe('request bodies beyond the size limit', () => {
  test('a declared Content-Length over the limit is a 413 answered before the body is sent', async () => {
    const head = `POST /v2/Flows HTTP/1.1\r\nHost: studio.twilio.com\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`;
    expectTwilioError(await rawExchange(port, head), 413);
  });

  test('an endless chunked body is a 413 once it passes the limit', async () => {
    const chunk = 'a'.repeat(8 * 1024);
    const head = 'POST /v2/Flows HTTP/1.1\r\nHost: studio.twilio.com\r\nTransfer-Encoding: chunked\r\n\r\n';
    const answer = await rawExchange(port, head, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expectTwilioError(answer, 413);
  });

  test('a body at the limit is read and answered by the API', async () => {
    const body = `FriendlyName=${'a'.repeat(maxBodyBytes - 'FriendlyName='.length)}`;
    const response = await fetch(`${mock.url}/v2/Flows`, {
      method: 'POST',
      headers: {
        host: 'studio.twilio.com',
        authorization: authorization(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 20001 });
  });
});

test.describe("the HTTP layer's own refusals carry a Twilio error body", () => {
  test('a 16 KB URL is a 431', async () => {
    expectTwilioError(
      await rawExchange(port, request(`GET /v2/Flows?x=${'a'.repeat(16 * 1024)} HTTP/1.1`)),
      431,
    );
  });

  test('an unknown method is a 400', async () => {
    expectTwilioError(await rawExchange(port, request('BREW /v2/Flows HTTP/1.1')), 400);
  });

  test('malformed framing (a non-numeric Content-Length) is a 400', async () => {
    const head = 'POST /v2/Flows HTTP/1.1\r\nHost: studio.twilio.com\r\nContent-Length: abc\r\n\r\n';
    expectTwilioError(await rawExchange(port, head), 400);
  });

  test('CONNECT is a 405', async () => {
    expectTwilioError(await rawExchange(port, request('CONNECT studio.twilio.com:443 HTTP/1.1')), 405);
  });
});

const formHeaders = () => ({
  host: 'studio.twilio.com',
  authorization: authorization(),
  'content-type': 'application/x-www-form-urlencoded',
});

/** A published flow to start executions of. */
async function publishedFlow(): Promise<string> {
  const created = await fetch(`${mock.url}/v2/Flows`, {
    method: 'POST',
    headers: formHeaders(),
    body: new URLSearchParams({
      FriendlyName: 'deep parameters',
      Status: 'published',
      Definition: JSON.stringify(flowDefinition('incomingRequest', [])),
    }),
  });
  return ((await created.json()) as { sid: string }).sid;
}

const deepParameters = () =>
  new URLSearchParams({
    To: '+15550100',
    From: '+15550101',
    Parameters: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  }).toString();

test('a Studio execution whose Parameters nest 5,000 levels deep is a 400, not a stack overflow', async () => {
  const response = await fetch(`${mock.url}/v2/Flows/${await publishedFlow()}/Executions`, {
    method: 'POST',
    headers: formHeaders(),
    body: deepParameters(),
  });
  expectTwilioError({ status: response.status, body: await response.json() }, 400);
});

/** A whole request whose form body is sent in full, Content-Length stated. */
const formPost = (path: string, body: string) =>
  `POST ${path} HTTP/1.1\r\nHost: studio.twilio.com\r\nAuthorization: ${authorization()}\r\n` +
  `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** A chunked body of `bytes`, sent whole in one write. */
const chunkedPost = (bytes: number) =>
  `POST /v2/Flows HTTP/1.1\r\nHost: studio.twilio.com\r\nTransfer-Encoding: chunked\r\n\r\n` +
  `${bytes.toString(16)}\r\n${'a'.repeat(bytes)}\r\n0\r\n\r\n`;

/**
 * Every malformed class, one after another, so a mixed load exercises them all: the malformed
 * escapes, the HTTP layer's refusals, a declared oversize body, oversize bodies sent in full (with
 * their length and chunked), and deeply nested execution Parameters.
 */
async function malformedRequests(): Promise<readonly string[]> {
  const flow = await publishedFlow();
  return [
    ...Object.values(malformedEscapes).map((malformed) => request(`GET /v1/Things/x${malformed} HTTP/1.1`)),
    request(`GET /v2/Flows?x=${'a'.repeat(16 * 1024)} HTTP/1.1`),
    request('BREW /v2/Flows HTTP/1.1'),
    'POST /v2/Flows HTTP/1.1\r\nHost: studio.twilio.com\r\nContent-Length: abc\r\n\r\n',
    request('CONNECT studio.twilio.com:443 HTTP/1.1'),
    `POST /v2/Flows HTTP/1.1\r\nHost: studio.twilio.com\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`,
    formPost('/v2/Flows', `FriendlyName=${'a'.repeat(maxBodyBytes + 1024)}`),
    chunkedPost(maxBodyBytes + 1024),
    formPost(`/v2/Flows/${flow}/Executions`, deepParameters()),
  ];
}

test('20,000 malformed requests on 64 connections all get a Twilio 4xx, and memory stays bounded', async () => {
  test.setTimeout(240_000);
  const total = 20_000;
  const concurrency = 64;
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  // encoded once: 20,000 writes of the 129 KB bodies would otherwise encode each again
  const requests = (await malformedRequests()).map((text) => Buffer.from(text));
  let next = 0;
  const statuses = new Map<number, number>();
  const unexpected: string[] = [];
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const answer = await rawExchange(port, requests[index % requests.length] as Buffer);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const body = answer.body as { code?: unknown; status?: unknown } | undefined;
      if (
        answer.status < 400 ||
        answer.status >= 500 ||
        body?.status !== answer.status ||
        typeof body.code !== 'number'
      ) {
        if (unexpected.length < 5)
          unexpected.push(`request ${index}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const growthMiB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  test.info().annotations.push({
    type: 'load',
    description: `statuses ${JSON.stringify(Object.fromEntries(statuses))}, RSS growth ${growthMiB.toFixed(1)} MiB`,
  });
  expect(unexpected).toEqual([]);
  expect(growthMiB).toBeLessThan(200);
});
