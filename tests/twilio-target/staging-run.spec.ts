/**
 * `flex-conformance run --target twilio` against a simulated staging account: nock stands in for
 * Twilio's hosts in every process of the run (the CLI, Playwright, its workers) and the embedded
 * mock answers behind it. Nothing leaves loopback.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { domains, twilioHost } from '../../contracts/domains';
import type { ConformanceReport } from '../../reports/model';
import {
  accountLimitPerSecond,
  apiOperation,
  limitFor,
  type Operation,
} from '../../targets/http/rate-limits';
import { defaultMaxRequests } from '../../targets/http/request-policy';
import { announcedRunId, flexFlowsOnAccount, seedFlexFlow } from './support/account-state';
import { busiestWindow } from './support/fixtures';
import {
  type SimulatedTwilio,
  stagingAccountSid,
  stagingAuthToken,
  startSimulatedTwilio,
} from './support/simulated-twilio';
import { type CliResult, runCli, scratchDir, stopStrayRuns } from './support/staging';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(stopStrayRuns);

const account = ['--target', 'twilio', '--account', stagingAccountSid];
const basic = `Basic ${Buffer.from(`${stagingAccountSid}:${stagingAuthToken}`).toString('base64')}`;

test.describe('refusing to start', () => {
  let staging: SimulatedTwilio;
  test.beforeAll(async () => {
    staging = await startSimulatedTwilio();
  });
  test.afterAll(async () => {
    await staging.close();
  });

  const refusals: ReadonlyArray<[string, string[], RegExp]> = [
    [
      'without --account',
      [],
      /^flex-conformance: --target twilio needs --account AC\*+5ea1: name the account it may change$/,
    ],
    [
      'with --account naming another account',
      ['--account', `AC${'7'.repeat(32)}`],
      /^flex-conformance: --account AC\*+7777 is not the account of the credentials \(AC\*+5ea1\): refusing to run$/,
    ],
    [
      'with a malformed --account',
      ['--account', 'AC123'],
      /^flex-conformance: --account must be AC followed by 32 hexadecimal digits/,
    ],
  ];
  for (const [when, flags, message] of refusals) {
    test(`--target twilio ${when} exits 2 with one line and sends no request`, async () => {
      const result = await runCli(
        ['run', '--target', 'twilio', ...flags, '--out', scratchDir('refused')],
        staging.url,
      );
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
      expect(staging.log).toEqual([]);
    });
  }

  test('credentials that reach another account (an API key of another account) are refused after one read', async () => {
    staging.script((entry) =>
      entry.path === '/v1/Configuration'
        ? { status: 200, body: { account_sid: `AC${'9'.repeat(32)}` } }
        : undefined,
    );
    const result = await runCli(['run', ...account, '--out', scratchDir('other-account')], staging.url);
    staging.script(undefined);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'flex-conformance: the credentials reach account AC****************************9999, not AC****************************5ea1 (--account): refusing to run',
    );
    expect(staging.log.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /v1/Configuration']);
  });
});

test.describe('a run on the staging account', () => {
  let staging: SimulatedTwilio;
  let result: CliResult;
  let out: string;
  let runId: string;
  // The Pact provider checks among them: the verifier's own requests go through targets/http/relay.ts.
  const rules = [
    'FLEXFLOW-FETCH-RETURNS-RESOURCE',
    'FLEXFLOW-DELETE-RETURNS-204',
    'FLEXFLOW-ENABLED-BOOLEAN',
    'FLEXFLOW-UPDATE-PARTIAL',
    'FLEXFLOW-LIST-CONTAINS-CREATED',
    'FLEXFLOW-DELETE-THEN-404',
    'WIRE-AUTH-BASIC-REQUIRED',
    'WIRE-FORM-ENCODED-REQUESTS',
    'TR-TASK-SID-WT',
    'EOL-POST-EOL-BEHAVIOUR',
  ];

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    staging = await startSimulatedTwilio();
    await seedFlexFlow(staging, 'Production SMS flow');
    out = scratchDir('staging-run');
    result = await runCli(
      ['run', ...account, ...rules.flatMap((rule) => ['--grep', rule]), '--runs', '3', '--out', out],
      staging.url,
    );
    runId = announcedRunId(result.stdout);
  });
  test.afterAll(async () => {
    await staging.close();
  });

  test('the run passes and says, before the first check, what it will create, spend and skip', async () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const announced = result.stdout.slice(0, result.stdout.indexOf('verdict'));
    expect(announced).toContain(
      `twilio: account AC****************************5ea1 (auth token from the environment)`,
    );
    expect(announced).toMatch(
      /will create, named flexconf-[0-9a-f]{8}-… and deleted at the end .*: Flex Flows; .*Studio flows/,
    );
    expect(announced).toContain(`request budget ${defaultMaxRequests} (--max-requests)`);
    expect(announced).toContain('no --voice-number: voice checks are skipped');
    expect(announced).toContain('no --sms-numbers: inbound SMS checks are skipped');
  });

  test("every request goes to a Twilio host with the account's Basic auth (the wire checks' missing or wrong credentials answered 401), Twilio's paths and form-encoded bodies", async () => {
    const hosts = new Set(domains.map(twilioHost));
    expect(staging.log.length).toBeGreaterThan(20);
    for (const entry of staging.log) {
      const where = `${entry.method} ${entry.host}${entry.path}`;
      expect(hosts.has(entry.host), where).toBe(true);
      expect(entry.path, where).toMatch(/^\/v[12]\/[A-Z]/);
      if (entry.authorization !== undefined && entry.authorization !== basic)
        expect(entry.status, `${where} with credentials other than the account's`).toBe(401);
      if (entry.method !== 'POST') continue;
      expect(entry.contentType, where).toBe('application/x-www-form-urlencoded');
      for (const key of new URLSearchParams(entry.body).keys())
        expect(key, where).toMatch(/^[A-Z][A-Za-z]*(\.[A-Z][A-Za-z]*)*$/);
    }
    const unauthenticated = staging.log.filter((entry) => entry.authorization === undefined);
    expect(unauthenticated.length).toBeGreaterThan(0);
    expect(unauthenticated.every((entry) => entry.status === 401)).toBe(true);
    const used = new Set(staging.log.map((entry) => entry.domain));
    expect([...used].sort()).toEqual(expect.arrayContaining(['chat', 'flex-api', 'taskrouter']));
  });

  test('everything the run created carries its tag flexconf-<run id>-, or lives inside a resource that does', async () => {
    const tag = `flexconf-${runId}-`;
    const creates = staging.log.filter(
      (entry) =>
        apiOperation(entry.method, entry.domain, `https://${entry.host}${entry.path}`).operation ===
          'create' && (entry.status ?? 500) < 300,
    );
    expect(creates.length).toBeGreaterThan(10);
    const taggedSids = new Set<string>();
    for (const entry of creates) {
      const form = new URLSearchParams(entry.body);
      const named = ['FriendlyName', 'UniqueName', 'Attributes'].some((key) => form.get(key)?.includes(tag));
      const parent = entry.path.split(/[/?]/).find((segment) => taggedSids.has(segment));
      expect(named || parent !== undefined, `${entry.path} ${entry.body}`).toBe(true);
      const sid = (JSON.parse(entry.response ?? '{}') as { sid?: string }).sid;
      if (sid) taggedSids.add(sid);
    }
  });

  test('nothing the run created is left on the account; what was there before is untouched', async () => {
    const flows = await flexFlowsOnAccount(staging);
    expect(flows.map((flow) => flow.friendly_name).sort()).toEqual(
      ['Flex Messaging Channel', 'Flex Web Channel', 'Production SMS flow'].sort(),
    );
    const workspaces = await staging.call('taskrouter', 'GET', '/v1/Workspaces?PageSize=1000');
    expect(JSON.stringify(workspaces.json)).not.toContain(`flexconf-${runId}-`);
  });

  test('every API stayed inside its rate limit, the account inside its ceiling, and the run inside its budget', async () => {
    const byOperation = new Map<string, number[]>();
    for (const entry of staging.log)
      byOperation.set(entry.operation, [...(byOperation.get(entry.operation) ?? []), entry.at]);
    for (const [key, times] of byOperation) {
      const at = key.lastIndexOf(' ');
      const limit = limitFor({ api: key.slice(0, at), operation: key.slice(at + 1) as Operation, key });
      expect(busiestWindow(times), key).toBeLessThanOrEqual(limit);
    }
    expect(busiestWindow(staging.log.map((entry) => entry.at))).toBeLessThanOrEqual(accountLimitPerSecond);
    const requests = JSON.parse(readFileSync(join(out, 'requests.json'), 'utf8')) as {
      total: number;
      budget: number;
      byApi: Record<string, number>;
      cleanup: { total: number };
    };
    expect(requests.total + requests.cleanup.total).toBe(staging.log.length);
    expect(requests.total).toBeLessThan(requests.budget / 10);
    expect(requests.byApi['flex-api /v1/FlexFlows create']).toBe(
      staging.log.filter((entry) => entry.operation === 'flex-api /v1/FlexFlows create').length,
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `requests: ${requests.total} of a budget of ${defaultMaxRequests} and ${requests.cleanup.total} to clean up in \\d+ s`,
      ),
    );
  });

  test('the report names the twilio target by its masked account, and no output holds the token', async () => {
    const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
    expect(report.target).toMatchObject({
      kind: 'twilio',
      fingerprint: 'AC****************************5ea1',
    });
    const secrets = [stagingAuthToken, basic.slice(6), encodeURIComponent(stagingAuthToken)];
    for (const file of filesUnder(out)) {
      const bytes = readFileSync(file, 'utf8');
      for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret);
  });
});

test.describe('an account where Programmable Chat for Flex reached end of life', () => {
  let staging: SimulatedTwilio;
  let result: CliResult;
  let report: ConformanceReport;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    staging = await startSimulatedTwilio({ endOfLife: true });
    const out = scratchDir('end-of-life');
    result = await runCli(
      [
        'run',
        ...account,
        ...['flex-flow', 'lifecycle', 'wire'].flatMap((area) => ['--grep', area]),
        '--runs',
        '2',
        '--out',
        out,
      ],
      staging.url,
    );
    report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
  });
  test.afterAll(async () => {
    await staging.close();
  });

  test("every Flex Flow rule is skipped, not failed, with the API's answer as the reason", async () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /Programmable Chat for Flex has reached end of life here; its rules are skipped: GET https:\/\/chat\.twilio\.com/,
    );
    const flexFlowRules = report.rules.filter((rule) => rule.area === 'flex-flow' && rule.checks.length > 0);
    expect(flexFlowRules.length).toBeGreaterThan(40);
    for (const rule of flexFlowRules) {
      expect(rule.status, rule.id).toBe('skipped');
      for (const check of rule.checks)
        expect(check.skipReason, rule.id).toMatch(
          /end of life on this account: GET .* answered 410 .*"code":20410/,
        );
    }
    const flexFlowWrites = staging.log.filter(
      (entry) => entry.path.startsWith('/v1/FlexFlows') && entry.method !== 'GET',
    );
    expect(flexFlowWrites).toEqual([]);
  });

  test('wire checks made on the Flex Flow API are skipped with the same answer; the others run', async () => {
    const wireChecks = report.rules.filter((rule) => rule.area === 'wire').flatMap((rule) => rule.checks);
    const onFlexFlows = wireChecks.filter((check) => /suites\/(wire|flex-flow)\//.test(check.file));
    expect(onFlexFlows.length).toBeGreaterThan(10);
    for (const check of onFlexFlows) {
      expect(check.status, check.title).toBe('skipped');
      expect(check.skipReason, check.title).toMatch(
        /goe?s? through the Flex Flow API, which reached end of life on this account: GET .* answered 410 /,
      );
    }
    expect(wireChecks.filter((check) => check.status === 'failed')).toEqual([]);
  });

  test('the end-of-life rule records that the target follows the "retired" reading', async () => {
    const rule = report.rules.find((candidate) => candidate.id === 'EOL-POST-EOL-BEHAVIOUR');
    expect(rule?.status).toBe('passed');
    expect(rule?.observedReadings).toEqual(['retired']);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test.describe('a run that reaches its request budget', () => {
  let staging: SimulatedTwilio;
  let result: CliResult;
  let out: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    staging = await startSimulatedTwilio();
    out = scratchDir('budget');
    result = await runCli(
      [
        'run',
        ...account,
        '--grep',
        'FLEXFLOW-ENABLED-BOOLEAN',
        '--runs',
        '10',
        '--max-requests',
        '8',
        '--out',
        out,
      ],
      staging.url,
    );
  });
  test.afterAll(async () => {
    await staging.close();
  });

  test('the check that would exceed it fails naming the budget; nothing past it is sent but cleanup', async () => {
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
    const check = report.rules.find((rule) => rule.id === 'FLEXFLOW-ENABLED-BOOLEAN')?.checks[0];
    expect(check?.status).toBe('failed');
    expect(check?.error).toMatch(
      /request budget exhausted: 8 requests sent, the run may send 8 \(--max-requests\)/,
    );
    const requests = JSON.parse(readFileSync(join(out, 'requests.json'), 'utf8')) as {
      exhausted: boolean;
      byApi: Record<string, number>;
    };
    expect(requests.exhausted).toBe(true);
    const sentByChecks = Object.entries(requests.byApi).filter(([api]) => !api.endsWith(' delete'));
    expect(sentByChecks.reduce((sum, [, count]) => sum + count, 0)).toBe(8);
    expect(result.stdout).toMatch(/requests: \d+ of a budget of 8 \(BUDGET EXHAUSTED\)/);
  });

  test('what the run created before the budget ran out is still deleted', async () => {
    expect(
      staging.log.filter((entry) => entry.operation === 'flex-api /v1/FlexFlows create').length,
    ).toBeGreaterThan(0);
    expect((await flexFlowsOnAccount(staging)).map((flow) => flow.friendly_name).sort()).toEqual([
      'Flex Messaging Channel',
      'Flex Web Channel',
    ]);
  });
});
