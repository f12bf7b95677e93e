/**
 * A server for the throughput benchmark, alone in its own process: `mock` (the embedded emulator),
 * `bare <bytes>` (node:http answering every request with a static JSON body of that size) or
 * `raw <bytes>` (the same answer written straight to the TCP socket without parsing HTTP: the
 * load generator's own ceiling). Prints one JSON line with its URL; on SIGTERM prints its CPU
 * time and exits.
 */
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { startMock } from '../mock/server';
import { benchCredentials } from './credentials';

async function main(kind: string, size: number): Promise<void> {
  let url: string;
  let close: () => Promise<void>;
  if (kind === 'mock') {
    const mock = await startMock({ credentials: benchCredentials });
    url = mock.url;
    close = () => mock.close();
  } else if (kind === 'raw') {
    const sockets = new Set<Socket>();
    const server = rawResponder(staticBody(size), sockets);
    ({ url, close } = await listen(server, () => {
      for (const socket of sockets) socket.destroy();
    }));
  } else {
    const body = staticBody(size);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.length),
    };
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(201, headers);
        res.end(body);
      });
    });
    server.keepAliveTimeout = 5_000;
    ({ url, close } = await listen(server, () => server.closeAllConnections()));
  }
  const started = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  process.once('SIGTERM', () => {
    const cpu = process.cpuUsage(started);
    process.stdout.write(`${JSON.stringify({ cpuMicros: cpu.user + cpu.system })}\n`);
    void close().then(() => process.exit(0));
  });
}

function staticBody(size: number): Buffer {
  return Buffer.from(`{"sid":"${'x'.repeat(Math.max(0, size - 10))}"}`);
}

/**
 * Answers each request the generator sends (one `POST ` request line each) with a canned 201,
 * counting request lines across chunk boundaries and never reading headers or bodies.
 */
function rawResponder(body: Buffer, sockets: Set<Socket>): Server {
  const response = Buffer.concat([
    Buffer.from(
      `HTTP/1.1 201 Created\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${body.length}\r\n\r\n`,
    ),
    body,
  ]);
  const marker = 'POST /';
  return createTcpServer((socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let tail = '';
    socket.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      let answers = 0;
      for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) answers++;
      tail = text.slice(-(marker.length - 1));
      if (answers > 0) socket.write(answers === 1 ? response : Buffer.concat(Array(answers).fill(response)));
    });
    socket.on('error', () => socket.destroy());
  });
}

async function listen(
  server: Server,
  dropConnections: () => void = () => {},
): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        dropConnections();
        server.close(() => resolve());
      }),
  };
}

await main(process.argv[2] ?? 'bare', Number(process.argv[3] ?? 0));
