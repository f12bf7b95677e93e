import type { MockCredentials } from '../mock/core/auth';
import { isFaultName } from '../mock/faults';
import { startMock } from '../mock/server';
import type { EmbeddedMockStarter } from '../targets/open';
import type { Credentials } from '../targets/types';

/**
 * The embedded mock as the `mock` target starts it: the worker fixture (suites/fixtures.ts) and the
 * bench give it to `openTarget`, so targets/ reaches the emulator without importing it.
 */
export const startEmbeddedMock: EmbeddedMockStarter = async ({ faults, credentials }) => {
  const unknown = faults.find((name) => !isFaultName(name));
  if (unknown !== undefined) throw new Error(`the mock has no fault "${unknown}"`);
  const mock = await startMock({
    faults: faults.filter(isFaultName),
    ...(credentials ? { credentials: mockCredentialsFor(credentials) } : {}),
  });
  return {
    url: mock.url,
    credentials: credentials ?? {
      accountSid: mock.credentials.accountSid,
      username: mock.credentials.accountSid,
      password: mock.credentials.authToken,
      kind: 'auth-token',
    },
    close: () => mock.close(),
  };
};

/** The mock accepts the same credentials the suite sends. */
export function mockCredentialsFor(credentials: Credentials): MockCredentials {
  return credentials.kind === 'api-key'
    ? {
        accountSid: credentials.accountSid,
        authToken: '',
        apiKey: credentials.username,
        apiSecret: credentials.password,
      }
    : { accountSid: credentials.accountSid, authToken: credentials.password };
}
