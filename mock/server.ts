import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { type Domain, domainOfHost, forwardedHostHeader } from '../contracts/domains';
import { MockApp } from './app';
import type { Clock } from './context';
import { isAuthorized, type MockCredentials } from './core/auth';
import { methodNotAllowed, notFound, TwilioError, unauthenticated } from './core/errors';
import { Params } from './core/params';
import type { MockResponse } from './core/router';
import { type FaultName, faultLayer } from './faults';
import type { MatchedRoute, WireRequest, WireTransform } from './faults/fault';

export interface MockServerOptions {
  readonly host?: string;
  /** 0 (the default) picks a free ephemeral port. */
  readonly port?: number;
  readonly credentials?: MockCredentials;
  readonly faults?: readonly FaultName[];
  readonly clock?: Clock;
}

export interface RunningMock {
  readonly url: string;
  readonly credentials: MockCredentials;
  readonly app: MockApp;
  close(): Promise<void>;
}

/** Credentials for a mock started without any: a fresh account SID and token each time. */
export function generatedCredentials(): MockCredentials {
  return { accountSid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex') };
}

export async function startMock(options: MockServerOptions = {}): Promise<RunningMock> {
  const credentials = options.credentials ?? generatedCredentials();
  const layer = faultLayer(options.faults);
  const app = new MockApp({
    credentials,
    behaviour: layer.behaviour,
    clock: options.clock,
  });
  const wire = wireLayer(layer.wire, app);
  const server = createServer((request, response) => {
    handle(app, wire, credentials, request, response).catch((error: unknown) => {
      send(response, internalError(error));
    });
  });
  server.keepAliveTimeout = 5_000;
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  app.setOrigin(url);
  return {
    url,
    credentials,
    app,
    close: () =>
      new Promise<void>((resolve) => {
        app.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The wire transforms in force, applied in order to every request and every response. */
interface WireLayer {
  request(request: WireRequest): WireRequest;
  response(
    response: MockResponse,
    request: WireRequest,
    route: MatchedRoute | undefined,
  ): Promise<MockResponse>;
}

function wireLayer(transforms: readonly WireTransform[], app: MockApp): WireLayer {
  return {
    request: (request) =>
      transforms.reduce(
        (current, transform) => transform.request?.(current, app.context) ?? current,
        request,
      ),
    response: async (response, request, route) => {
      let current = response;
      for (const transform of transforms) {
        if (transform.response) current = await transform.response(current, request, route, app.context);
      }
      return current;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function handle(
  app: MockApp,
  wire: WireLayer,
  credentials: MockCredentials,
  incoming: IncomingMessage,
  response: ServerResponse,
) {
  const method = incoming.method ?? 'GET';
  const rawUrl = incoming.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const request = wire.request({
    method,
    domain: requestDomain(app, incoming, path),
    path,
    query: new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1)),
    headers: incoming.headers,
    body: method === 'POST' ? await text(incoming) : '',
  });
  const { result, route } = await answer(app, credentials, request);
  send(response, await wire.response(result, request, route));
}

/** The emulator's answer to a request, and the route that gave it (none for a 404 or 405). */
async function answer(
  app: MockApp,
  credentials: MockCredentials,
  request: WireRequest,
): Promise<{ result: MockResponse; route?: MatchedRoute }> {
  const { domain, method, path } = request;
  if (!domain) return { result: errorResponse(notFound(path)) };
  const match = app.router.match(domain, method, path);
  if (match.kind === 'not-found') return { result: errorResponse(notFound(path)) };
  if (match.kind === 'method-not-allowed') return { result: errorResponse(methodNotAllowed(method)) };
  const route = { domain, method, pattern: match.route.pattern };
  if (!match.route.public && !isAuthorized(request.headers, credentials)) {
    return { result: errorResponse(unauthenticated()), route };
  }
  try {
    const result = await match.route.handler({
      method,
      domain,
      path,
      pathParams: match.pathParams,
      query: request.query,
      form: new Params(new URLSearchParams(request.body), app.context.behaviour.wire),
      origin: `http://${request.headers.host ?? '127.0.0.1'}`,
      headers: request.headers,
    });
    return { result, route };
  } catch (error) {
    return {
      result: error instanceof TwilioError ? errorResponse(error) : internalError(error),
      route,
    };
  }
}

/** The domain a request is for: the forwarded Twilio host, the Host header, or else the one domain serving the path. */
function requestDomain(app: MockApp, request: IncomingMessage, path: string): Domain | undefined {
  const forwarded = request.headers[forwardedHostHeader];
  const named =
    domainOfHost(Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? domainOfHost(request.headers.host);
  return named ?? app.router.domainsServing(path)[0];
}

function errorResponse(error: TwilioError): MockResponse {
  return { status: error.status, body: error.toBody() };
}

function internalError(error: unknown): MockResponse {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: new TwilioError(500, 20500, `Internal Server Error: ${message}`).toBody() };
}

/** A response on the wire: `text` with its content type, or `body` as JSON (with `contentType` if one is given). */
function send(response: ServerResponse, result: MockResponse): void {
  if (response.headersSent) return;
  const headers: Record<string, string> = { ...result.headers };
  let payload: string | undefined;
  if (result.text !== undefined) {
    payload = result.text;
    headers['content-type'] = result.contentType ?? 'text/plain';
  } else if (result.body !== undefined) {
    payload = JSON.stringify(result.body);
    headers['content-type'] = result.contentType ?? 'application/json; charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(result.status, headers);
  response.end(payload);
}
