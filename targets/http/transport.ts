// The modules, not their named exports: an interceptor (nock, on record and replay) replaces
// `request` on the module after this file is loaded, and an ES named import would keep the original.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

export interface WireRequest {
  readonly method: string;
  readonly url: string;
  /** Sent as given: nothing is added but Host, Content-Length and Connection. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The whole exchange, connecting included, must end within this long. */
  readonly timeoutMs: number;
}

export interface WireResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with `, ` (`set-cookie` with a line break). */
  readonly headers: Record<string, string>;
  readonly text: string;
}

/** A request that got no complete answer in time. The request policy retries idempotent ones. */
class WireTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`Timeout ${timeoutMs}ms exceeded`);
    this.name = 'TimeoutError';
  }
}

/** One per process: every client of the process reuses its connections. */
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * Sends one request over node:http or node:https (by the URL's protocol) on a kept-alive
 * connection, following no redirect, and gives back the answer as received. Errors name the
 * failure (`connect ECONNREFUSED …`, `socket hang up`, a timeout), never the request's headers.
 */
export function sendOnWire(request: WireRequest): Promise<WireResponse> {
  const url = new URL(request.url);
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:')
    return Promise.reject(new Error(`unsupported protocol ${url.protocol} (http: or https: only)`));
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  return new Promise<WireResponse>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(withoutSecrets(error, request.headers));
    };
    const send = secure ? https.request : http.request;
    const outgoing = send(
      url,
      { method: request.method, headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', fail);
        incoming.on('aborted', () => fail(new Error('socket hang up')));
        incoming.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: incoming.statusCode ?? 0,
            headers: flatHeaders(incoming.headers),
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    timer = setTimeout(() => {
      fail(new WireTimeout(request.timeoutMs));
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on('error', fail);
    outgoing.end(request.body);
  });
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '\n' : ', ') : value;
  }
  return flat;
}

/**
 * An interceptor (nock) may describe the unanswered request, headers included, in its error:
 * the Authorization value never leaves here.
 */
function withoutSecrets(error: Error, headers: Readonly<Record<string, string>>): Error {
  const secret = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  if (!secret || !error.message.includes(secret)) return error;
  const clean = new Error(error.message.split(secret).join('[redacted]'));
  clean.name = error.name;
  return clean;
}
