import type { IncomingHttpHeaders } from 'node:http';

/** What the mock accepts as HTTP Basic auth: the account SID with its auth token, or an API key with its secret. */
export interface MockCredentials {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiKey?: string;
  readonly apiSecret?: string;
}

export function isAuthorized(headers: IncomingHttpHeaders, credentials: MockCredentials): boolean {
  const header = headers.authorization;
  if (!header?.startsWith('Basic ')) return false;
  if (canonicalHeaders(credentials).includes(header)) return true;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  // An empty secret never authenticates: a mock given only an API key has an empty auth token.
  if (user === '' || password === '') return false;
  if (user === credentials.accountSid && password === credentials.authToken) return true;
  return (
    credentials.apiKey !== undefined && user === credentials.apiKey && password === credentials.apiSecret
  );
}

const canonical = new WeakMap<MockCredentials, readonly string[]>();

/**
 * The headers a client encoding the credentials the usual way sends, accepted without decoding
 * (every request carries one); any other encoding of them is decoded and compared as above.
 */
function canonicalHeaders(credentials: MockCredentials): readonly string[] {
  let headers = canonical.get(credentials);
  if (!headers) {
    const pairs: Array<[string, string | undefined]> = [
      [credentials.accountSid, credentials.authToken],
      [credentials.apiKey ?? '', credentials.apiSecret],
    ];
    headers = pairs
      .filter(([user, password]) => user !== '' && password)
      .map(([user, password]) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
    canonical.set(credentials, headers);
  }
  return headers;
}
