import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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

/** The fields a webhook request carries: form-encoded (query string for GET) or a JSON body. */
export function fieldsOf(request: StubRequest): Record<string, unknown> {
  if (String(request.headers['content-type'] ?? '').includes('json'))
    return JSON.parse(request.body) as Record<string, unknown>;
  const source = request.method === 'GET' ? request.query : new URLSearchParams(request.body);
  return Object.fromEntries(source.entries());
}

/**
 * A server on 127.0.0.1 that a flow's make-http-request / run-function widgets (or a webhook) call:
 * it answers what the check configured for a path and records every request, calling `onRequest`
 * first so a check can observe the target's state at that moment.
 */
export class HttpStub {
  readonly requests: StubRequest[] = [];
  private readonly answers = new Map<string, StubAnswer | ((request: StubRequest) => StubAnswer)>();
  onRequest?: (request: StubRequest) => Promise<void>;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

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

  url(path: string): string {
    return this.origin + path;
  }

  /** Answers requests to `path` (query excluded) with this answer, or with what `answer` returns. */
  respond(path: string, answer: StubAnswer | ((request: StubRequest) => StubAnswer)): void {
    this.answers.set(path, answer);
  }

  respondJson(path: string, value: unknown): void {
    this.respond(path, { body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' });
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
    await this.onRequest?.(request).catch(() => undefined);
    this.requests.push(request);
    const answer = this.answers.get(url.pathname);
    if (!answer) return { status: 404, body: '{"error":"no answer configured"}' };
    return typeof answer === 'function' ? answer(request) : answer;
  }
}
