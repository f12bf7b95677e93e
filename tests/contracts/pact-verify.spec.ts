/**
 * `flex-conformance pact verify` checks the published HTTP pacts against any implementation: it
 * passes against the embedded mock and against a second, independent server, and fails, naming
 * the interaction, against a broken one (a faulted mock, a mutated second server).
 */
import {
  cleanEnv,
  expect,
  expectUsageError,
  runCli,
  startMockProcess,
  test,
  testCredentials,
} from '../cli/cli-fixtures';
import { type Mutation, startFlexFlowServer } from './support/flex-flow-server';

const env = () => cleanEnv(testCredentials);
const verify = (url: string, ...more: string[]) =>
  runCli(['pact', 'verify', '--provider-base-url', url, ...more], env(), 60_000);

const secondServer = (mutation?: Mutation) =>
  startFlexFlowServer(
    { accountSid: testCredentials.TWILIO_ACCOUNT_SID, authToken: testCredentials.TWILIO_AUTH_TOKEN },
    mutation,
  );

/** `pact verify` against the second server (mutated or not), closed afterwards. */
async function verifySecondServer(mutation?: Mutation) {
  const server = await secondServer(mutation);
  try {
    return await verify(server.url);
  } finally {
    await server.close();
  }
}

test.describe('pact verify', () => {
  test('verifies all 8 published interactions against the embedded mock (exit 0)', async ({ servedMock }) => {
    const result = await verify(servedMock.url);
    expect(result.stdout).toContain('8 of 8 interactions verified');
    expect(result.code).toBe(0);
  });

  test('verifies all 8 published interactions against an independent node:http implementation (exit 0)', async () => {
    const result = await verifySecondServer();
    expect(result.stdout).toContain('8 of 8 interactions verified');
    expect(result.code).toBe(0);
  });

  test('fails, naming the interaction and the mismatch, against a mock whose Flex Flow SIDs are UUIDs (exit 1)', async () => {
    const mock = await startMockProcess(['--fault', 'flexflow-sid-uuid']);
    try {
      const result = await verify(mock.url);
      expect(result.stdout).toMatch(
        /^ {6}a request to create a studio Flex Flow: \$\.sid: expected a value matching \/\^FO\[0-9a-fA-F\]\{32\}\$\/, got "FO[0-9a-f-]{36}"$/m,
      );
      expect(result.code).toBe(1);
    } finally {
      mock.child.kill('SIGTERM');
    }
  });

  test('fails on a response header: a mock that serves JSON as text/html (exit 1)', async () => {
    const mock = await startMockProcess(['--fault', 'json-served-as-text-html']);
    try {
      const result = await verify(mock.url);
      expect(result.stdout).toContain(
        'a request to fetch a Flex Flow: header Content-Type: expected "application/json", got "text/html; charset=utf-8"',
      );
      expect(result.code).toBe(1);
    } finally {
      mock.child.kill('SIGTERM');
    }
  });

  test('fails the list interaction against a server that names the list key flexFlows (exit 1)', async () => {
    const result = await verifySecondServer('list-key-camelcase');
    expect(result.stdout).toContain('  ✘ a request to list Flex Flows by FriendlyName');
    expect(result.stdout).toMatch(
      /^ {6}a request to list Flex Flows by FriendlyName: \$\.flex_flows: expected .*, got no such key$/m,
    );
    expect(result.stdout).toContain('7 of 8 interactions verified, 1 failed');
    expect(result.code).toBe(1);
  });

  test('fails the delete interaction against a server that answers a delete with 200 (exit 1)', async () => {
    const result = await verifySecondServer('delete-answers-200');
    expect(result.stdout).toContain('a request to delete a Flex Flow: status: expected 204, got 200');
    expect(result.code).toBe(1);
  });

  test('exits 3 with one line when the URL cannot be reached', async () => {
    const server = await secondServer();
    await server.close();
    const result = await verify(server.url);
    expect(result.stderr.trim()).toMatch(
      /^flex-conformance: pact verify: cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED$/,
    );
    expect(result.code).toBe(3);
  });

  test('is a usage error without --provider-base-url', async () => {
    expectUsageError(await runCli(['pact', 'verify'], env()), /--provider-base-url is required/);
  });

  test('is a usage error with a URL that is not http', async () => {
    expectUsageError(
      await runCli(['pact', 'verify', '--provider-base-url', 'ftp://x'], env()),
      /must be http or https/,
    );
  });

  test('is a usage error with an unknown flag', async () => {
    expectUsageError(
      await runCli(['pact', 'verify', '--provider-base-url', 'http://127.0.0.1:1', '--bogus'], env()),
      /unknown option --bogus/,
    );
  });

  test('is a usage error with an unreadable pact file', async () => {
    expectUsageError(
      await runCli(
        ['pact', 'verify', '--provider-base-url', 'http://127.0.0.1:1', '--pact', '/nonexistent.json'],
        env(),
      ),
      /cannot read pact \/nonexistent\.json/,
    );
  });

  test('is a usage error without credentials', async () => {
    expectUsageError(
      await runCli(['pact', 'verify', '--provider-base-url', 'http://127.0.0.1:1'], cleanEnv()),
      /needs credentials/,
    );
  });
});
