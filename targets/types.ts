import type { Domain } from '../contracts/domains';
import type { TargetKind } from '../contracts/rules/types';
import type { PublishedStub } from './public-url/stub-registry';

export type { TargetKind };

/** HTTP Basic credentials as Twilio's clients send them; `accountSid` names the account either way. */
export interface Credentials {
  readonly accountSid: string;
  readonly username: string;
  readonly password: string;
  readonly kind: 'auth-token' | 'api-key';
}

export type CredentialsByKind = Partial<Readonly<Record<Credentials['kind'], Credentials>>>;

/** What a target can do beyond the REST APIs every target serves. */
export interface TargetCapabilities {
  /** A phone number the run may call; voice checks are skipped without one on a real account. */
  readonly voiceNumber?: string;
  /** Two numbers of the account the inbound SMS checks may repoint and message; skipped without them on a real account. */
  readonly smsNumbers?: readonly string[];
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
  /**
   * Every kind of credentials the run holds for the account, `credentials` among them: the auth
   * checks use each kind. The embedded mock knows both; other targets those the environment sets.
   */
  readonly credentialsByKind?: CredentialsByKind;
  readonly capabilities: TargetCapabilities;
  /** Base URL serving a domain's API, without trailing slash. */
  baseUrl(domain: Domain): string;
  /** Headers every request to the domain carries (the original Twilio host). */
  headers(domain: Domain): Readonly<Record<string, string>>;
  /** The account SID masked to its last four characters. */
  fingerprint(): string;
  close(): Promise<void>;
  /**
   * Paces, retries, bounds and counts the requests sent to this target (rate limits, backoff on 429,
   * the request budget, the timeout for hung requests). Absent: every request is sent once, as it is.
   */
  readonly requestPolicy?: RequestPolicy;
  /** Removes what must not leave the run (secrets, account identifiers) from evidence text. */
  redact?(text: string): string;
  /**
   * Opens the per-test session the `api` fixture keeps around each test: recording writes that test's
   * cassette, replay answers from it. Absent on targets that neither record nor replay.
   */
  openSession?(test: TestIdentity): Promise<TargetSession>;
  /** Paced targets (a real account) make each check slower: its time limit is multiplied by this. */
  readonly testTimeoutScale?: number;
  /** What the account offers the checks (Flex workspace, chat service…), discovered once per run. */
  prerequisites?(): Promise<Prerequisites>;
  /**
   * The target's own time, where the suite may move it forward (the embedded mock): a check of a
   * timeout then lets the seconds pass without waiting. Absent: time passes by waiting for it.
   */
  readonly clock?: TargetClock;
}

export interface TargetClock {
  /** The target's time, in ms since the epoch. */
  now(): number;
  /** Lets `ms` pass on the target, timers that fall due in them included. */
  advance(ms: number): Promise<void>;
}

/** A test as the target sees it: a stable id and a readable title. */
export interface TestIdentity {
  readonly id: string;
  readonly title: string;
}

/** One attempt of one request, as a transport saw it. */
export interface RawExchange {
  readonly method: string;
  readonly url: string;
  readonly requestBody?: string;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string;
}

/** A request the target's platform sent to a stub of the suite (a widget's request, a webhook). */
export interface CallOut {
  readonly method: string;
  /** Path and query, as the stub received them. */
  readonly url: string;
  readonly contentType?: string;
  readonly body: string;
}

/** A check's stub, as a target session sees it. */
export interface CallOutStub {
  /** The loopback port it listens on. */
  readonly port: number;
  /** `listener` is told of every call-out the stub receives. */
  watch(listener: (callOut: CallOut) => void): void;
  /** Answers a call-out that did not come over the network (a replayed one), as if it had. */
  receive(callOut: CallOut): Promise<void>;
}

export interface TargetSession {
  /** The request as it is sent (replay puts in the placeholders the recording holds). */
  outgoing?(url: string, body: string | undefined): { url: string; body: string | undefined };
  /** The response body as the checks see it (replay gives back the values the test itself sent). */
  incoming?(body: string): string;
  /**
   * Called after every attempt (a retried request is seen once per attempt), before the check sees
   * the answer: a replay first hands the check's stubs the call-outs the account sent by then.
   */
  record?(exchange: RawExchange): void | Promise<void>;
  /** Explains a request that could not be sent (a replay with no recorded answer for it). */
  explainFailure?(method: string, url: string, requestBody: string | undefined, error: Error): Error;
  /** An answer that must not reach the check, as the error to fail it with (replay: nock had no recorded answer). */
  reject?(exchange: RawExchange): Error | undefined;
  /**
   * Makes a check's stub reachable by the target's platform, and returns the URL the platform calls
   * instead of the stub's own: a real account reaches it through `--public-url` (a recording keeps
   * what the stub received), a replay hands the stub what the recording kept. Absent: the platform
   * reaches loopback itself (the mock, another implementation here), or cannot reach the suite.
   */
  publishStub?(stub: CallOutStub): PublishedStub;
  close(): Promise<void>;
}

/** What a request policy needs to know about one request. */
export interface RequestDescription {
  readonly method: string;
  readonly domain: Domain;
  readonly url: string;
}

/** What a request policy needs from a response. */
export interface PolicyResponse {
  status(): number;
  headers(): Record<string, string>;
}

export interface RequestPolicy {
  /**
   * Sends one request through `attempt` (called once per try with the timeout to apply), waiting
   * for a rate-limit slot first, retrying as the policy allows, and counting every attempt.
   */
  send<R extends PolicyResponse>(
    request: RequestDescription,
    attempt: (timeoutMs: number) => Promise<R>,
  ): Promise<R>;
  /** Requests sent so far by this process, per API (`domain METHOD /path/{Sid}`). */
  counts(): Readonly<Record<string, number>>;
}

/** A prerequisite a rule may need from the account. */
export type PrerequisiteName =
  | 'flex-workspace'
  | 'chat-service'
  | 'voice-number'
  | 'sms-numbers'
  | 'public-url';

/** The answer that says Programmable Chat for Flex has reached end of life on this account. */
export interface EndOfLifeAnswer {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly body: string;
}

export interface Prerequisites {
  /** `provisioned`: the target serves what the checks create (mock, URL targets); `discovered`: a real account. */
  readonly source: 'provisioned' | 'discovered';
  readonly flexWorkspace?: {
    readonly sid: string;
    readonly workflows: readonly { readonly sid: string; readonly friendlyName: string }[];
    readonly taskChannels: readonly string[];
  };
  readonly chatServiceSid?: string;
  /** Why each missing prerequisite is missing. */
  readonly missing: Readonly<Partial<Record<PrerequisiteName, string>>>;
  readonly endOfLife?: EndOfLifeAnswer;
}

/** A configuration problem the user must fix (exit code 2), reported as one line. */
export class ConfigError extends Error {}
