import { Scrubber, type Secrets } from '../http/redaction';
import type { RawExchange, TestIdentity } from '../types';
import { type CassetteInterceptor, writeTestCassette } from './format';

/** Response headers worth keeping: what the checks and the request policy read. */
const keptHeaders = ['content-type', 'retry-after'];

/**
 * Records one test's exchanges as nock definitions: every attempt in order (a 429 and its retry
 * are two entries), scrubbed of credentials, with account SIDs and phone numbers replaced by
 * placeholders. Written when the test ends.
 */
export class CassetteRecorder {
  private readonly interceptors: CassetteInterceptor[] = [];
  private readonly scrubber: Scrubber;

  constructor(
    private readonly dir: string,
    private readonly test: TestIdentity,
    secrets: Secrets,
  ) {
    this.scrubber = new Scrubber(secrets);
  }

  record(exchange: RawExchange): void {
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

  close(): void {
    writeTestCassette(this.dir, { test: this.test, interceptors: this.interceptors });
  }
}
