/**
 * Voice on a real account: the simulated staging account serves the Calls API and owns a voice
 * number, so a voice check runs through `--target twilio --voice-number` as it would on Twilio (the
 * number pointed at the check's flow, a call placed to it, the task observed, the call ended) and
 * the number's voice URL is left as it was found, also when the run is interrupted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ConformanceReport } from '../../reports/model';
import { oneWorker } from '../nested-runs';
import { type SimulatedTwilio, stagingAccountSid, startSimulatedTwilio } from './support/simulated-twilio';
import { killGroup, runCli, scratchDir, startCli, stopStrayRuns, until } from './support/staging';

test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.afterAll(stopStrayRuns);

const accountPath = `/2010-04-01/Accounts/${stagingAccountSid}`;
const account = ['--target', 'twilio', '--account', stagingAccountSid];
/** A voice rule whose check reads only the task: it runs on a real account. */
const voiceRule = 'STF-VOICE-DEFAULT-ATTRIBUTES';

let staging: SimulatedTwilio;
test.beforeEach(async () => {
  staging = await startSimulatedTwilio();
});
test.afterEach(async () => {
  await staging.close();
});

async function voiceUrlNow(): Promise<unknown> {
  const numbers = await staging.call('api', 'GET', `${accountPath}/IncomingPhoneNumbers.json`);
  const [number] = numbers.json.incoming_phone_numbers as { voice_url: unknown }[];
  return number?.voice_url;
}

const ruleOf = (out: string, id: string) =>
  (JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport).rules.find(
    (rule) => rule.id === id,
  );

/** `run` of one rule on the simulated account, with its voice number. */
const withVoiceNumber = (rule: string) => [
  'run',
  ...account,
  ...oneWorker,
  '--voice-number',
  staging.flex.voiceNumber,
  '--grep',
  rule,
];

/** The voice rule, through `--voice-number`, on the simulated account. */
const runVoiceRule = (out: string, runs = '2') =>
  startCli([...withVoiceNumber(voiceRule), '--runs', runs, '--out', out], staging.url);

const callsPlaced = () =>
  staging.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/Calls.json'));

test.describe('the Calls API of the simulated account', () => {
  test('a call placed to the voice number reaches the number’s flow, whose Send to Flex widget creates a voice task', async () => {
    const placed = await staging.call('api', 'POST', `${accountPath}/Calls.json`, {
      To: staging.flex.voiceNumber,
      From: staging.flex.voiceNumber,
      Twiml: '<Response><Pause length="60"/></Response>',
    });
    expect(placed.status).toBe(201);
    await staging.mock.app.calls.settled();
    const tasks = await staging.call(
      'taskrouter',
      'GET',
      `/v1/Workspaces/${staging.flex.workspaceSid}/Tasks`,
    );
    expect(
      (tasks.json.tasks as { task_channel_unique_name: string }[]).map((t) => t.task_channel_unique_name),
    ).toEqual(['voice']);
  });

  test('ending the placed call (Status=completed) ends the inbound leg and the execution leaves the widget', async () => {
    const placed = await staging.call('api', 'POST', `${accountPath}/Calls.json`, {
      To: staging.flex.voiceNumber,
      From: staging.flex.voiceNumber,
      Twiml: '<Response><Pause length="60"/></Response>',
    });
    await staging.mock.app.calls.settled();
    await staging.call('api', 'POST', `${accountPath}/Calls/${placed.json.sid}.json`, {
      Status: 'completed',
    });
    const calls = await staging.call('api', 'GET', `${accountPath}/Calls.json`);
    expect(
      (calls.json.calls as { direction: string; status: string }[]).map((c) => [c.direction, c.status]),
    ).toEqual([
      ['inbound', 'completed'],
      ['outbound-api', 'completed'],
    ]);
    const flow = staging.flex.studioFlowSids[0];
    const executions = await staging.call('studio', 'GET', `/v2/Flows/${flow}/Executions`);
    expect((executions.json.executions as { status: string }[]).map((e) => e.status)).toEqual(['ended']);
  });

  test('a call with neither Twiml nor Url is refused with 400 and Twilio’s error body', async () => {
    const refused = await staging.call('api', 'POST', `${accountPath}/Calls.json`, {
      To: staging.flex.voiceNumber,
      From: staging.flex.voiceNumber,
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ code: 20001, status: 400 });
  });
});

test.describe('a voice check on --target twilio', () => {
  test('with --voice-number it passes through a placed call, and the number’s voice URL is restored', async () => {
    const out = scratchDir('voice-run');
    const result = await runVoiceRule(out).done;
    expect(result.code, result.stderr).toBe(0);
    expect(ruleOf(out, voiceRule)?.status).toBe('passed');
    expect(callsPlaced().length).toBeGreaterThan(0);
    expect(await voiceUrlNow()).toBe(staging.flex.voiceUrl);
    const report = readFileSync(join(out, 'conformance.json'), 'utf8');
    expect(report).not.toContain(staging.flex.voiceNumber);
    expect(report).not.toContain(encodeURIComponent(staging.flex.voiceNumber));
  });

  test('it can fail there: on an account whose Studio leaves the attributes unrendered, the voice rule fails', async () => {
    await staging.close();
    staging = await startSimulatedTwilio({}, ['liquid-not-rendered']);
    const out = scratchDir('voice-run-fault');
    const result = await runVoiceRule(out).done;
    expect(result.code).toBe(1);
    expect(ruleOf(out, voiceRule)?.status).toBe('failed');
    expect(await voiceUrlNow()).toBe(staging.flex.voiceUrl);
  });

  test('without --voice-number it is skipped naming --voice-number, and no call is placed', async () => {
    const out = scratchDir('voice-run-none');
    const result = await runCli(
      ['run', ...account, ...oneWorker, '--grep', voiceRule, '--out', out],
      staging.url,
    );
    expect(result.code, result.stderr).toBe(0);
    const rule = ruleOf(out, voiceRule);
    expect(rule?.status).toBe('skipped');
    expect(rule?.checks.every((check) => check.skipReason?.includes('--voice-number'))).toBe(true);
    expect(callsPlaced()).toEqual([]);
  });

  test('interrupted (SIGINT) while calling, the run still leaves the number’s voice URL as it found it', async () => {
    const run = runVoiceRule(scratchDir('voice-sigint'), '50');
    await until(() => callsPlaced().length > 0, 120_000, 'the first call');
    killGroup(run.child, 'SIGINT');
    await run.done;
    expect(await voiceUrlNow()).toBe(staging.flex.voiceUrl);
  });
});

test.describe('a check declared for every trigger, on --target twilio', () => {
  /** Checked through an incoming call, message and conversation (testEveryTrigger). */
  const everyTriggerRule = 'STF-TIMEOUT-DEFAULT';
  const callCheck = (out: string) =>
    ruleOf(out, everyTriggerRule)?.checks.find((check) => check.title.includes('through an incoming call'));

  test('with --voice-number its incoming-call check passes through a placed call', async () => {
    const out = scratchDir('every-trigger-voice');
    const result = await runCli(
      [...withVoiceNumber(everyTriggerRule), '--runs', '2', '--out', out],
      staging.url,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(callCheck(out)?.status).toBe('passed');
    expect(callsPlaced().length).toBeGreaterThan(0);
    expect(await voiceUrlNow()).toBe(staging.flex.voiceUrl);
  });

  test('without --voice-number its incoming-call check is skipped naming --voice-number', async () => {
    const out = scratchDir('every-trigger-none');
    const result = await runCli(
      ['run', ...account, ...oneWorker, '--grep', everyTriggerRule, '--out', out],
      staging.url,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(callCheck(out)?.status).toBe('skipped');
    expect(callCheck(out)?.skipReason).toContain('--voice-number');
    expect(callsPlaced()).toEqual([]);
  });
});

test.describe('STF-CALL-ENQUEUED on --target twilio, where the <Enqueue> TwiML stays with the voice platform', () => {
  const enqueueRule = 'STF-CALL-ENQUEUED';
  const runEnqueueRule = (out: string) =>
    runCli([...withVoiceNumber(enqueueRule), '--runs', '5', '--seed', '1', '--out', out], staging.url);

  test('with --voice-number every check of it runs, reads the call’s task and passes', async () => {
    const out = scratchDir('enqueue-run');
    const result = await runEnqueueRule(out);
    expect(result.code, result.stderr).toBe(0);
    const rule = ruleOf(out, enqueueRule);
    expect(rule?.status).toBe('passed');
    expect(rule?.checks.map((check) => check.status)).toEqual(['passed', 'passed']);
    expect(callsPlaced().length).toBeGreaterThan(0);
    expect(await voiceUrlNow()).toBe(staging.flex.voiceUrl);
  });

  test('it can fail there: on an account whose Studio never sends the widget’s priority to TaskRouter, it fails', async () => {
    await staging.close();
    staging = await startSimulatedTwilio({}, ['stf-priority-ignored']);
    const out = scratchDir('enqueue-run-fault');
    const result = await runEnqueueRule(out);
    expect(result.code).toBe(1);
    expect(ruleOf(out, enqueueRule)?.status).toBe('failed');
    expect(await voiceUrlNow()).toBe(staging.flex.voiceUrl);
  });
});
