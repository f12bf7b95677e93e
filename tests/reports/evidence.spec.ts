import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test as base, expect as playwrightExpect } from '@playwright/test';
import { failureDetails } from '../../reports/console';
import { failedExchangeOf } from '../../reports/reproduce';
import { onFailedAssertion, expect as suiteExpect } from '../../suites/assertions';
import { checkEvidence } from '../../suites/evidence';
import { type Exchange, TwilioApi } from '../../targets/http/client';
import { TargetHealth } from '../../targets/http/target-health';
import type { Target } from '../../targets/types';
import { scratchDir } from '../scratch';

/**
 * The evidence a failed check keeps always holds the exchange its failing assertion was about:
 * the suites' `expect` tells the check's client, the client remembers the last response read,
 * and the evidence keeps it wherever it falls among the check's requests.
 */

const expect = playwrightExpect;

/** A loopback server answering 200, except 404 for paths starting with /missing; the body names the path, also in a list. */
const test = base.extend<{ server: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  server: async ({}, use) => {
    const server: Server = createServer((request, response) => {
      response.writeHead(request.url?.startsWith('/missing') ? 404 : 200, {
        'content-type': 'application/json',
      });
      response.end(`{"path":"${request.url}","items":[{"path":"${request.url}"}]}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await new Promise((resolve) => server.close(resolve));
  },
});

const exchange = (index: number, method = 'GET'): Exchange => ({
  method,
  url: `http://127.0.0.1:4010/v1/FlexFlows/FO${String(index).padStart(32, '0')}`,
  domain: 'flex-api',
  requestHeaders: {},
  status: index === 57 ? 404 : 200,
  responseBody: `{"n":${index}}`,
  durationMs: 1,
});

test('a failed check of 103 requests keeps the 57th, the one its assertion failed on, and points at it', () => {
  const exchanges = Array.from({ length: 103 }, (_, i) => exchange(i + 1));
  const evidence = checkEvidence(exchanges, {}, 56);
  expect(evidence.total).toBe(103);
  expect(evidence.failedOn).toBeDefined();
  const failedOn = evidence.kept[evidence.failedOn ?? -1];
  expect(failedOn?.sequence).toBe(57);
  expect(failedOn?.status).toBe(404);
});

test('the evidence still keeps the first and the last six requests, in order, each with its place', () => {
  const exchanges = Array.from({ length: 103 }, (_, i) => exchange(i + 1));
  const sequences = checkEvidence(exchanges, {}, 56).kept.map((kept) => kept.sequence);
  expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 55, 56, 57, 98, 99, 100, 101, 102, 103]);
});

test('the console and the report show the exchange the assertion failed on, not the last request', () => {
  const exchanges = [exchange(1, 'POST'), exchange(57), exchange(3, 'DELETE')];
  const evidence = checkEvidence(exchanges, {}, 1);
  const check = {
    title: 'a check',
    file: 'suites/x.spec.ts',
    line: 1,
    status: 'failed' as const,
    durationMs: 1,
    error: 'Error: GET /v1/FlexFlows/… status\n\nExpected: 200\nReceived: 404',
    replay: 'npx flex-conformance run --grep x',
    exchanges: evidence,
  };
  expect(failedExchangeOf(check)?.method).toBe('GET');
  const lines = failureDetails(check, [{ id: 'A-B', severity: 'must', title: 'a rule' }]).join('\n');
  expect(lines).toContain('sent:    GET /v1/FlexFlows/FO');
  expect(lines).toContain('got:     404 {"n":57}');
  expect(lines).toContain('failed:  GET /v1/FlexFlows/… status — expected 200, received 404');
  expect(lines).toContain('replay:  npx flex-conformance run --grep x');
});

test.describe('the suites’ expect', () => {
  let failures = 0;
  test.beforeEach(() => {
    failures = 0;
    onFailedAssertion(() => failures++);
  });
  test.afterEach(() => onFailedAssertion(undefined));

  test('reports a failing assertion and still throws it', () => {
    expect(() => suiteExpect(200, 'status').toBe(201)).toThrow(/status/);
    expect(failures).toBe(1);
  });

  test('reports a failing negated assertion', () => {
    expect(() => suiteExpect(201).not.toBe(201)).toThrow();
    expect(failures).toBe(1);
  });

  test('reports a failing awaited assertion', async () => {
    await expect(suiteExpect(Promise.resolve(1)).resolves.toBe(2)).rejects.toThrow();
    expect(failures).toBe(1);
  });

  test('stays silent while assertions pass', () => {
    suiteExpect(201, 'status').toBe(201);
    suiteExpect([1]).toEqual([1]);
    expect(failures).toBe(0);
  });

  test("a failure still points at the check's line, not at the module that watches assertions", () => {
    let error: Error | undefined;
    try {
      suiteExpect(1).toBe(2);
    } catch (caught) {
      error = caught as Error;
    }
    const frames = (error?.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
    expect(frames[0]).toContain(fileURLToPath(import.meta.url));
  });
});

function loopbackTarget(url: string): Target {
  return {
    kind: 'url',
    url,
    credentials: { accountSid: `AC${'0'.repeat(32)}`, username: 'u', password: 'p', kind: 'auth-token' },
    capabilities: { voiceWebhooks: false, faults: [] },
    baseUrl: () => url,
    headers: () => ({}),
    fingerprint: () => '',
    close: async () => {},
  };
}

test('the client names the last response read when an assertion failed, not the cleanup sent after it', async ({
  server,
}) => {
  const api = new TwilioApi(loopbackTarget(server));
  onFailedAssertion(() => api.noteFailedAssertion());
  try {
    await api.get('flex-api', '/first');
    const missing = await api.get('flex-api', '/missing');
    expect(() => suiteExpect(missing.status, 'GET /missing status').toBe(200)).toThrow();
    await api.get('flex-api', '/after');
  } finally {
    onFailedAssertion(undefined);
  }
  api.noteCheckEnded();
  await api.delete('flex-api', '/cleanup');
  expect(api.exchanges[api.failedOn() ?? -1]?.url).toBe(`${server}/missing`);
});

test('the failing assertion is about the response it read, though a later one was sent and read since', async ({
  server,
}) => {
  const api = new TwilioApi(loopbackTarget(server));
  onFailedAssertion(() => api.noteFailedAssertion());
  try {
    // as a driver does: the create, then a list to see what it stored, both read before the check asserts
    const created = await api.post('flex-api', '/missing-create');
    const listed = await api.get('flex-api', '/list');
    expect(listed.status).toBe(200);
    expect(() => suiteExpect(created.status, 'create status').toBe(201)).toThrow();
  } finally {
    onFailedAssertion(undefined);
  }
  expect(api.exchanges[api.failedOn() ?? -1]?.url).toBe(`${server}/missing-create`);
});

test('the failing assertion is about the response its value was read from, at any depth, though a driver read another since', async ({
  server,
}) => {
  const api = new TwilioApi(loopbackTarget(server));
  onFailedAssertion(() => api.noteFailedAssertion());
  try {
    // as the voice trigger does: the call's task listed, then the flow's executions listed and read
    const page = (await api.get<{ items: { path: string }[] }>('flex-api', '/tasks')).json;
    const [task] = page.items;
    const executions = await api.get<{ path: string }>('flex-api', '/executions');
    expect(executions.json.path).toBe('/executions');
    expect(() => suiteExpect(task?.path, "the task's path").toBe('/other')).toThrow();
  } finally {
    onFailedAssertion(undefined);
  }
  expect(api.exchanges[api.failedOn() ?? -1]?.url).toBe(`${server}/tasks`);
});

test('without a failed assertion, a failed check failed on its last request before cleanup', async ({
  server,
}) => {
  const api = new TwilioApi(loopbackTarget(server));
  await api.get('flex-api', '/first');
  await api.get('flex-api', '/last');
  api.noteCheckEnded();
  await api.delete('flex-api', '/cleanup');
  expect(api.exchanges[api.failedOn() ?? -1]?.url).toBe(`${server}/last`);
});

test('once the target is gone the client sends nothing more, and notes the request as one that could not reach it', async ({
  server,
}) => {
  const health = new TargetHealth(scratchDir('health'));
  for (let i = 0; i < 3; i++) health.failed(new Error('connect ECONNREFUSED 127.0.0.1:1'));
  const api = new TwilioApi(loopbackTarget(server), undefined, health);
  await expect(api.get('flex-api', '/first')).rejects.toThrow(
    /^the target stopped answering \(3 requests in a row/,
  );
  expect(api.exchanges).toEqual([]);
  expect(api.connectionFailures).toHaveLength(1);
});
