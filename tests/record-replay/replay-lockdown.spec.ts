/**
 * A replay reaches no host at all, loopback included, with one exception: a relay open in the same
 * process (targets/http/relay.ts), which the Pact verifier talks to and which sends what it receives
 * through the replayed target itself.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import nock from 'nock';
import { writeCassetteMeta } from '../../targets/cassette/format';
import { openReplayTarget } from '../../targets/cassette/replay';
import { TwilioApi } from '../../targets/http/client';
import { startRelay } from '../../targets/http/relay';
import type { Target } from '../../targets/types';
import { scratchDir } from '../twilio-target/support/staging';

let target: Target;
let local: Server;
let localUrl: string;

test.beforeEach(async () => {
  const dir = scratchDir('lockdown');
  writeCassetteMeta(dir, {
    format: 'flex-conformance-cassette',
    version: 1,
    seed: 1,
    runs: 1,
    runId: '0a1b2c3d',
    recordedAt: '2026-11-21T00:00:00.000Z',
    accountSid: `AC${'0'.repeat(32)}`,
  });
  target = openReplayTarget({ dir, timeoutMs: 5_000 });
  local = createServer((_request, response) => response.end('reached'));
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
});

test.afterEach(async () => {
  await target.close();
  nock.enableNetConnect();
  await new Promise<void>((resolve) => local.close(() => resolve()));
});

test('a loopback server is out of reach during a replay', async () => {
  await expect(fetch(localUrl)).rejects.toThrow();
});

test('an open relay is reachable, and sends what it gets to the replayed target', async () => {
  const relay = await startRelay(new TwilioApi(target), 'flex-api');
  try {
    const answer = await fetch(`${relay.url}/v1/FlexFlows`);
    // The replayed target holds no cassette for this test: the relay answers 502 naming the request.
    expect(answer.status).toBe(502);
    expect(await answer.text()).toMatch(/^relay: /);
  } finally {
    await relay.close();
  }
  await expect(fetch(relay.url)).rejects.toThrow();
});
