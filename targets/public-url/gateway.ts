import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../types';
import { registeredPort } from './stub-registry';

/** The port `--stub-port` defaults to. */
export const defaultStubPort = 8787;

export interface CallOutGateway {
  readonly port: number;
  close(): Promise<void>;
}

/** Headers of the connection (the tunnel's), not of the request. */
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/**
 * The one port a tunnel points at (`--stub-port`): a request to `/<key>/<path>` reaches the stub a
 * check registered under that key, as `/<path>`; anything else gets 404 and reaches nothing.
 */
export async function startCallOutGateway(port: number, stateDir: string): Promise<CallOutGateway> {
  const server = createServer((incoming, outgoing) => forward(stateDir, incoming, outgoing));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          `--stub-port ${port}: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message})`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function forward(stateDir: string, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const url = incoming.url ?? '/';
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : url.slice(queryAt);
  const [, key = '', ...rest] = path.split('/');
  const stubPort = registeredPort(stateDir, key);
  if (!stubPort) {
    incoming.resume();
    outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('no stub of this run answers here\n');
    return;
  }
  const headers = Object.fromEntries(
    Object.entries(incoming.headers).filter(([name]) => !hopByHop.has(name)),
  );
  const upstream = httpRequest(
    {
      host: '127.0.0.1',
      port: stubPort,
      method: incoming.method,
      path: `/${rest.join('/')}${query}`,
      headers,
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  upstream.on('error', () => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
    outgoing.end('the stub is gone\n');
  });
  incoming.pipe(upstream);
}
