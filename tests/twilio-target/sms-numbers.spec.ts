/**
 * Inbound SMS on a real account: the simulated staging account serves the Messages API and owns two
 * SMS numbers, so the inbound SMS checks run through `--target twilio --sms-numbers` as they would on
 * Twilio (both numbers pointed at the Flex Proxy Service, an SMS sent from one to the other, the task
 * and Proxy session observed) and the numbers' SMS URLs are left as they were found.
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { forwardedHostHeader } from '../../contracts/domains';
import type { ConformanceReport } from '../../reports/model';
import { placeholderSmsNumbers, Scrubber } from '../../targets/http/redaction';
import { oneWorker } from '../nested-runs';
import { responseViolations } from '../openapi/support/response-schemas';
import {
  type SimulatedTwilio,
  stagingAccountSid,
  stagingAuthToken,
  stagingSmsNumbers,
  startSimulatedTwilio,
} from './support/simulated-twilio';
import {
  killGroup,
  runCli,
  scratchDir,
  stagingCredentials,
  startCli,
  stopStrayRuns,
  until,
} from './support/staging';

test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.afterAll(stopStrayRuns);

const accountPath = `/2010-04-01/Accounts/${stagingAccountSid}`;
const account = ['--target', 'twilio', '--account', stagingAccountSid];
const smsRules = ['MSG-CONTACT-IDENTITY-ROUTES', 'MSG-JANITOR-REMOVES-PROXY-SESSION'];
const [sender, addressed] = stagingSmsNumbers as [string, string];

let staging: SimulatedTwilio;
test.beforeEach(async () => {
  staging = await startSimulatedTwilio();
});
test.afterEach(async () => {
  await staging.close();
});

/** Each SMS number's SMS URL now. */
async function smsUrlsNow(): Promise<unknown[]> {
  const listed = await staging.call('api', 'GET', `${accountPath}/IncomingPhoneNumbers.json`);
  const numbers = listed.json.incoming_phone_numbers as { phone_number: string; sms_url: unknown }[];
  return stagingSmsNumbers.map((number) => numbers.find((n) => n.phone_number === number)?.sms_url);
}

async function pointSmsUrl(phoneNumber: string, smsUrl: string): Promise<void> {
  const listed = await staging.call('api', 'GET', `${accountPath}/IncomingPhoneNumbers.json`);
  const number = (listed.json.incoming_phone_numbers as { sid: string; phone_number: string }[]).find(
    (n) => n.phone_number === phoneNumber,
  );
  const updated = await staging.call(
    'api',
    'POST',
    `${accountPath}/IncomingPhoneNumbers/${number?.sid}.json`,
    {
      SmsUrl: smsUrl,
    },
  );
  expect(updated.status).toBe(200);
}

const ruleOf = (out: string, id: string) =>
  (JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport).rules.find(
    (rule) => rule.id === id,
  );

const runSmsRules = (out: string, extra: readonly string[] = []) =>
  runCli(
    [
      'run',
      ...account,
      ...oneWorker,
      ...extra,
      ...smsRules.flatMap((rule) => ['--grep', rule]),
      '--out',
      out,
    ],
    staging.url,
  );

const messagesSent = () =>
  staging.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/Messages.json'));

test.describe('the Messages API of the simulated account', () => {
  test('an SMS between two numbers of the account reaches the To number’s SMS URL: the Flex Flow of that number creates a task', async () => {
    const services = await staging.call('proxy', 'GET', '/v1/Services');
    const service = (services.json.services as { sid: string }[])[0]?.sid;
    await pointSmsUrl(
      addressed,
      `https://webhooks.twilio.com/v1/Accounts/${stagingAccountSid}/Proxy/${service}/Webhooks/Message`,
    );
    const flexFlow = await staging.call('flex-api', 'POST', '/v1/FlexFlows', {
      FriendlyName: 'SMS to the addressed number',
      ChatServiceSid: staging.flex.chatServiceSid,
      ChannelType: 'sms',
      IntegrationType: 'studio',
      'Integration.FlowSid': String(staging.flex.studioFlowSids[1]),
      ContactIdentity: addressed,
      Enabled: 'true',
    });
    expect(flexFlow.status).toBe(201);
    const sent = await staging.call('api', 'POST', `${accountPath}/Messages.json`, {
      From: sender,
      To: addressed,
      Body: 'Hello',
    });
    expect(sent.status).toBe(201);
    await staging.mock.app.messages.settled();
    const tasks = await staging.call(
      'taskrouter',
      'GET',
      `/v1/Workspaces/${staging.flex.workspaceSid}/Tasks`,
    );
    expect((tasks.json.tasks as unknown[]).length).toBe(1);
    const received = await staging.call(
      'api',
      'GET',
      `${accountPath}/Messages.json?To=${encodeURIComponent(addressed)}`,
    );
    expect(
      (received.json.messages as { direction: string; status: string }[]).map((m) => [m.direction, m.status]),
    ).toEqual([
      ['inbound', 'received'],
      ['outbound-api', 'delivered'],
    ]);
  });

  test('a message answers 201 in the shape of Twilio’s api.v2010.account.message', async () => {
    const sent = await staging.call('api', 'POST', `${accountPath}/Messages.json`, {
      From: sender,
      To: addressed,
      Body: 'Hello',
    });
    const violations = responseViolations({
      domain: 'api',
      method: 'POST',
      path: `${accountPath}/Messages.json`,
      status: sent.status,
      body: JSON.stringify(sent.json),
    });
    expect(violations).toEqual([]);
    expect(sent.json).toMatchObject({
      from: sender,
      to: addressed,
      direction: 'outbound-api',
      status: 'queued',
    });
  });

  for (const [what, form, code] of [
    ['an invalid To', { From: sender, To: 'not-a-number', Body: 'Hello' }, 21211],
    [
      'a From that is not a number of the account',
      { From: '+14155550100', To: addressed, Body: 'Hello' },
      21606,
    ],
    ['no Body', { From: sender, To: addressed }, 21602],
  ] as const) {
    test(`a message with ${what} is refused with 400 and code ${code}`, async () => {
      const refused = await staging.call('api', 'POST', `${accountPath}/Messages.json`, { ...form });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({
        code,
        status: 400,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
      });
    });
  }

  test('a message sent with wrong credentials is refused with 401 and code 20003', async () => {
    const refused = await fetch(`${staging.url}${accountPath}/Messages.json`, {
      method: 'POST',
      headers: {
        [forwardedHostHeader]: 'api.twilio.com',
        authorization: `Basic ${Buffer.from(`${stagingAccountSid}:wrong-${stagingAuthToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ From: sender, To: addressed, Body: 'Hello' }).toString(),
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 20003, status: 401 });
  });

  test('an SMS URL on loopback is never requested: the account is in the cloud', async () => {
    let requested = 0;
    const local = createServer((_request, response) => {
      requested += 1;
      response.end('<Response/>');
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    try {
      await pointSmsUrl(addressed, `http://127.0.0.1:${(local.address() as AddressInfo).port}/sms`);
      const sent = await staging.call('api', 'POST', `${accountPath}/Messages.json`, {
        From: sender,
        To: addressed,
        Body: 'Hello',
      });
      await staging.mock.app.messages.settled();
      expect(requested).toBe(0);
      const fetched = await staging.call('api', 'GET', `${accountPath}/Messages/${sent.json.sid}.json`);
      expect(fetched.json.status).toBe('undelivered');
    } finally {
      await new Promise<void>((resolve) => local.close(() => resolve()));
    }
  });
});

test.describe('the inbound SMS checks on --target twilio', () => {
  test('with --sms-numbers they pass through SMS sent between the numbers, whose SMS URLs are restored', async () => {
    const out = scratchDir('sms-run');
    const result = await runSmsRules(out, ['--sms-numbers', stagingSmsNumbers.join(',')]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(smsRules.map((id) => ruleOf(out, id)?.status)).toEqual(['passed', 'passed']);
    expect(messagesSent().length).toBe(3);
    expect(await smsUrlsNow()).toEqual([staging.flex.smsUrl, staging.flex.smsUrl]);
    const report = readFileSync(join(out, 'conformance.json'), 'utf8');
    for (const number of stagingSmsNumbers) {
      expect(report).not.toContain(number);
      expect(report).not.toContain(encodeURIComponent(number));
    }
  });

  test('they can fail there: on an account that routes an SMS to any Flex Flow and keeps Proxy sessions, both fail, and the SMS URLs are still restored', async () => {
    await staging.close();
    staging = await startSimulatedTwilio({}, ['sms-any-flex-flow-handles', 'janitor-keeps-proxy-sessions']);
    const out = scratchDir('sms-run-fault');
    const result = await runSmsRules(out, ['--sms-numbers', stagingSmsNumbers.join(',')]);
    expect(result.code).toBe(1);
    expect(smsRules.map((id) => ruleOf(out, id)?.status)).toEqual(['failed', 'failed']);
    expect(await smsUrlsNow()).toEqual([staging.flex.smsUrl, staging.flex.smsUrl]);
  });

  test('interrupted (SIGINT) after an SMS was sent, the run still leaves the numbers’ SMS URLs as it found them', async () => {
    const run = startCli(
      [
        'run',
        ...account,
        ...oneWorker,
        '--sms-numbers',
        stagingSmsNumbers.join(','),
        ...smsRules.flatMap((rule) => ['--grep', rule]),
        '--out',
        scratchDir('sms-sigint'),
      ],
      staging.url,
    );
    await until(() => messagesSent().length > 0, 120_000, 'the first SMS');
    killGroup(run.child, 'SIGINT');
    await run.done;
    expect(await smsUrlsNow()).toEqual([staging.flex.smsUrl, staging.flex.smsUrl]);
  });

  test('without --sms-numbers they are skipped naming --sms-numbers, and no SMS is sent', async () => {
    const out = scratchDir('sms-run-none');
    const result = await runSmsRules(out);
    expect(result.code, result.stderr).toBe(0);
    for (const id of smsRules) {
      const rule = ruleOf(out, id);
      expect(rule?.status).toBe('skipped');
      expect(rule?.checks.every((check) => check.skipReason?.includes('--sms-numbers'))).toBe(true);
    }
    expect(messagesSent()).toEqual([]);
  });
});

test.describe('--sms-numbers is checked before anything runs', () => {
  for (const [what, args, message] of [
    ['one number', [...account, '--sms-numbers', sender], /two E\.164 numbers separated by a comma/],
    [
      'three numbers',
      [...account, '--sms-numbers', `${sender},${addressed},+14155550100`],
      /two E\.164 numbers/,
    ],
    ['a number not in E.164', [...account, '--sms-numbers', `${sender},4155550198`], /two E\.164 numbers/],
    ['the same number twice', [...account, '--sms-numbers', `${sender},${sender}`], /two different numbers/],
    [
      'another target',
      ['--target', 'mock', '--sms-numbers', `${sender},${addressed}`],
      /applies to --target twilio/,
    ],
  ] as const) {
    test(`${what}: one line, exit 2`, async () => {
      const result = await runCli(['run', ...args], undefined);
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }
});

test('cassettes show the numbers as their placeholders, raw and form-encoded, and replay gives them back', () => {
  const recording = new Scrubber({ credentials: stagingCredentials, smsNumbers: stagingSmsNumbers });
  const body = `From=${encodeURIComponent(sender)}&To=${encodeURIComponent(addressed)} {"from":"${sender}","to":"${addressed}"}`;
  const scrubbed = recording.scrub(body);
  for (const number of stagingSmsNumbers) expect(scrubbed).not.toContain(number);
  expect(scrubbed).toBe(
    `From=${encodeURIComponent(placeholderSmsNumbers[0]!)}&To=${encodeURIComponent(placeholderSmsNumbers[1]!)} {"from":"${placeholderSmsNumbers[0]}","to":"${placeholderSmsNumbers[1]}"}`,
  );
  const replaying = new Scrubber({ credentials: stagingCredentials, smsNumbers: stagingSmsNumbers });
  expect(replaying.restore(scrubbed)).toBe(body);
});
