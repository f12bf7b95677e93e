import nock from 'nock';
import { type Domain, twilioHost } from '../../contracts/domains';
import { maskSid } from '../http/credentials';
import { Scrubber } from '../http/redaction';
import { isOpenRelay } from '../http/relay';
import { TwilioRequestPolicy } from '../http/request-policy';
import { provisioned } from '../twilio/prerequisites';
import type { CallOutStub, Credentials, RawExchange, Target, TargetSession, TestIdentity } from '../types';
import {
  type CassetteMeta,
  publishedStubPlaceholder,
  type RecordedCallOut,
  readCassetteMeta,
  readTestCassette,
  testCassetteFile,
} from './format';

export interface ReplayOptions {
  readonly dir: string;
  readonly maxRequests?: number;
  readonly timeoutMs: number;
  /** The run's request ledger, shared by its processes (for the request counts). */
  readonly ledgerDir?: string;
}

/**
 * `--target replay:DIR`: answers every request from the recorded cassette, through nock, with the
 * network locked down. The run repeats the recorded one: the same seed, run id and property runs
 * (read from the cassette by run-config), the same retries (without waiting), the same placeholders.
 */
export function openReplayTarget(options: ReplayOptions): Target {
  const meta = readCassetteMeta(options.dir);
  nock.disableNetConnect();
  nock.enableNetConnect(isOpenRelay);
  const credentials: Credentials = {
    accountSid: meta.accountSid,
    username: meta.accountSid,
    password: 'replayed-without-credentials',
    kind: 'auth-token',
  };
  return {
    kind: 'replay',
    url: `replay:${options.dir}`,
    credentials,
    capabilities: {
      ...(meta.voiceNumber ? { voiceNumber: meta.voiceNumber } : {}),
      ...(meta.smsNumbers ? { smsNumbers: meta.smsNumbers } : {}),
      voiceWebhooks: false,
      faults: [],
    },
    baseUrl: (domain: Domain) => `https://${twilioHost(domain)}`,
    headers: () => ({}),
    fingerprint: () => maskSid(meta.accountSid),
    close: async () => {
      nock.cleanAll();
    },
    requestPolicy: new TwilioRequestPolicy({
      rateLimits: false,
      retries: true,
      timeoutMs: options.timeoutMs,
      ...(options.maxRequests === undefined ? {} : { maxRequests: options.maxRequests }),
      ...(options.ledgerDir ? { ledgerDir: options.ledgerDir } : {}),
      sleep: async () => {},
    }),
    openSession: async (test) => new ReplaySession(options.dir, test, credentials, meta),
    prerequisites: async () => meta.prerequisites ?? provisioned,
  };
}

/** One test's recorded exchanges as nock interceptors, consumed in the order they were recorded. */
export class ReplaySession implements TargetSession {
  private readonly scrubber: Scrubber;
  private readonly file: string;
  private readonly found: boolean;
  private readonly interceptors: nock.Interceptor[] = [];
  private readonly callOuts: readonly RecordedCallOut[];
  private readonly stubs: CallOutStub[] = [];
  /** The test's exchanges so far, and the recorded call-outs handed to their stubs so far. */
  private exchanges = 0;
  private delivered = 0;

  constructor(
    dir: string,
    test: TestIdentity,
    credentials: Credentials,
    numbers: Pick<CassetteMeta, 'voiceNumber' | 'smsNumbers'>,
  ) {
    this.scrubber = new Scrubber({
      credentials,
      ...(numbers.voiceNumber ? { voiceNumber: numbers.voiceNumber } : {}),
      ...(numbers.smsNumbers ? { smsNumbers: numbers.smsNumbers } : {}),
    });
    this.file = testCassetteFile(dir, test);
    const cassette = readTestCassette(dir, test);
    this.found = cassette !== undefined;
    this.callOuts = cassette?.callOuts ?? [];
    for (const recorded of cassette?.interceptors ?? []) {
      const headers: Record<string, string> = {};
      for (let i = 0; i + 1 < recorded.rawHeaders.length; i += 2) {
        headers[recorded.rawHeaders[i] as string] = recorded.rawHeaders[i + 1] as string;
      }
      const interceptor = nock(recorded.scope).intercept(recorded.path, recorded.method, recorded.body);
      interceptor.reply(recorded.status, recorded.response, headers);
      this.interceptors.push(interceptor);
    }
  }

  outgoing(url: string, body: string | undefined) {
    return {
      url: this.scrubber.scrub(url),
      body: body === undefined ? undefined : this.scrubber.scrub(body),
    };
  }

  incoming(body: string): string {
    return this.scrubber.restore(body);
  }

  async record(): Promise<void> {
    this.exchanges++;
    await this.deliverDue();
  }

  /** The stub gets the URL the recording gave the account, and then the call-outs the account sent it. */
  publishStub(stub: CallOutStub) {
    this.stubs.push(stub);
    void this.deliverDue();
    return { url: publishedStubPlaceholder(this.stubs.length), release: () => undefined };
  }

  /**
   * Hands the recorded call-outs now due to their stubs, in the recorded order: one the account
   * sent while a request was on its way is due when that request is answered, before the check
   * sees the answer; another once as many exchanges have been answered as had been when it came.
   * Only the ones due now are awaited: a stub's handler may itself send requests (and get here).
   */
  private async deliverDue(): Promise<void> {
    const due: Array<{ stub: CallOutStub; callOut: RecordedCallOut['callOut'] }> = [];
    for (;;) {
      const next = this.callOuts[this.delivered];
      const stub = next && this.stubs[next.stub - 1];
      if (!next || !stub || next.after + (next.inFlight ? 1 : 0) > this.exchanges) break;
      this.delivered++;
      due.push({ stub, callOut: next.callOut });
    }
    // With the values this test sent back in place of the recording's placeholders, as for answers.
    for (const { stub, callOut } of due) {
      const restored = {
        ...callOut,
        url: this.scrubber.restore(callOut.url),
        body: this.scrubber.restore(callOut.body),
      };
      await stub.receive(restored).catch(() => undefined);
    }
  }

  explainFailure(method: string, url: string, requestBody: string | undefined, error: Error): Error {
    return /Nock: (No match|Disallowed net connect)/.test(error.message)
      ? this.notRecorded(method, url, requestBody)
      : error;
  }

  /** nock answers 501 ERR_NOCK_NO_MATCH on a host it holds answers for, but none for this request. */
  reject(exchange: RawExchange): Error | undefined {
    return exchange.status === 501 && exchange.responseBody.includes('ERR_NOCK_NO_MATCH')
      ? this.notRecorded(exchange.method, exchange.url, exchange.requestBody)
      : undefined;
  }

  private notRecorded(method: string, url: string, requestBody: string | undefined): Error {
    const where = this.found ? this.file : `${this.file} (no cassette was recorded for this test)`;
    const body = requestBody ? ` with body ${requestBody}` : '';
    return new Error(`replay: the cassette holds no answer for ${method} ${url}${body}: ${where}`);
  }

  /** Removes what this session's cassette still holds (other sessions keep theirs). */
  async close(): Promise<void> {
    for (const interceptor of this.interceptors) nock.removeInterceptor(interceptor);
  }
}
