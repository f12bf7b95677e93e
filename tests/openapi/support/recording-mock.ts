import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { type Domain, domainOfHost, forwardedHostHeader } from '../../../contracts/domains';
import { startMock } from '../../../mock/server';
import type { Exchange } from './response-schemas';

/**
 * The embedded mock behind a loopback relay that keeps every exchange (domain, method, path,
 * status, body) as a URL target's client sees it.
 */
export interface RecordingMock {
  readonly url: string;
  readonly exchanges: Exchange[];
  /** The routes the mock serves on `domain` (method and pattern), Twilio's platform webhooks left out. */
  routesOf(domain: Domain): readonly { method: string; pattern: string }[];
  close(): Promise<void>;
}

export async function startRecordingMock(credentials: {
  accountSid: string;
  authToken: string;
}): Promise<RecordingMock> {
  const mock = await startMock({ credentials });
  const exchanges: Exchange[] = [];
  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await text(incoming);
    const path = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    const { connection: _c, 'content-length': _l, 'transfer-encoding': _t, ...headers } = incoming.headers;
    const relayed = httpRequest(
      new URL(path, mock.url),
      { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (answer) => {
        text(answer).then(
          (answered) => {
            const domain = domainOfHost(String(incoming.headers[forwardedHostHeader] ?? ''));
            const status = answer.statusCode ?? 502;
            if (domain) exchanges.push({ domain, method, path, status, body: answered });
            const contentType = answer.headers['content-type'];
            outgoing.writeHead(status, contentType ? { 'content-type': contentType } : {}).end(answered);
          },
          () => outgoing.destroy(),
        );
      },
    );
    relayed.on('error', () => outgoing.destroy());
    relayed.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    routesOf: (domain) => mock.app.router.routesOf(domain).filter((route) => !route.public),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
    },
  };
}
