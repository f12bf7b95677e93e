import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactor } from '../../reports/redact';
import { canaryCredentials, expect, runCli, test } from './report-fixtures';

/**
 * Credentials never reach an output: every run in these tests used a distinctive auth token
 * (the mock accepts credentials from the environment), and every byte the runs wrote, to disk or
 * to the console, is searched for it and for its encodings.
 */

const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token } = canaryCredentials;
const needles = [
  token,
  encodeURIComponent(token),
  Buffer.from(`${sid}:${token}`).toString('base64'),
  Buffer.from(token).toString('base64').replace(/=+$/, ''),
];
/** An authorization header that is not the recorded `Basic [redacted]`. */
const basicHeader = /Basic (?!\[redacted\])[A-Za-z0-9+/]{16,}={0,2}/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The canary token in any encoding, anywhere. In report files also any Basic header at all; a
 * Playwright artifact may hold a published Pact file whose examples carry placeholder credentials,
 * so there only a header that decodes to the canary credentials counts.
 */
function leaksIn(text: string, anyBasicHeader: boolean): string[] {
  const headers = [...text.matchAll(new RegExp(basicHeader, 'g'))].map((match) => match[0]);
  const leakingHeaders = anyBasicHeader
    ? headers
    : headers.filter((header) => {
        const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
        return decoded.includes(sid) || decoded.includes(token);
      });
  return [...needles.filter((needle) => text.includes(needle)), ...leakingHeaders];
}

test.describe('redaction', () => {
  test('the runs used the canary credentials: the report shows the masked account SID', async ({
    brokenRun,
  }) => {
    expect(brokenRun.report.target.fingerprint).toBe(`AC${'*'.repeat(28)}${sid.slice(-4)}`);
  });

  test('no byte of any report file or Playwright artifact holds the token, its encodings or a Basic header', async ({
    cleanRun,
    brokenRun,
    brokenShards,
  }, testInfo) => {
    const matrix = testInfo.outputPath('matrix.html');
    await runCli(['report', 'matrix', cleanRun.dir, brokenRun.dir, '--out', matrix]);
    const merged = testInfo.outputPath('merged');
    await runCli(['report', 'merge', ...brokenShards.map((shard) => shard.dir), '--out', merged]);
    const runs = [cleanRun, brokenRun, ...brokenShards];
    const reportFiles = [...runs.flatMap((run) => filesUnder(run.dir)), matrix, ...filesUnder(merged)];
    const artifacts = runs.flatMap((run) => filesUnder(run.artifactsDir));
    expect(reportFiles.length).toBe(runs.length * 5 + 1 + 5);
    for (const [files, anyBasicHeader] of [
      [reportFiles, true],
      [artifacts, false],
    ] as const) {
      for (const file of files) {
        const bytes = readFileSync(file);
        expect(leaksIn(bytes.toString('utf8'), anyBasicHeader), file).toEqual([]);
        expect(leaksIn(bytes.toString('latin1'), anyBasicHeader), file).toEqual([]);
      }
    }
  });

  test('no console line of any run holds the token, its encodings or a Basic header', async ({
    cleanRun,
    brokenRun,
    brokenShards,
  }) => {
    for (const run of [cleanRun, brokenRun, ...brokenShards]) {
      expect(leaksIn(run.stdout, true), run.dir).toEqual([]);
      expect(leaksIn(run.stderr, true), run.dir).toEqual([]);
    }
  });

  test('the redactor removes env secrets, Basic credentials and URL passwords, and leaves prose alone', () => {
    const redact = redactor([token, Buffer.from(`${sid}:${token}`).toString('base64')]);
    const basic = `Basic ${Buffer.from('ACx:other-secret').toString('base64')}`;
    expect(redact(`token=${token}; ${basic}`)).toBe('token=[redacted]; Basic [redacted]');
    expect(redact('https://user:hunter2@example.test/x')).toBe('https://user:[redacted]@example.test/x');
    expect(redact('Requests without Basic authentication are refused')).toBe(
      'Requests without Basic authentication are refused',
    );
    expect(redact('Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe('Bearer [redacted]');
    // prose and credentials in one text: the credential goes, the prose around it stays in place
    expect(redact(`Basic authentication: ${basic}, then Basic authorization; ${basic}.`)).toBe(
      'Basic authentication: Basic [redacted], then Basic authorization; Basic [redacted].',
    );
  });
});
