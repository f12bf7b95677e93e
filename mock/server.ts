import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Domain, domainOfHost, forwardedHostHeader } from '../contracts/domains';
import { MockApp } from './app';
import type { Clock } from './context';
import { isAuthorized, type MockCredentials } from './core/auth';
import type { CallOutReach } from './core/call-outs';
import { lengthViolation } from './core/documented-lengths';
import {
  badRequest,
  headersTooLarge,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
  TwilioError,
  unauthenticated,
} from './core/errors';
import { Params } from './core/params';
import type { MockResponse } from './core/router';
import { writeAtTurnEnd } from './core/turn-writes';
import { type FaultName, faultLayer } from './faults';
import type { MatchedRoute, WireRequest, WireTransform } from './faults/fault';

export interface MockServerOptions {
  readonly host?: string;
  /** 0 (the default) picks a free ephemeral port. */
  readonly port?: number;
  readonly credentials?: MockCredentials;
  readonly faults?: readonly FaultName[];
  readonly clock?: Clock;
  /** The largest request body answered; a longer one gets 413 without being read. */
  readonly maxBodyBytes?: number;
  readonly callOuts?: CallOutReach;
}

export const defaultMaxBodyBytes = 1024 * 1024;
/** Node's own default, stated: a request line plus headers beyond it gets 431. */
const maxHeaderBytes = 16 * 1024;

export interface RunningMock {
  readonly url: string;
  readonly credentials: MockCredentials;
  readonly app: MockApp;
  close(): Promise<void>;
}

/** Credentials for a mock started without any: a fresh account SID and token, and an API key of that account with its secret. */
export function generatedCredentials(): MockCredentials {
  return {
    accountSid: `AC${randomBytes(16).toString('hex')}`,
    authToken: randomBytes(16).toString('hex'),
    apiKey: `SK${randomBytes(16).toString('hex')}`,
    apiSecret: randomBytes(16).toString('hex'),
  };
}

export async function startMock(options: MockServerOptions = {}): Promise<RunningMock> {
  const credentials = options.credentials ?? generatedCredentials();
  const layer = faultLayer(options.faults);
  const app = new MockApp({
    credentials,
    behaviour: layer.behaviour,
    clock: options.clock,
    ...(options.callOuts ? { callOuts: options.callOuts } : {}),
  });
  const wire = wireLayer(layer.wire, app);
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const server = createServer({ maxHeaderSize: maxHeaderBytes }, (request, response) => {
    handle(app, wire, credentials, maxBodyBytes, request, response).catch((error: unknown) => {
      send(response, internalError(error));
    });
  });
  server.on('clientError', answerMalformed);
  server.on('connect', (_request: IncomingMessage, socket: Socket) =>
    writeRaw(socket, methodNotAllowed('CONNECT')),
  );
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
  maxBodyBytes: number,
  incoming: IncomingMessage,
  response: ServerResponse,
) {
  const method = incoming.method ?? 'GET';
  const rawUrl = incoming.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  if (!isWellEscaped(path)) {
    send(response, errorResponse(badRequest('malformed percent-escape in the path')), { close: true });
    return;
  }
  const body = method === 'POST' ? await readBody(incoming, maxBodyBytes) : '';
  if (body === undefined) {
    send(response, errorResponse(payloadTooLarge(maxBodyBytes)), { close: true });
    return;
  }
  const request = wire.request({
    method,
    domain: requestDomain(app, incoming, path),
    path,
    query: new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1)),
    headers: incoming.headers,
    body,
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
  const form = new URLSearchParams(request.body);
  const tooLong = lengthViolation(domain, method, match.route.pattern, form);
  if (tooLong) return { result: errorResponse(tooLong), route };
  try {
    const result = await match.route.handler({
      method,
      domain,
      path,
      pathParams: match.pathParams,
      query: request.query,
      form: new Params(form, app.context.behaviour.wire),
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

function isWellEscaped(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The body as text, or undefined when it is longer than `limit` bytes: a declared Content-Length is
 * checked before reading, and a chunked body stops being read once it passes the limit.
 */
function readBody(incoming: IncomingMessage, limit: number): Promise<string | undefined> {
  if (Number(incoming.headers['content-length'] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        incoming.off('data', onData);
        incoming.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
  });
}

/** The HTTP parser's refusals (oversized headers, unknown method, malformed framing), answered as Twilio errors. */
function answerMalformed(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  writeRaw(
    socket,
    error.code === 'HPE_HEADER_OVERFLOW' ? headersTooLarge() : badRequest('malformed request'),
  );
}

function writeRaw(socket: Socket, error: TwilioError): void {
  const payload = JSON.stringify(error.toBody());
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n` +
      'Connection: close\r\n\r\n' +
      payload,
  );
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
function send(response: ServerResponse, result: MockResponse, options: { close?: boolean } = {}): void {
  if (response.headersSent) return;
  const headers: Record<string, string> = { ...result.headers };
  if (options.close) headers.connection = 'close';
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
  writeAtTurnEnd(() => response.end(payload));
}
