/**
 * The twilio target's request policy against a simulated staging account (nock standing in for
 * Twilio's hosts): documented rate limits held across processes, 429 backoff honouring
 * Retry-After, 5xx retried only when repeating cannot change the outcome, hung requests timed out,
 * and the request budget.
 */
import { TwilioApi } from '../../targets/http/client';
import { RequestBudgetExhausted, RequestTimedOut } from '../../targets/http/request-policy';
import { busiestWindow, expect, test } from './support/fixtures';
import { scratchDir, stagingTarget } from './support/staging';

const flexFlow = (name: string) => ({
  FriendlyName: `flexconf-0a1b2c3d-policy-${name}`,
  ChatServiceSid: `IS${'1'.repeat(32)}`,
  ChannelType: 'web',
  IntegrationType: 'external',
  'Integration.Url': 'https://example.com/hook',
});

test.describe('rate limits', () => {
  test('two workers sharing the run ledger stay inside the Flex Flow limits: create 2/s, update 1/s, list 10/s, fetch 2/s, delete 2/s', async ({
    staging,
  }) => {
    test.setTimeout(120_000);
    const stateDir = scratchDir('shared-ledger');
    const workers = [stagingTarget({ stateDir }), stagingTarget({ stateDir })].map(
      (target) => new TwilioApi(target),
    );
    const created = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        workers[i % 2]!.post<{ sid: string }>('flex-api', '/v1/FlexFlows', flexFlow(`${i}`)),
      ),
    );
    expect(created.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const sids = created.map((response) => response.json.sid);
    await Promise.all([
      ...sids
        .slice(0, 3)
        .map((sid, i) => workers[i % 2]!.post('flex-api', `/v1/FlexFlows/${sid}`, { Enabled: false })),
      ...Array.from({ length: 22 }, (_, i) =>
        workers[i % 2]!.get('flex-api', '/v1/FlexFlows', { query: { PageSize: 5 } }),
      ),
      ...sids.map((sid, i) => workers[i % 2]!.get('flex-api', `/v1/FlexFlows/${sid}`)),
    ]);
    await Promise.all(sids.map((sid, i) => workers[i % 2]!.delete('flex-api', `/v1/FlexFlows/${sid}`)));

    const arrivals = (operation: string) =>
      staging.log
        .filter((entry) => entry.operation === `flex-api /v1/FlexFlows ${operation}`)
        .map((entry) => entry.at);
    expect(busiestWindow(arrivals('create'))).toBeLessThanOrEqual(2);
    expect(busiestWindow(arrivals('update'))).toBeLessThanOrEqual(1);
    expect(busiestWindow(arrivals('list'))).toBeLessThanOrEqual(10);
    expect(busiestWindow(arrivals('fetch'))).toBeLessThanOrEqual(2);
    expect(busiestWindow(arrivals('delete'))).toBeLessThanOrEqual(2);
    expect(arrivals('create')).toHaveLength(6);
    expect(arrivals('list')).toHaveLength(22);
  });
});

test.describe('429 Too Many Requests', () => {
  test('a storm of 429s is waited out, honouring Retry-After, and the request then succeeds', async ({
    staging,
  }) => {
    let refused = 0;
    staging.script((entry) =>
      entry.operation === 'flex-api /v1/FlexFlows create' && refused++ < 3
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            body: { code: 20429, message: 'Too Many Requests', status: 429 },
          }
        : undefined,
    );
    const target = stagingTarget();
    const response = await new TwilioApi(target).post('flex-api', '/v1/FlexFlows', flexFlow('storm'));
    expect(response.status).toBe(201);
    const attempts = staging.log.filter((entry) => entry.operation === 'flex-api /v1/FlexFlows create');
    expect(attempts.map((entry) => entry.status)).toEqual([429, 429, 429, 201]);
    for (let i = 1; i < attempts.length; i++) {
      expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(950);
    }
  });

  test('without Retry-After the policy backs off exponentially (0.5 s, then 1 s)', async ({ staging }) => {
    let refused = 0;
    staging.script((entry) =>
      entry.method === 'GET' && refused++ < 2 ? { status: 429, body: { status: 429 } } : undefined,
    );
    const response = await new TwilioApi(stagingTarget()).get('flex-api', '/v1/FlexFlows');
    expect(response.status).toBe(200);
    const [first, second, third] = staging.log.map((entry) => entry.at);
    expect(second! - first!).toBeGreaterThanOrEqual(450);
    expect(third! - second!).toBeGreaterThanOrEqual(950);
  });

  test('a 429 that never ends fails the request after six attempts, naming it', async ({ staging }) => {
    test.setTimeout(60_000);
    staging.script(() => ({ status: 429, headers: { 'retry-after': '0' }, body: { status: 429 } }));
    const sent = new TwilioApi(stagingTarget()).get('flex-api', '/v1/FlexFlows');
    await expect(sent).rejects.toThrow(
      /GET https:\/\/flex-api\.twilio\.com\/v1\/FlexFlows was still answered 429 .* after 6 attempts/,
    );
    expect(staging.log).toHaveLength(6);
  });

  test('a Retry-After longer than the run waits ends the request instead of stalling the run', async ({
    staging,
  }) => {
    staging.script(() => ({ status: 429, headers: { 'retry-after': '3600' }, body: { status: 429 } }));
    const sent = new TwilioApi(stagingTarget()).get('flex-api', '/v1/FlexFlows');
    await expect(sent).rejects.toThrow(/Retry-After 3600 s/);
    expect(staging.log).toHaveLength(1);
  });
});

test.describe('5xx answers', () => {
  test('an idempotent GET is retried through a storm of 5xx until it succeeds', async ({ staging }) => {
    let failed = 0;
    staging.script((entry) =>
      entry.method === 'GET' && failed++ < 2 ? { status: 503, body: { status: 503 } } : undefined,
    );
    const response = await new TwilioApi(stagingTarget()).get('flex-api', '/v1/FlexFlows');
    expect(response.status).toBe(200);
    expect(staging.log.map((entry) => entry.status)).toEqual([503, 503, 200]);
  });

  test('a DELETE (idempotent) is retried after a 502', async ({ staging }) => {
    const api = new TwilioApi(stagingTarget());
    const { json } = await api.post<{ sid: string }>('flex-api', '/v1/FlexFlows', flexFlow('delete-502'));
    let failed = 0;
    staging.script((entry) =>
      entry.method === 'DELETE' && failed++ < 1 ? { status: 502, body: { status: 502 } } : undefined,
    );
    expect((await api.delete('flex-api', `/v1/FlexFlows/${json.sid}`)).status).toBe(204);
    expect(staging.log.filter((entry) => entry.method === 'DELETE').map((entry) => entry.status)).toEqual([
      502, 204,
    ]);
  });

  test('a POST is never repeated after a 5xx: Twilio may have acted on it', async ({ staging }) => {
    staging.script((entry) =>
      entry.method === 'POST' ? { status: 500, body: { code: 20500, status: 500 } } : undefined,
    );
    const response = await new TwilioApi(stagingTarget()).post(
      'flex-api',
      '/v1/FlexFlows',
      flexFlow('post-500'),
    );
    expect(response.status).toBe(500);
    expect(staging.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });
});

test.describe('hung requests', () => {
  test('a request with no answer is abandoned after the timeout, with a message naming it', async ({
    staging,
  }) => {
    staging.script((entry) => (entry.method === 'POST' ? 'hang' : undefined));
    const started = Date.now();
    const sent = new TwilioApi(stagingTarget({ timeoutMs: 1500 })).post(
      'flex-api',
      '/v1/FlexFlows',
      flexFlow('hung'),
    );
    await expect(sent).rejects.toThrow(RequestTimedOut);
    await expect(sent).rejects.toThrow(
      'POST https://flex-api.twilio.com/v1/FlexFlows did not answer within 1500 ms',
    );
    expect(Date.now() - started).toBeLessThan(6000);
    expect(staging.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  test('a hung GET is abandoned and sent again', async ({ staging }) => {
    let hung = 0;
    staging.script((entry) => (entry.method === 'GET' && hung++ < 1 ? 'hang' : undefined));
    const response = await new TwilioApi(stagingTarget({ timeoutMs: 1000 })).get('flex-api', '/v1/FlexFlows');
    expect(response.status).toBe(200);
    expect(staging.log).toHaveLength(2);
  });
});

test.describe('request budget', () => {
  test('a request past the budget is not sent; the error names the budget and the request', async ({
    staging,
  }) => {
    const api = new TwilioApi(stagingTarget({ maxRequests: 5 }));
    for (let i = 0; i < 5; i++) expect((await api.get('flex-api', '/v1/FlexFlows')).status).toBe(200);
    const sixth = api.get('flex-api', '/v1/FlexFlows', { query: { PageSize: 7 } });
    await expect(sixth).rejects.toThrow(RequestBudgetExhausted);
    await expect(sixth).rejects.toThrow(
      /5 requests sent, the run may send 5 \(--max-requests\); not sent: GET https:\/\/flex-api\.twilio\.com\/v1\/FlexFlows\?PageSize=7/,
    );
    expect(staging.log).toHaveLength(5);
  });

  test('deletes still go out past the budget, so a run can clean up what it created', async ({ staging }) => {
    const api = new TwilioApi(stagingTarget({ maxRequests: 2 }));
    const { json } = await api.post<{ sid: string }>('flex-api', '/v1/FlexFlows', flexFlow('budget'));
    await api.get('flex-api', '/v1/FlexFlows');
    await expect(api.get('flex-api', '/v1/FlexFlows')).rejects.toThrow(RequestBudgetExhausted);
    expect((await api.delete('flex-api', `/v1/FlexFlows/${json.sid}`)).status).toBe(204);
    expect(staging.log.map((entry) => entry.method)).toEqual(['POST', 'GET', 'DELETE']);
  });
});
