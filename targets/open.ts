import { type Domain, forwardedHostHeader, twilioHost } from '../contracts/domains';
import type { MockCredentials } from '../mock/core/auth';
import type { FaultName } from '../mock/faults';
import { startMock } from '../mock/server';
import { credentialsFromEnv, maskSid, requireCredentials } from './credentials';
import type { RunConfig } from './run-config';
import { ConfigError, type Credentials, type Target } from './types';

/** Opens the run's target: starts the embedded mock, or checks what is needed to reach another implementation. */
export async function openTarget(config: RunConfig, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const spec = config.target;
  switch (spec.kind) {
    case 'mock': {
      const fromEnv = credentialsFromEnv(env);
      const mock = await startMock({
        faults: config.faults as FaultName[],
        credentials: fromEnv ? mockCredentialsFor(fromEnv) : undefined,
      });
      const credentials: Credentials = fromEnv ?? {
        accountSid: mock.credentials.accountSid,
        username: mock.credentials.accountSid,
        password: mock.credentials.authToken,
        kind: 'auth-token',
      };
      return originTarget(
        'mock',
        mock.url,
        () => mock.url,
        credentials,
        config.faults,
        () => mock.close(),
      );
    }
    case 'url': {
      const credentials = requireCredentials(env, spec.label);
      return originTarget(
        'url',
        spec.label,
        (domain) => {
          const base = spec.bases[domain];
          if (!base) throw new ConfigError(`the domain map ${spec.label} has no base URL for ${domain}`);
          return base;
        },
        credentials,
        [],
        async () => {},
      );
    }
    case 'twilio':
    case 'replay':
      throw new ConfigError(`target ${spec.kind} is not available in this version`);
  }
}

/** Checks, before any test starts, what opening the target will need (credentials, a readable domain map). */
export function preflight(config: RunConfig, env: NodeJS.ProcessEnv = process.env): void {
  const spec = config.target;
  if (spec.kind === 'mock') credentialsFromEnv(env);
  else if (spec.kind === 'url') requireCredentials(env, spec.label);
  else throw new ConfigError(`target ${spec.kind} is not available in this version`);
}

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

function originTarget(
  kind: Target['kind'],
  url: string,
  base: (domain: Domain) => string,
  credentials: Credentials,
  faults: readonly string[],
  close: () => Promise<void>,
): Target {
  return {
    kind,
    url,
    credentials,
    capabilities: { voiceWebhooks: true, faults },
    baseUrl: base,
    headers: (domain) => ({ [forwardedHostHeader]: twilioHost(domain) }),
    fingerprint: () => maskSid(credentials.accountSid),
    close,
  };
}
