import { type Domain, forwardedHostHeader, twilioHost } from '../contracts/domains';
import { readCassetteMeta } from './cassette/format';
import {
  credentialsByKindFromEnv,
  credentialsFromEnv,
  maskSid,
  requireCredentials,
} from './http/credentials';
import { defaultMaxRequests, TwilioRequestPolicy } from './http/request-policy';
import type { RunSettings } from './run-settings';
import { checkAccount } from './twilio/account';
import { twilioTarget } from './twilio/target';
import {
  ConfigError,
  type Credentials,
  type CredentialsByKind,
  type RequestPolicy,
  type Target,
  type TargetClock,
} from './types';

/** The embedded mock, started in this process, as the `mock` target needs it. */
export interface EmbeddedMock {
  readonly url: string;
  /** The credentials it accepts: those it was given, or its own. */
  readonly credentials: Credentials;
  /** Every kind it accepts for the account: an API key with its secret and the auth token. */
  readonly credentialsByKind: CredentialsByKind;
  /** Its clock, which the checks may move forward. */
  readonly clock: TargetClock;
  close(): Promise<void>;
}

/**
 * Starts the embedded mock with these faults, accepting these credentials (its own when none).
 * Given by whoever composes the run (support/embedded-mock.ts): targets/ does not depend on the mock.
 */
export type EmbeddedMockStarter = (options: {
  readonly faults: readonly string[];
  readonly credentials?: Credentials;
}) => Promise<EmbeddedMock>;

/** Opens the run's target: starts the embedded mock, or checks what is needed to reach another implementation. */
export async function openTarget(
  settings: RunSettings,
  startEmbeddedMock: EmbeddedMockStarter,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Target> {
  const spec = settings.target;
  switch (spec.kind) {
    case 'mock': {
      const fromEnv = credentialsFromEnv(env);
      const mock = await startEmbeddedMock({
        faults: settings.faults,
        ...(fromEnv ? { credentials: fromEnv } : {}),
      });
      return originTarget(
        'mock',
        mock.url,
        () => mock.url,
        { primary: mock.credentials, byKind: mock.credentialsByKind },
        settings.faults,
        () => mock.close(),
        undefined,
        mock.clock,
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
        { primary: credentials, byKind: credentialsByKindFromEnv(env) },
        [],
        async () => {},
        new TwilioRequestPolicy({
          rateLimits: false,
          retries: false,
          timeoutMs: settings.requestTimeoutMs,
          ...(settings.maxRequests
            ? { maxRequests: settings.maxRequests, ledgerDir: settings.stateDir }
            : {}),
        }),
      );
    }
    case 'twilio': {
      const credentials = requireCredentials(env, 'twilio');
      checkAccount(settings, credentials);
      return {
        ...twilioTarget({
          credentials,
          stateDir: settings.stateDir,
          maxRequests: settings.maxRequests ?? defaultMaxRequests,
          timeoutMs: settings.requestTimeoutMs,
          ...(settings.voiceNumber ? { voiceNumber: settings.voiceNumber } : {}),
          ...(settings.smsNumbers ? { smsNumbers: settings.smsNumbers } : {}),
          ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
          ...(settings.recordDir ? { recordDir: settings.recordDir } : {}),
        }),
        credentialsByKind: credentialsByKindFromEnv(env),
      };
    }
    case 'replay': {
      // Loaded only here: importing nock intercepts every HTTP request of the process.
      const { openReplayTarget } = await import('./cassette/replay');
      return openReplayTarget({
        dir: spec.dir,
        timeoutMs: settings.requestTimeoutMs,
        ledgerDir: settings.stateDir,
        ...(settings.maxRequests ? { maxRequests: settings.maxRequests } : {}),
      });
    }
  }
}

/**
 * Checks, before any test starts, what opening the target will need: credentials, a readable
 * domain map, for a real account an `--account` naming the credentials' account, for a replay a
 * readable cassette.
 */
export function preflight(settings: RunSettings, env: NodeJS.ProcessEnv = process.env): void {
  const spec = settings.target;
  if (spec.kind === 'mock') credentialsFromEnv(env);
  else if (spec.kind === 'url') requireCredentials(env, spec.label);
  else if (spec.kind === 'twilio') checkAccount(settings, requireCredentials(env, 'twilio'));
  else readCassetteMeta(spec.dir);
}

function originTarget(
  kind: Target['kind'],
  url: string,
  base: (domain: Domain) => string,
  credentials: { readonly primary: Credentials; readonly byKind: CredentialsByKind },
  faults: readonly string[],
  close: () => Promise<void>,
  requestPolicy?: RequestPolicy,
  clock?: TargetClock,
): Target {
  return {
    kind,
    url,
    credentials: credentials.primary,
    credentialsByKind: credentials.byKind,
    capabilities: { voiceWebhooks: true, faults },
    baseUrl: base,
    headers: (domain) => ({ [forwardedHostHeader]: twilioHost(domain) }),
    fingerprint: () => maskSid(credentials.primary.accountSid),
    close,
    ...(requestPolicy ? { requestPolicy } : {}),
    ...(clock ? { clock } : {}),
  };
}
