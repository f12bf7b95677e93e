/**
 * Every request the whole suite sends, held against Twilio's own OpenAPI descriptions: a run of
 * every check (one property run each) against the simulated account, as a URL target, logged as
 * Twilio's edge would see it. A request the account accepted must be an operation Twilio describes
 * (method and path template), with only the query and form parameters that operation declares.
 * Requests the account refused are left out: checks send malformed requests on purpose.
 */
import { expect, test } from '@playwright/test';
import { describedDomains } from '../openapi/support/response-schemas';
import { describedOperation, isDescribed } from './support/openapi';
import { type LoggedRequest, type SimulatedTwilio, startSimulatedTwilio } from './support/simulated-twilio';
import { type CliResult, runCli, scratchDir, stopStrayRuns } from './support/staging';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(stopStrayRuns);

test.describe('a run of every check', () => {
  let staging: SimulatedTwilio;
  let result: CliResult;
  let accepted: LoggedRequest[];

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    staging = await startSimulatedTwilio({ onThisMachine: true });
    result = await runCli(
      ['run', '--target', staging.url, '--runs', '1', '--out', scratchDir('openapi')],
      staging.url,
    );
    accepted = staging.log.filter((entry) => (entry.status ?? 500) < 400);
  });
  test.afterAll(async () => {
    await staging.close();
  });

  test('the run reaches every domain Twilio describes, and passes', async () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const domains = new Set(accepted.map((entry) => entry.domain));
    for (const domain of describedDomains) expect(domains.has(domain), domain).toBe(true);
  });

  for (const domain of describedDomains) {
    test(`${domain}: every accepted request is an operation of Twilio's description, with declared parameters only`, async () => {
      expect(isDescribed(domain)).toBe(true);
      const problems = new Set<string>();
      const operations = new Set<string>();
      for (const entry of accepted.filter((candidate) => candidate.domain === domain)) {
        const url = new URL(entry.path, 'https://example.invalid');
        const operation = describedOperation(domain, entry.method, url.pathname);
        if (!operation) {
          problems.add(`${entry.method} ${url.pathname}: no such operation`);
          continue;
        }
        operations.add(`${entry.method} ${operation.template}`);
        for (const name of new Set(url.searchParams.keys()))
          if (!operation.query.has(name))
            problems.add(`${entry.method} ${operation.template}: query parameter ${name} is not declared`);
        if (entry.method !== 'POST') continue;
        for (const name of new Set(new URLSearchParams(entry.body).keys()))
          if (!operation.form.has(name))
            problems.add(`${entry.method} ${operation.template}: form parameter ${name} is not declared`);
      }
      expect([...problems].sort()).toEqual([]);
      expect(operations.size, 'operations exercised').toBeGreaterThan(2);
    });
  }
});

test('what Twilio does not describe is told apart: an unknown operation, an undeclared parameter', () => {
  const create = describedOperation('flex-api', 'POST', '/v1/FlexFlows');
  expect(create?.form.has('Integration.FlowSid')).toBe(true);
  expect(create?.form.has('Integration.FlowSID')).toBe(false);
  expect(describedOperation('flex-api', 'DELETE', `/v1/Interactions/KD${'0'.repeat(32)}`)).toBeUndefined();
  expect(describedOperation('studio', 'POST', '/v2/Flows/Validate')?.template).toBe('/v2/Flows/Validate');
  expect(
    describedOperation('taskrouter', 'GET', `/v1/Workspaces/WS${'0'.repeat(32)}/Tasks`)?.query.has(
      'Ordering',
    ),
  ).toBe(true);
});
