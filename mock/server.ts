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
import {
  type FaultCheck,
  faultyResponse,
  jsonContentType,
  parseForm,
  serializeJson,
} from './core/wire-faults';
import type { FaultName } from './faults';

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
  const app = new MockApp({ credentials, faults: options.faults, clock: options.clock });
  const faults: FaultCheck = (name) => app.context.fault(name);
  const server = createServer((request, response) => {
    handle(app, faults, credentials, request, response).catch((error: unknown) => {
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
  faults: FaultCheck,
  credentials: MockCredentials,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const method = request.method ?? 'GET';
  const rawUrl = request.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1));
  const domain = requestDomain(app, request, path);
  const body = method === 'POST' ? await text(request) : '';
  if (!domain) return send(response, errorResponse(notFound(path)), faults);

  const match = app.router.match(domain, method, path);
  if (match.kind === 'not-found') return send(response, errorResponse(notFound(path)), faults);
  if (match.kind === 'method-not-allowed')
    return send(response, errorResponse(methodNotAllowed(method)), faults);
  if (
    !match.route.public &&
    !isAuthorized(request.headers, credentials) &&
    !app.context.fault('auth-not-enforced')
  ) {
    return send(response, errorResponse(unauthenticated()), faults);
  }
  try {
    const result = await match.route.handler({
      method,
      domain,
      path,
      pathParams: match.pathParams,
      query,
      form: new Params(parseForm(body, faults)),
      origin: `http://${request.headers.host ?? '127.0.0.1'}`,
      headers: request.headers,
    });
    send(response, result, faults);
  } catch (error) {
    send(response, error instanceof TwilioError ? errorResponse(error) : internalError(error), faults);
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

const noFaults: FaultCheck = () => false;

function send(response: ServerResponse, answer: MockResponse, active: FaultCheck = noFaults): void {
  if (response.headersSent) return;
  const result = faultyResponse(answer, active);
  const headers: Record<string, string> = { ...result.headers };
  let payload: string | undefined;
  if (result.text !== undefined) {
    payload = result.text;
    headers['content-type'] = result.contentType ?? 'text/plain';
  } else if (result.body !== undefined) {
    payload = serializeJson(result.body, active);
    headers['content-type'] = jsonContentType(active);
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(result.status, headers);
  response.end(payload);
}
