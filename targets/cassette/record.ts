import { Scrubber, type Secrets } from '../http/redaction';
import type { CallOutStub, RawExchange, TestIdentity } from '../types';
import {
  type CassetteInterceptor,
  publishedStubPlaceholder,
  type RecordedCallOut,
  writeTestCassette,
} from './format';

/** Response headers worth keeping: what the checks and the request policy read. */
const keptHeaders = ['content-type', 'retry-after'];

/**
 * Records one test's exchanges as nock definitions: every attempt in order (a 429 and its retry
 * are two entries), scrubbed of credentials, with account SIDs and phone numbers replaced by
 * placeholders. Written when the test ends.
 */
export class CassetteRecorder {
  private readonly interceptors: CassetteInterceptor[] = [];
  private readonly callOuts: RecordedCallOut[] = [];
  private stubs = 0;
  /** A request of the test is on its way and not answered yet. */
  private sending = false;
  private readonly scrubber: Scrubber;

  constructor(
    private readonly dir: string,
    private readonly test: TestIdentity,
    secrets: Secrets,
  ) {
    this.scrubber = new Scrubber(secrets);
  }

  noteSending(): void {
    this.sending = true;
  }

  record(exchange: RawExchange): void {
    this.sending = false;
    const url = new URL(this.scrubber.scrub(exchange.url));
    const body = exchange.requestBody === undefined ? undefined : this.scrubber.scrub(exchange.requestBody);
    const rawHeaders = keptHeaders.flatMap((name) => {
      const value = exchange.responseHeaders[name];
      return value === undefined ? [] : [name, value];
    });
    this.interceptors.push({
      scope: url.origin,
      method: exchange.method.toUpperCase(),
      path: url.pathname + url.search,
      ...(body === undefined ? {} : { body }),
      status: exchange.status,
      response: this.scrubber.scrub(exchange.responseBody),
      rawHeaders,
    });
  }

  /**
   * Keeps every call-out `stub` receives, in order among the test's exchanges; its public URL (which
   * holds the key that opens the tunnel) is written as the test's stub number.
   */
  recordCallOuts(stub: CallOutStub, publishedUrl: string): void {
    const number = ++this.stubs;
    this.scrubber.replaceLiteral(publishedUrl, publishedStubPlaceholder(number));
    stub.watch((callOut) => {
      this.callOuts.push({
        stub: number,
        after: this.interceptors.length,
        inFlight: this.sending,
        callOut: {
          ...callOut,
          url: this.scrubber.scrub(callOut.url),
          body: this.scrubber.scrub(callOut.body),
        },
      });
    });
  }

  close(): void {
    writeTestCassette(this.dir, {
      test: this.test,
      interceptors: this.interceptors,
      ...(this.callOuts.length ? { callOuts: this.callOuts } : {}),
    });
  }
}
