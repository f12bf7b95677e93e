import { type Domain, forwardedHostHeader, twilioHost } from '../contracts/domains';
import type { MockCredentials } from '../mock/core/auth';
import type { FaultName } from '../mock/faults';
import { startMock } from '../mock/server';
import { checkAccount } from './account';
import { readCassetteMeta } from './cassette';
import { credentialsFromEnv, maskSid, requireCredentials } from './credentials';
import { defaultMaxRequests, TwilioRequestPolicy } from './request-policy';
import type { RunConfig } from './run-config';
import { twilioTarget } from './twilio';
import { ConfigError, type Credentials, type RequestPolicy, type Target } from './types';

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
        new TwilioRequestPolicy({
          rateLimits: false,
          retries: false,
          timeoutMs: config.requestTimeoutMs,
          ...(config.maxRequests ? { maxRequests: config.maxRequests, ledgerDir: config.stateDir } : {}),
        }),
      );
    }
    case 'twilio': {
      const credentials = requireCredentials(env, 'twilio');
      checkAccount(config, credentials);
      return twilioTarget({
        credentials,
        stateDir: config.stateDir,
        maxRequests: config.maxRequests ?? defaultMaxRequests,
        timeoutMs: config.requestTimeoutMs,
        ...(config.voiceNumber ? { voiceNumber: config.voiceNumber } : {}),
        ...(config.recordDir ? { recordDir: config.recordDir } : {}),
      });
    }
    case 'replay': {
      // Loaded only here: importing nock intercepts every HTTP request of the process.
      const { openReplayTarget } = await import('./replay');
      return openReplayTarget({
        dir: spec.dir,
        timeoutMs: config.requestTimeoutMs,
        ledgerDir: config.stateDir,
        ...(config.maxRequests ? { maxRequests: config.maxRequests } : {}),
      });
    }
  }
}

/**
 * Checks, before any test starts, what opening the target will need: credentials, a readable
 * domain map, for a real account an `--account` naming the credentials' account, for a replay a
 * readable cassette.
 */
export function preflight(config: RunConfig, env: NodeJS.ProcessEnv = process.env): void {
  const spec = config.target;
  if (spec.kind === 'mock') credentialsFromEnv(env);
  else if (spec.kind === 'url') requireCredentials(env, spec.label);
  else if (spec.kind === 'twilio') checkAccount(config, requireCredentials(env, 'twilio'));
  else readCassetteMeta(spec.dir);
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
  requestPolicy?: RequestPolicy,
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
    ...(requestPolicy ? { requestPolicy } : {}),
  };
}
