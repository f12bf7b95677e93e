/**
 * `--public-url` and `--stub-port`: a real account reaches the suite's stubs only through a tunnel.
 * The simulated staging account is as strict as Twilio's cloud: its call-outs never reach loopback,
 * and reach the suite only through the public URL it was told the tunnel has.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { flowDefinition, httpRequestWidget } from '../../generators/studio';
import type { ConformanceReport } from '../../reports/model';
import { oneWorker } from '../nested-runs';
import {
  type SimulatedTwilio,
  stagingAccountSid,
  stagingPublicUrl,
  startSimulatedTwilio,
  type Tunnel,
} from './support/simulated-twilio';
import { type CliResult, freePort, runCli, scratchDir, stopStrayRuns, tunnelArgs } from './support/staging';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(stopStrayRuns);

const account = ['--target', 'twilio', '--account', stagingAccountSid];
/** One rule per kind of call-out: a widget's request, a Flex Flow's external webhook, a Conversations webhook. */
const callOutRules = [
  'TRANS-TASK-CREATED-MESSAGE',
  'MSG-EXTERNAL-WEBHOOK-POST',
  'CONV-ONMESSAGEADDED-WEBHOOK',
];
const grep = callOutRules.flatMap((rule) => ['--grep', rule]);

function readReport(out: string): ConformanceReport {
  return JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
}

const statusOf = (report: ConformanceReport, id: string) =>
  report.rules.find((rule) => rule.id === id)?.status;

test.describe('refusing bad tunnel flags', () => {
  const refusals: ReadonlyArray<[string, string[], RegExp]> = [
    ['an http URL', ['--public-url', 'http://abc.example.net'], /--public-url must use https/],
    ['a loopback URL', ['--public-url', 'https://127.0.0.1:8443'], /not a loopback or private address/],
    ['a private-network URL', ['--public-url', 'https://192.168.1.20'], /not a loopback or private address/],
    ['localhost', ['--public-url', 'https://localhost'], /not a loopback or private address/],
    ['a URL with a query', ['--public-url', 'https://abc.example.net/?k=1'], /no query/],
    ['text that is no URL', ['--public-url', 'tunnel'], /--public-url must be an https URL/],
    ['--stub-port without --public-url', ['--stub-port', '9000'], /give --public-url too/],
    [
      'a port out of range',
      ['--public-url', 'https://abc.example.net', '--stub-port', '70000'],
      /--stub-port/,
    ],
  ];
  for (const [what, flags, message] of refusals) {
    test(`${what} exits 2 with one line, before any request`, async () => {
      const staging = await startSimulatedTwilio();
      const result = await runCli(['run', ...account, ...flags, '--out', scratchDir('refused')], staging.url);
      await staging.close();
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(staging.log).toEqual([]);
    });
  }

  test('--public-url on the embedded mock exits 2: the mock calls the suite on loopback', async () => {
    const result = await runCli(
      ['run', '--public-url', 'https://abc.example.net', '--out', scratchDir('refused')],
      undefined,
    );
    expect([result.code, result.stderr.trim()]).toEqual([
      2,
      'flex-conformance: --public-url applies to --target twilio (other targets call the suite on loopback)',
    ]);
  });

  test('a --stub-port already in use exits 2 naming the port', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const staging = await startSimulatedTwilio();
    const result = await runCli(
      [
        'run',
        ...account,
        ...tunnelArgs({ publicUrl: stagingPublicUrl, stubPort: port }),
        '--out',
        scratchDir('busy'),
      ],
      staging.url,
    );
    await staging.close();
    busy.close();
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(new RegExp(`^flex-conformance: --stub-port ${port}: cannot listen`));
  });
});

test.describe('the simulated account calls out as a cloud platform does', () => {
  let staging: SimulatedTwilio;
  let local: Server;
  let hits = 0;

  test.beforeAll(async () => {
    local = createServer((_request, response) => {
      hits++;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    staging = await startSimulatedTwilio({
      tunnel: { publicUrl: stagingPublicUrl, stubPort: (local.address() as AddressInfo).port },
    });
  });
  test.afterAll(async () => {
    await staging.close();
    local.close();
  });

  async function runWidgetTo(url: string) {
    const flow = await staging.call('studio', 'POST', '/v2/Flows', {
      FriendlyName: 'call-out',
      Status: 'published',
      Definition: JSON.stringify(flowDefinition('incomingRequest', [httpRequestWidget('lookup', url, {})])),
    });
    const execution = await staging.call('studio', 'POST', `/v2/Flows/${flow.json.sid}/Executions`, {
      To: '+15005550006',
      From: '+15005550001',
    });
    const path = `/v2/Flows/${flow.json.sid}/Executions/${execution.json.sid}/Steps`;
    for (let tries = 0; tries < 100; tries++) {
      const steps = (await staging.call('studio', 'GET', path)).json.steps as { name: string }[];
      if (steps.length > 1) return steps.map((step) => step.name);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the widget took no transition');
  }

  test('a widget request to a loopback URL never reaches this machine: the widget fails', async () => {
    hits = 0;
    const steps = await runWidgetTo(`http://127.0.0.1:${(local.address() as AddressInfo).port}/lookup`);
    expect([hits, steps]).toEqual([0, ['incomingRequest', 'failed']]);
  });

  test('a widget request to the public URL lands on the tunnel end', async () => {
    hits = 0;
    const steps = await runWidgetTo(`${stagingPublicUrl}/lookup`);
    expect([hits, steps]).toEqual([1, ['incomingRequest', 'success']]);
  });
});

test.describe('checks the account calls back', () => {
  let withTunnel: CliResult;
  let withTunnelOut: string;
  let loggedBodies: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const tunnel: Tunnel = { publicUrl: stagingPublicUrl, stubPort: await freePort() };
    const staging = await startSimulatedTwilio({ tunnel });
    withTunnelOut = scratchDir('public-url');
    withTunnel = await runCli(
      [
        'run',
        ...account,
        ...oneWorker,
        ...grep,
        '--runs',
        '2',
        ...tunnelArgs(tunnel),
        '--out',
        withTunnelOut,
      ],
      staging.url,
    );
    loggedBodies = staging.log.map((entry) => decodeURIComponent(entry.body)).join('\n');
    await staging.close();
  });

  test('run with --public-url, and pass', () => {
    expect(withTunnel.code, withTunnel.stdout + withTunnel.stderr).toBe(0);
    const report = readReport(withTunnelOut);
    expect(callOutRules.map((id) => statusOf(report, id))).toEqual(callOutRules.map(() => 'passed'));
  });

  test('hand the account the public URL, never a loopback one', () => {
    expect(loggedBodies).toContain(`${stagingPublicUrl}/`);
    expect(loggedBodies).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  test('fail when the tunnel leads elsewhere: the checks depend on the call-out arriving', async () => {
    const staging = await startSimulatedTwilio({
      tunnel: { publicUrl: 'https://another-tunnel.example.net', stubPort: await freePort() },
    });
    const out = scratchDir('public-url-elsewhere');
    const result = await runCli(
      [
        'run',
        ...account,
        ...oneWorker,
        ...grep,
        '--runs',
        '1',
        ...tunnelArgs({ publicUrl: stagingPublicUrl, stubPort: await freePort() }),
        '--out',
        out,
      ],
      staging.url,
    );
    await staging.close();
    expect(result.code).toBe(1);
    const report = readReport(out);
    expect(callOutRules.map((id) => statusOf(report, id))).toEqual(callOutRules.map(() => 'failed'));
  });

  test('are skipped without --public-url, each skip naming it', async () => {
    const staging = await startSimulatedTwilio();
    const out = scratchDir('public-url-none');
    const result = await runCli(
      ['run', ...account, ...oneWorker, ...grep, '--runs', '1', '--out', out],
      staging.url,
    );
    await staging.close();
    expect(result.stdout).toContain(
      'no --public-url: checks the account calls back (widget requests, webhooks) are skipped',
    );
    const report = readReport(out);
    for (const id of callOutRules) {
      const rule = report.rules.find((each) => each.id === id);
      expect(rule?.status, id).toBe('skipped');
      for (const check of rule?.checks ?? []) expect(check.skipReason, id).toContain('--public-url');
    }
  });
});
