import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallOut, CallOutStub } from '../../targets/types';

export interface StubAnswer {
  readonly status?: number;
  readonly contentType?: string;
  readonly body: string;
}

export interface StubRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Why a check the target calls back (a widget's request, a webhook) cannot run on a real account. */
export const publicUrlMissing =
  'the check needs the target to call a server of the suite: on a real account that takes --public-url (a tunnel to --stub-port)';

/** The fields a webhook request carries: form-encoded (query string for GET) or a JSON body. */
export function fieldsOf(request: StubRequest): Record<string, unknown> {
  if (String(request.headers['content-type'] ?? '').includes('json'))
    return JSON.parse(request.body) as Record<string, unknown>;
  const source = request.method === 'GET' ? request.query : new URLSearchParams(request.body);
  return Object.fromEntries(source.entries());
}

/**
 * A server on 127.0.0.1 (reached through a public URL when the target runs elsewhere) that a flow's make-http-request / run-function widgets (or a webhook) call:
 * it answers what the check configured for a path and records every request, calling `onRequest`
 * first so a check can observe the target's state at that moment.
 */
export class HttpStub implements CallOutStub {
  readonly requests: StubRequest[] = [];
  private readonly answers = new Map<string, StubAnswer | ((request: StubRequest) => StubAnswer)>();
  onRequest?: (request: StubRequest) => Promise<void>;
  private readonly watchers: Array<(callOut: CallOut) => void> = [];
  /** Where the target's platform calls the stub: its loopback origin, or the public URL that reaches it. */
  private base: string;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {
    this.base = origin;
  }

  static async start(): Promise<HttpStub> {
    let stub: HttpStub | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        void stub
          ?.answer(
            request.method ?? 'GET',
            request.url ?? '/',
            Buffer.concat(chunks).toString('utf8'),
            request.headers,
          )
          .then((answer) => {
            response.writeHead(answer.status ?? 200, {
              'content-type': answer.contentType ?? 'application/json',
            });
            response.end(answer.body);
          });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    stub = new HttpStub(server, `http://127.0.0.1:${port}`);
    return stub;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The platform reaches the stub through `publicBase` (a tunnel to it), not at its loopback origin. */
  publishAt(publicBase: string): void {
    this.base = publicBase;
  }

  url(path: string): string {
    return this.base + path;
  }

  /** Answers requests to `path` (query excluded) with this answer, or with what `answer` returns. */
  respond(path: string, answer: StubAnswer | ((request: StubRequest) => StubAnswer)): void {
    this.answers.set(path, answer);
  }

  respondJson(path: string, value: unknown): void {
    this.respond(path, { body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' });
  }

  watch(listener: (callOut: CallOut) => void): void {
    this.watchers.push(listener);
  }

  async receive(callOut: CallOut): Promise<void> {
    await this.answer(
      callOut.method,
      callOut.url,
      callOut.body,
      callOut.contentType ? { 'content-type': callOut.contentType } : {},
    );
  }

  requestsTo(path: string): StubRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(
    method: string,
    rawUrl: string,
    body: string,
    headers: StubRequest['headers'],
  ): Promise<StubAnswer> {
    const url = new URL(rawUrl, this.origin);
    const request: StubRequest = { method, path: url.pathname, query: url.searchParams, body, headers };
    const contentType = headers['content-type'];
    for (const watcher of this.watchers)
      watcher({ method, url: rawUrl, body, ...(typeof contentType === 'string' ? { contentType } : {}) });
    await this.onRequest?.(request).catch(() => undefined);
    this.requests.push(request);
    const answer = this.answers.get(url.pathname);
    if (!answer) return { status: 404, body: '{"error":"no answer configured"}' };
    return typeof answer === 'function' ? answer(request) : answer;
  }
}
