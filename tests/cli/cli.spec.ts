import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../../contracts/rules';
import { oneWorker } from '../nested-runs';
import { cleanEnv, expect, expectUsageError, runCli, test, testCredentials } from './cli-fixtures';

// the runs take up to 35 s beside the rest of npm test
test.describe.configure({ timeout: 120_000 });

test.describe('usage errors: one line, exit code 2', () => {
  test('an unknown command', async () => {
    expectUsageError(await runCli(['frobnicate']), /unknown command "frobnicate"/);
  });

  test('an unknown flag', async () => {
    expectUsageError(await runCli(['run', '--tagret', 'mock']), /--tagret/);
  });

  test('a malformed target URL', async () => {
    expectUsageError(await runCli(['run', '--target', 'http://']), /not a valid URL/);
  });

  test('a target URL with an unsupported scheme', async () => {
    expectUsageError(await runCli(['run', '--target', 'ftp://127.0.0.1:21']), /http or https/);
  });

  test('an unreadable domain map', async () => {
    expectUsageError(await runCli(['run', '--target', '/nonexistent/domains.json']), /no such file/);
  });

  test('a domain map naming an unknown domain', async ({ outDir }) => {
    const file = join(outDir, 'domains.json');
    writeFileSync(file, JSON.stringify({ 'flex-api': 'http://127.0.0.1:1', video: 'http://127.0.0.1:2' }));
    expectUsageError(await runCli(['run', '--target', file]), /unknown domain "video"/);
  });

  test('a URL target without credentials', async () => {
    expectUsageError(await runCli(['run', '--target', 'http://127.0.0.1:9']), /needs credentials/);
  });

  test('a malformed account SID', async () => {
    const env = cleanEnv({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'x' });
    expectUsageError(await runCli(['run', '--target', 'http://127.0.0.1:9'], env), /TWILIO_ACCOUNT_SID/);
  });

  test('an API key without its secret', async () => {
    const env = cleanEnv({
      TWILIO_ACCOUNT_SID: testCredentials.TWILIO_ACCOUNT_SID,
      TWILIO_API_KEY: `SK${'0'.repeat(32)}`,
    });
    expectUsageError(await runCli(['run', '--target', 'http://127.0.0.1:9'], env), /TWILIO_API_SECRET/);
  });

  test('a seed that is not an integer', async () => {
    expectUsageError(await runCli(['run', '--seed', 'abc']), /--seed must be an integer/);
  });

  test('runs out of range', async () => {
    expectUsageError(await runCli(['run', '--runs', '0']), /--runs must be between/);
  });

  test('an unknown fault', async () => {
    expectUsageError(await runCli(['run', '--fault', 'no-such-fault']), /unknown fault/);
  });

  test('an invalid grep pattern', async () => {
    expectUsageError(await runCli(['run', '--grep', '(unclosed']), /--grep/);
  });

  test('a mock port out of range', async () => {
    expectUsageError(await runCli(['mock', '--port', '70000']), /--port/);
  });

  test('rules with an unknown area', async () => {
    expectUsageError(await runCli(['rules', '--area', 'nowhere']), /--area/);
  });
});

test.describe('the rules command', () => {
  test('--json prints the whole catalog', async () => {
    const result = await runCli(['rules', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Array<{ id: string; sources: unknown[] }>;
    expect(printed.map((rule) => rule.id)).toEqual(catalog.map((rule) => rule.id));
    for (const rule of printed) expect(rule.sources.length).toBeGreaterThan(0);
  });

  test('the table lists every rule id with its severity', async () => {
    const result = await runCli(['rules']);
    expect(result.code).toBe(0);
    for (const rule of catalog) expect(result.stdout).toContain(rule.id);
    expect(result.stdout).toContain(`${catalog.length} rules`);
  });
});

test.describe('run against another implementation', () => {
  test('a URL target serving every domain passes, and the report names it', async ({
    servedMock,
    outDir,
  }) => {
    const result = await runCli(
      ['run', '--target', servedMock.url, ...oneWorker, '--grep', 'wire', '--out', outDir, '--runs', '5'],
      cleanEnv(testCredentials),
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/verdict: PASS/);
    const report = JSON.parse(readFileSync(join(outDir, 'conformance.json'), 'utf8'));
    expect(report.target.kind).toBe('url');
    expect(report.target.url).toBe(servedMock.url);
    expect(report.totals.passed).toBeGreaterThan(0);
  });

  test('a domain map target passes', async ({ servedMock, outDir }) => {
    const file = join(outDir, 'domains.json');
    const map = Object.fromEntries(
      ['flex-api', 'studio', 'taskrouter', 'conversations', 'webhooks', 'chat'].map((d) => [
        d,
        servedMock.url,
      ]),
    );
    writeFileSync(file, JSON.stringify(map));
    const result = await runCli(
      [
        'run',
        '--target',
        file,
        ...oneWorker,
        '--grep',
        'FLEXFLOW-CREATE-RETURNS-201',
        '--out',
        outDir,
        '--runs',
        '5',
      ],
      cleanEnv(testCredentials),
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  test('wrong credentials against a URL target fail the run with exit code 1', async ({
    servedMock,
    outDir,
  }) => {
    const env = cleanEnv({ ...testCredentials, TWILIO_AUTH_TOKEN: 'not-the-token' });
    const result = await runCli(
      [
        'run',
        '--target',
        servedMock.url,
        ...oneWorker,
        '--grep',
        'FLEXFLOW-CREATE-RETURNS-201',
        '--out',
        outDir,
      ],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/verdict: FAIL/);
  });

  test('a faulty mock fails the run with exit code 1 and names the failed rule', async ({ outDir }) => {
    const result = await runCli([
      'run',
      '--fault',
      'flexflow-retrycount-off-by-one',
      '--grep',
      'FLEXFLOW-RETRYCOUNT-RANGE',
      '--out',
      outDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed must\s+FLEXFLOW-RETRYCOUNT-RANGE/);
  });

  test('the served mock prints its URL and the credentials it accepts, never the secret from the environment', async ({
    servedMock,
  }) => {
    expect(servedMock.output()).toContain(testCredentials.TWILIO_ACCOUNT_SID);
    expect(servedMock.output()).not.toContain(testCredentials.TWILIO_AUTH_TOKEN);
  });

  test('no output line carries the auth token', async ({ servedMock, outDir }) => {
    const result = await runCli(
      [
        'run',
        '--target',
        servedMock.url,
        ...oneWorker,
        '--grep',
        'WIRE-AUTH-BASIC-REQUIRED',
        '--out',
        outDir,
      ],
      cleanEnv(testCredentials),
    );
    expect(result.stdout + result.stderr).not.toContain(testCredentials.TWILIO_AUTH_TOKEN);
    for (const file of ['conformance.json', 'junit.xml']) {
      const text = readFileSync(join(outDir, file), 'utf8');
      expect(text).not.toContain(testCredentials.TWILIO_AUTH_TOKEN);
      expect(text).not.toContain(
        Buffer.from(`${testCredentials.TWILIO_ACCOUNT_SID}:${testCredentials.TWILIO_AUTH_TOKEN}`).toString(
          'base64',
        ),
      );
    }
  });
});
