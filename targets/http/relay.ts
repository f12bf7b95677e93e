import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import type { Domain } from '../../contracts/domains';
import type { TwilioApi } from './client';

export interface Relay {
  /** A loopback origin to hand a client that makes its own HTTP requests. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A loopback origin that sends every request it receives through `api`, so a tool with its own
 * HTTP client (the Pact verifier) is paced, retried, budgeted, recorded and replayed like the
 * checks. The tool's Authorization header is replaced by the target's credentials.
 */
export async function startRelay(api: TwilioApi, domain: Domain): Promise<Relay> {
  const server = createServer((request, response) => {
    text(request)
      .then(async (body) => {
        const method = request.method ?? 'GET';
        const isForm = String(request.headers['content-type'] ?? '').startsWith(
          'application/x-www-form-urlencoded',
        );
        const form =
          isForm || (method === 'POST' && body) ? Object.fromEntries(new URLSearchParams(body)) : undefined;
        const answer = await api.send<unknown>(method, domain, request.url ?? '/', form ? { form } : {});
        const contentType = answer.headers['content-type'];
        response.writeHead(answer.status, contentType ? { 'content-type': contentType } : {});
        response.end(answer.text);
      })
      .catch((error: Error) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`relay: ${error.message.split('\n')[0]}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  openRelays.add(host);
  return {
    url: `http://${host}`,
    close: () =>
      new Promise<void>((resolve) => {
        openRelays.delete(host);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const openRelays = new Set<string>();

/**
 * Whether `host` (`127.0.0.1:port`) is a relay open in this process: the one connection a replay,
 * with the network otherwise locked down, lets through, since what the relay sends is replayed.
 */
export function isOpenRelay(host: string): boolean {
  return openRelays.has(host);
}
