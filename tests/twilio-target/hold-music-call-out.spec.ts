/**
 * Hold music on a real account: the voice platform requests the widget's Hold music URL while the
 * call waits, so with `--voice-number` and `--public-url` the hold music rules run on the simulated
 * staging account (whose platform reaches the suite only through the public URL), fail there when
 * its Studio gets the URL or the method wrong, and are skipped naming `--public-url` without one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { expect, test } from '@playwright/test';
import { flowDefinition, sendToFlexWidget } from '../../generators/studio';
import type { FaultName } from '../../mock/faults';
import type { ConformanceReport } from '../../reports/model';
import { callerTwiml } from '../../suites/drivers/calling-voice-platform';
import { oneWorker } from '../nested-runs';
import {
  stagingAccountSid,
  stagingPublicUrl,
  stagingVoiceNumber,
  startSimulatedTwilio,
  type Tunnel,
} from './support/simulated-twilio';
import { type CliResult, freePort, runCli, scratchDir, stopStrayRuns, tunnelArgs } from './support/staging';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(stopStrayRuns);

const account = ['--target', 'twilio', '--account', stagingAccountSid];
const holdMusicRules = ['STF-CALL-HOLD-MUSIC-URL', 'STF-HOLD-MUSIC-METHOD'] as const;
const grep = holdMusicRules.flatMap((rule) => ['--grep', rule]);

interface HoldMusicRun {
  readonly result: CliResult;
  readonly report: ConformanceReport;
  /** Every request body the account received, decoded. */
  readonly sent: string;
}

const readReport = (out: string) =>
  JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;

/** The hold music rules on the simulated account with its voice number, with or without the tunnel. */
async function runHoldMusic(
  name: string,
  { tunnel, faults = [], record }: { tunnel?: Tunnel; faults?: readonly FaultName[]; record?: string },
): Promise<HoldMusicRun> {
  const staging = await startSimulatedTwilio(tunnel ? { tunnel } : {}, faults);
  const out = scratchDir(name);
  try {
    const voiceNumber = ['--voice-number', staging.flex.voiceNumber];
    const optional = [...(tunnel ? tunnelArgs(tunnel) : []), ...(record ? ['--record', record] : [])];
    const result = await runCli(
      ['run', ...account, ...oneWorker, ...voiceNumber, ...grep, '--runs', '10', ...optional, '--out', out],
      staging.url,
    );
    const report = readReport(out);
    const sent = staging.log.map((entry) => decodeURIComponent(entry.body)).join('\n');
    return { result, report, sent };
  } finally {
    await staging.close();
  }
}

const ruleOf = (run: HoldMusicRun, id: string) => run.report.rules.find((rule) => rule.id === id);
const tunnel = async (): Promise<Tunnel> => ({ publicUrl: stagingPublicUrl, stubPort: await freePort() });

test.describe('the simulated account’s voice platform', () => {
  interface Heard {
    readonly method: string;
    readonly url: string;
    readonly body: string;
  }

  /** A call placed to the voice number, whose flow enqueues it with this hold music; what the tunnel end heard. */
  async function callWithHoldMusic(waitUrl: string, waitUrlMethod: string): Promise<Heard[]> {
    const heard: Heard[] = [];
    const local = createServer(async (request: IncomingMessage, response) => {
      heard.push({ method: request.method ?? '', url: request.url ?? '', body: await text(request) });
      response
        .writeHead(200, { 'content-type': 'text/xml' })
        .end('<Response><Pause length="20"/></Response>');
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const port = (local.address() as AddressInfo).port;
    const staging = await startSimulatedTwilio({ tunnel: { publicUrl: stagingPublicUrl, stubPort: port } });
    try {
      const accountPath = `/2010-04-01/Accounts/${stagingAccountSid}`;
      const widget = sendToFlexWidget('SendToFlex', {
        workflow: staging.flex.workflowSid,
        channel: 'voice',
        waitUrl: waitUrl.replace('{port}', String(port)),
        waitUrlMethod,
      });
      const flow = await staging.call('studio', 'POST', '/v2/Flows', {
        FriendlyName: 'hold music',
        Status: 'published',
        Definition: JSON.stringify(flowDefinition('incomingCall', [widget])),
      });
      const numbers = await staging.call('api', 'GET', `${accountPath}/IncomingPhoneNumbers.json`);
      const [number] = numbers.json.incoming_phone_numbers as { sid: string }[];
      await staging.call('api', 'POST', `${accountPath}/IncomingPhoneNumbers/${number?.sid}.json`, {
        VoiceUrl: String(flow.json.webhook_url),
      });
      const { voiceNumber } = staging.flex;
      const call = { To: voiceNumber, From: voiceNumber, Twiml: callerTwiml };
      const placed = await staging.call('api', 'POST', `${accountPath}/Calls.json`, call);
      expect(placed.status).toBe(201);
      await staging.mock.app.calls.settled();
      for (let tries = 0; tries < 20 && heard.length === 0; tries++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      return heard;
    } finally {
      await staging.close();
      local.close();
    }
  }

  test('requests the hold music at the public URL with the Enqueue’s method, the TwiML’s entities decoded', async () => {
    const heard = await callWithHoldMusic(`${stagingPublicUrl}/hold/é.xml?a=1&b=<2>`, 'GET');
    expect(heard.map(({ method, url }) => [method, url.split('&AccountSid=')[0]])).toEqual([
      ['GET', '/hold/%C3%A9.xml?a=1&b=%3C2%3E'],
    ]);
    expect(new URLSearchParams(heard[0]?.url.split('?')[1]).get('CallStatus')).toBe('in-progress');
  });

  test('posts the call’s parameters to a hold music URL with method POST', async () => {
    const heard = await callWithHoldMusic(`${stagingPublicUrl}/hold.xml`, 'POST');
    expect(heard.map(({ method, url }) => [method, url])).toEqual([['POST', '/hold.xml']]);
    expect(new URLSearchParams(heard[0]?.body).get('To')).toBe(stagingVoiceNumber);
  });

  test('never reaches a hold music URL on this machine’s loopback address', async () => {
    const heard = await callWithHoldMusic('http://127.0.0.1:{port}/hold.xml', 'GET');
    expect(heard).toEqual([]);
  });
});

test.describe('hold music rules on --target twilio', () => {
  test('with --voice-number and --public-url they pass: the account requested the hold music through the public URL', async () => {
    const run = await runHoldMusic('hold-music', { tunnel: await tunnel() });
    expect(run.result.code, run.result.stdout + run.result.stderr).toBe(0);
    for (const id of holdMusicRules) {
      const rule = ruleOf(run, id);
      expect(rule?.status, id).toBe('passed');
      const passed = rule?.checks.filter((check) => check.status === 'passed') ?? [];
      expect(
        passed.map((check) => check.file),
        `${id}: checked through the hold music request`,
      ).toContainEqual(expect.stringContaining('hold-music-call-out.spec.ts'));
    }
    expect(run.sent).toContain(`${stagingPublicUrl}/`);
    expect(run.sent).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  for (const [fault, rule, failure] of [
    ['stf-wait-url-unrendered', 'STF-CALL-HOLD-MUSIC-URL', 'the Liquid in the hold music URL, rendered'],
    ['stf-wait-method-not-saved', 'STF-HOLD-MUSIC-METHOD', 'the method of the hold music request'],
  ] as const) {
    test(`on an account with ${fault}, ${rule} fails: the hold music request shows it`, async () => {
      const run = await runHoldMusic(`hold-music-${fault}`, { tunnel: await tunnel(), faults: [fault] });
      expect(run.result.code, run.result.stdout + run.result.stderr).toBe(1);
      expect(ruleOf(run, rule)?.status).toBe('failed');
      const failed = ruleOf(run, rule)?.checks.filter((check) => check.status === 'failed') ?? [];
      expect(failed.map((check) => [check.file, check.error?.includes(failure)])).toEqual([
        [expect.stringContaining('hold-music-call-out.spec.ts'), true],
      ]);
    });
  }

  test('recorded with --record, the replay gives the same verdicts without any account', async () => {
    const cassettes = scratchDir('hold-music-cassettes');
    const recorded = await runHoldMusic('hold-music-recorded', { tunnel: await tunnel(), record: cassettes });
    expect(recorded.result.code, recorded.result.stdout + recorded.result.stderr).toBe(0);
    const recording = readdirSync(cassettes, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    for (const secret of [stagingVoiceNumber, encodeURIComponent(stagingVoiceNumber), stagingPublicUrl])
      expect(recording.includes(secret), `${secret} in the cassettes`).toBe(false);
    const out = scratchDir('hold-music-replayed');
    const replayed = await runCli(['run', '--target', `replay:${cassettes}`, '--out', out], undefined, {
      TWILIO_ACCOUNT_SID: '',
      TWILIO_AUTH_TOKEN: '',
    });
    expect(replayed.code, replayed.stdout + replayed.stderr).toBe(0);
    const verdicts = (report: ConformanceReport) =>
      holdMusicRules.map((id) => report.rules.find((rule) => rule.id === id)?.status);
    expect(verdicts(recorded.report)).toEqual(['passed', 'passed']);
    expect(verdicts(readReport(out))).toEqual(verdicts(recorded.report));
  });

  test('without --public-url they are skipped, every check naming --public-url', async () => {
    const run = await runHoldMusic('hold-music-none', {});
    expect(run.result.code, run.result.stdout + run.result.stderr).toBe(0);
    for (const id of holdMusicRules) {
      const rule = ruleOf(run, id);
      expect(rule?.status, id).toBe('skipped');
      for (const check of rule?.checks ?? []) expect(check.skipReason, id).toContain('--public-url');
    }
  });
});
