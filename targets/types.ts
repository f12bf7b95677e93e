import type { Domain } from '../contracts/domains';
import type { TargetKind } from '../contracts/rules/types';

export type { TargetKind };

/** HTTP Basic credentials as Twilio's clients send them; `accountSid` names the account either way. */
export interface Credentials {
  readonly accountSid: string;
  readonly username: string;
  readonly password: string;
  readonly kind: 'auth-token' | 'api-key';
}

/** What a target can do beyond the REST APIs every target serves. */
export interface TargetCapabilities {
  /** A phone number the run may call; voice checks are skipped without one on a real account. */
  readonly voiceNumber?: string;
  /** The voice webhook and action URLs are reachable from the suite (true on the mock and URL targets). */
  readonly voiceWebhooks: boolean;
  /** Mock faults in force (for the report); empty elsewhere. */
  readonly faults: readonly string[];
}

/**
 * How the suite reaches an implementation of Twilio's APIs. The suites only ever see this
 * interface: they never know whether they run on the embedded mock, another implementation,
 * a real account or a replayed cassette.
 */
export interface Target {
  readonly kind: TargetKind;
  /** What the report shows as the target's URL: a base URL, a domain map, or `twilio`. */
  readonly url: string;
  readonly credentials: Credentials;
  readonly capabilities: TargetCapabilities;
  /** Base URL serving a domain's API, without trailing slash. */
  baseUrl(domain: Domain): string;
  /** Headers every request to the domain carries (the original Twilio host). */
  headers(domain: Domain): Readonly<Record<string, string>>;
  /** The account SID masked to its last four characters. */
  fingerprint(): string;
  close(): Promise<void>;
}

/** A configuration problem the user must fix (exit code 2), reported as one line. */
export class ConfigError extends Error {}
