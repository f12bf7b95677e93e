/**
 * A server for the throughput benchmark, alone in its own process: `mock` (the embedded emulator)
 * or `bare <bytes>` (node:http answering every request with a static JSON body of that size).
 * Prints one JSON line with its URL; on SIGTERM prints its CPU time and exits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMock } from '../mock/server';
import { benchCredentials } from './credentials';

async function main(kind: string, size: number): Promise<void> {
  let url: string;
  let close: () => Promise<void>;
  if (kind === 'mock') {
    const mock = await startMock({ credentials: benchCredentials });
    url = mock.url;
    close = () => mock.close();
  } else {
    const body = Buffer.from(`{"sid":"${'x'.repeat(Math.max(0, size - 10))}"}`);
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
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
  }
  const started = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  process.once('SIGTERM', () => {
    const cpu = process.cpuUsage(started);
    process.stdout.write(`${JSON.stringify({ cpuMicros: cpu.user + cpu.system })}\n`);
    void close().then(() => process.exit(0));
  });
}

await main(process.argv[2] ?? 'bare', Number(process.argv[3] ?? 0));
