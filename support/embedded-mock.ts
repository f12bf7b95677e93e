import type { MockCredentials } from '../mock/core/auth';
import type { EmbeddedMockStarter } from '../targets/open';
import type { Credentials, CredentialsByKind } from '../targets/types';

/**
 * The embedded mock as the `mock` target starts it: the worker fixture (suites/fixtures.ts) and the
 * bench give it to `openTarget`, so targets/ reaches the emulator without importing it. The mock
 * is loaded here, not imported: the runner loads every spec file to list the checks, and a worker
 * on another target never starts it.
 */
export const startEmbeddedMock: EmbeddedMockStarter = async ({ faults, credentials }) => {
  const [{ isFaultName }, { generatedCredentials, startMock }, { AdjustableClock }] = await Promise.all([
    import('../mock/faults'),
    import('../mock/server'),
    import('../mock/core/clock'),
  ]);
  const unknown = faults.find((name) => !isFaultName(name));
  if (unknown !== undefined) throw new Error(`the mock has no fault "${unknown}"`);
  const clock = new AdjustableClock();
  const mock = await startMock({
    faults: faults.filter(isFaultName),
    clock,
    credentials: credentials
      ? mockCredentialsFor(credentials, generatedCredentials())
      : generatedCredentials(),
  });
  const byKind = credentialsOfEveryKind(mock.credentials);
  return {
    url: mock.url,
    credentials: credentials ?? byKind['auth-token']!,
    credentialsByKind: byKind,
    clock: {
      now: () => clock.now(),
      advance: async (ms) => clock.advance(ms),
    },
    close: () => mock.close(),
  };
};

/**
 * The mock accepts the credentials the suite sends and knows both kinds for the account: the
 * kind the environment does not set is generated.
 */
export function mockCredentialsFor(credentials: Credentials, generated: MockCredentials): MockCredentials {
  return credentials.kind === 'api-key'
    ? {
        accountSid: credentials.accountSid,
        authToken: generated.authToken,
        apiKey: credentials.username,
        apiSecret: credentials.password,
      }
    : {
        accountSid: credentials.accountSid,
        authToken: credentials.password,
        apiKey: generated.apiKey,
        apiSecret: generated.apiSecret,
      };
}

/** The mock's credentials as the suite sends them, one set per kind. */
function credentialsOfEveryKind(mock: MockCredentials): CredentialsByKind {
  const { accountSid } = mock;
  return {
    'auth-token': { accountSid, username: accountSid, password: mock.authToken, kind: 'auth-token' },
    ...(mock.apiKey && mock.apiSecret
      ? { 'api-key': { accountSid, username: mock.apiKey, password: mock.apiSecret, kind: 'api-key' } }
      : {}),
  };
}
