/**
 * `--record DIR` on a (simulated) staging account, then `--target replay:DIR` with the network
 * locked down: the replay gives the same report, twice over, without reaching any host; the
 * cassettes hold no credential, account SID or phone number; a request the cassette does not hold
 * fails naming it.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import nock from 'nock';
import type { ConformanceReport } from '../../reports/model';
import {
  type CassetteMeta,
  publishedStubPlaceholder,
  type TestCassette,
} from '../../targets/cassette/format';
import {
  placeholderAccountSid,
  placeholderSmsNumbers,
  placeholderVoiceNumber,
} from '../../targets/http/redaction';
import {
  type SimulatedTwilio,
  stagingAccountSid,
  stagingAuthToken,
  stagingPublicUrl,
  stagingSmsNumbers,
  stagingVoiceNumber,
  startSimulatedTwilio,
  type Tunnel,
} from '../twilio-target/support/simulated-twilio';
import {
  type CliResult,
  freePort,
  runCli,
  scratchDir,
  stopStrayRuns,
  tunnelArgs,
} from '../twilio-target/support/staging';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(stopStrayRuns);

// The simulated account's own voice number: the voice check calls it.
const voiceNumber = stagingVoiceNumber;
// The Pact provider checks among them: the verifier's requests are recorded through targets/http/relay.ts.
const rules = [
  'FLEXFLOW-FETCH-UNKNOWN-404',
  'FLEXFLOW-DELETE-RETURNS-204',
  'FLEXFLOW-CREATE-ECHOES-PARAMS',
  'FLEXFLOW-UPDATE-PARTIAL',
  'FLEXFLOW-LIST-CONTAINS-CREATED',
  'FLEXFLOW-DELETE-THEN-404',
  'WIRE-AUTH-WRONG-CREDENTIALS-401',
  'WIRE-FORM-ENCODED-REQUESTS',
  'EOL-POST-EOL-BEHAVIOUR',
  // A call placed with the Calls API to --voice-number, the number repointed and restored.
  'STF-VOICE-DEFAULT-ATTRIBUTES',
  // An SMS sent with the Messages API between --sms-numbers, both repointed and restored.
  'MSG-CONTACT-IDENTITY-ROUTES',
  'MSG-JANITOR-REMOVES-PROXY-SESSION',
  // Call-outs through --public-url: a widget's request, the external Flex Flow webhook, a Conversations webhook.
  'TRANS-TASK-CREATED-MESSAGE',
  'MSG-EXTERNAL-WEBHOOK-POST',
  'CONV-ONMESSAGEADDED-WEBHOOK',
];
const callOutRules = rules.slice(-3);
const smsRules = ['MSG-CONTACT-IDENTITY-ROUTES', 'MSG-JANITOR-REMOVES-PROXY-SESSION'];

let staging: SimulatedTwilio;
let tunnel: Tunnel;
let cassettes: string;
let recorded: CliResult;
let recordedReport: ConformanceReport;

const readReport = (out: string) =>
  JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
const cassetteFiles = (dir: string) =>
  readdirSync(join(dir, 'tests')).map((name) => join(dir, 'tests', name));

/** What must be the same in two runs of the same checks: every rule's status, and every check's status and request count. */
const outcome = (report: ConformanceReport) =>
  report.rules.map((rule) => ({
    rule: rule.id,
    status: rule.status,
    readings: rule.observedReadings,
    checks: rule.checks.map((check) => ({
      title: check.title,
      status: check.status,
      requests: check.exchanges?.total,
    })),
  }));

test.beforeAll(async () => {
  test.setTimeout(300_000);
  tunnel = { publicUrl: stagingPublicUrl, stubPort: await freePort() };
  staging = await startSimulatedTwilio({ tunnel });
  cassettes = scratchDir('cassettes');
  const out = scratchDir('recorded');
  recorded = await runCli(
    [
      'run',
      '--target',
      'twilio',
      '--account',
      stagingAccountSid,
      '--record',
      cassettes,
      '--voice-number',
      voiceNumber,
      '--sms-numbers',
      stagingSmsNumbers.join(','),
      ...tunnelArgs(tunnel),
      ...rules.flatMap((rule) => ['--grep', rule]),
      '--runs',
      '4',
      '--out',
      out,
    ],
    staging.url,
  );
  recordedReport = readReport(out);
});

test.afterAll(async () => {
  await staging.close();
});

test('the recording run passes and writes one cassette per check with the seed, run id and runs to replay it', () => {
  expect(recorded.code, recorded.stdout + recorded.stderr).toBe(0);
  expect(callOutRules.map((id) => recordedReport.rules.find((rule) => rule.id === id)?.status)).toEqual(
    callOutRules.map(() => 'passed'),
  );
  expect(smsRules.map((id) => recordedReport.rules.find((rule) => rule.id === id)?.status)).toEqual(
    smsRules.map(() => 'passed'),
  );
  expect(recorded.stdout).toContain(`recording cassettes (scrubbed) to ${cassettes}`);
  const meta = JSON.parse(readFileSync(join(cassettes, 'cassette.json'), 'utf8')) as CassetteMeta;
  expect(meta).toMatchObject({
    format: 'flex-conformance-cassette',
    version: 1,
    seed: recordedReport.seed,
    runs: 4,
    accountSid: placeholderAccountSid,
    voiceNumber: placeholderVoiceNumber,
    smsNumbers: placeholderSmsNumbers,
  });
  expect(meta.runId).toMatch(/^[0-9a-f]{8}$/);
  const checksRun = recordedReport.rules
    .flatMap((rule) => rule.checks)
    .filter((check) => check.status !== 'skipped');
  expect(cassetteFiles(cassettes).length).toBeGreaterThanOrEqual(
    new Set(checksRun.map((check) => check.title)).size,
  );
});

test('cassettes are nock definitions nock itself loads', () => {
  for (const file of cassetteFiles(cassettes)) {
    const cassette = JSON.parse(readFileSync(file, 'utf8')) as TestCassette;
    const scopes = nock.define(
      cassette.interceptors.map((interceptor) => ({
        ...interceptor,
        rawHeaders: [...interceptor.rawHeaders],
      })),
    );
    expect(scopes).toHaveLength(cassette.interceptors.length);
    for (const interceptor of cassette.interceptors)
      expect(interceptor.scope).toMatch(/^https:\/\/[a-z-]+\.twilio\.com$/);
  }
  nock.cleanAll();
});

test('cassettes hold no credential, no account SID and no phone number of the account', () => {
  const forbidden = [
    stagingAuthToken,
    encodeURIComponent(stagingAuthToken),
    Buffer.from(`${stagingAccountSid}:${stagingAuthToken}`).toString('base64'),
    stagingAccountSid,
    voiceNumber,
    encodeURIComponent(voiceNumber),
    ...stagingSmsNumbers.flatMap((number) => [number, encodeURIComponent(number)]),
    // The public URL with a stub's key opens the tunnel: a cassette names the stub by its number.
    stagingPublicUrl,
    encodeURIComponent(stagingPublicUrl),
  ];
  const files = [join(cassettes, 'cassette.json'), ...cassetteFiles(cassettes)];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const value of forbidden) expect(text.includes(value), `${value} in ${file}`).toBe(false);
    expect(text.toLowerCase()).not.toContain('authorization');
  }
  const all = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  expect(all).toContain(placeholderAccountSid);
  expect(all).toContain(publishedStubPlaceholder(1));
  for (const placeholder of placeholderSmsNumbers) expect(all).toContain(placeholder);
});

test("a cassette keeps the call-outs the account sent to the check's stubs, in order among its exchanges", () => {
  const callOuts = cassetteFiles(cassettes).flatMap(
    (file) => (JSON.parse(readFileSync(file, 'utf8')) as TestCassette).callOuts ?? [],
  );
  expect(callOuts.length).toBeGreaterThanOrEqual(callOutRules.length);
  for (const recordedCallOut of callOuts) {
    expect(recordedCallOut.stub).toBeGreaterThanOrEqual(1);
    expect(recordedCallOut.after).toBeGreaterThan(0);
  }
});

test('the replay, with the network locked down, gives the same report as the recording', async () => {
  const before = staging.log.length;
  const out = scratchDir('replayed');
  const replayed = await runCli(['run', '--target', `replay:${cassettes}`, '--out', out], undefined, {
    TWILIO_ACCOUNT_SID: '',
    TWILIO_AUTH_TOKEN: '',
  });
  expect(replayed.code, replayed.stdout + replayed.stderr).toBe(recorded.code);
  expect(replayed.stdout).toMatch(/replay: .* network locked down/);
  const report = readReport(out);
  expect(report.seed).toBe(recordedReport.seed);
  expect(report.target.kind).toBe('replay');
  expect(outcome(report)).toEqual(outcome(recordedReport));
  expect(staging.log.length).toBe(before);
});

test('replaying twice gives the same report twice', async () => {
  const [first, second] = [scratchDir('replay-1'), scratchDir('replay-2')];
  await runCli(['run', '--target', `replay:${cassettes}`, '--out', first], undefined);
  await runCli(['run', '--target', `replay:${cassettes}`, '--out', second], undefined);
  expect(outcome(readReport(second))).toEqual(outcome(readReport(first)));
});

test('a request the cassette does not hold fails its check with a message naming the request', async () => {
  const tampered = scratchDir('tampered');
  cpSync(cassettes, tampered, { recursive: true });
  // A check without a property, so the failure names exactly the request removed (no shrinking).
  const file = cassetteFiles(tampered).find((candidate) =>
    candidate.includes('a-created-flow-of-each-integration-type-appears-in-the-list'),
  );
  expect(file, 'the cassette of "a created flow of each integration type appears in the list"').toBeDefined();
  const cassette = JSON.parse(readFileSync(file!, 'utf8')) as TestCassette;
  const dropped = cassette.interceptors.find((interceptor) => interceptor.method === 'GET');
  expect(dropped).toBeDefined();
  writeFileSync(
    file!,
    JSON.stringify({ ...cassette, interceptors: cassette.interceptors.filter((i) => i !== dropped) }),
  );
  const out = scratchDir('tampered-out');
  const result = await runCli(['run', '--target', `replay:${tampered}`, '--out', out], undefined);
  expect(result.code).toBe(1);
  const failures = readReport(out)
    .rules.flatMap((rule) => rule.checks)
    .filter((check) => check.status === 'failed')
    .map((check) => check.error ?? '');
  expect(failures.join('\n')).toContain(
    `replay: the cassette holds no answer for GET ${dropped!.scope}${dropped!.path}: ${file}`,
  );
});

test('replay of a folder without a cassette is a usage error: exit 2, one line', async () => {
  const result = await runCli(['run', '--target', `replay:${scratchDir('empty')}`], undefined);
  expect(result.code).toBe(2);
  expect(result.stderr.trim()).toMatch(
    /^flex-conformance: --target replay:.*: no cassette\.json \(record one with --record DIR\)$/,
  );
});
