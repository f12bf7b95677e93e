import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bundledEntry } from '../cli/bundled-cli.mjs';
import { forwardedHostHeader } from '../contracts/domains';
import { benchCredentials } from './credentials';
import type { LoadRequest, LoadResult } from './load-process';

type ServerKind = 'mock' | 'bare' | 'raw';

export interface ThroughputRow {
  readonly concurrency: number;
  readonly mockPerSecond: number;
  readonly barePerSecond: number;
  /** The load generator against a canned answer written to the socket: its own ceiling. */
  readonly ceilingPerSecond: number;
  /** mock ÷ bare: the figure that counts (both served from one process on the same machine). */
  readonly ratio: number;
  /** Server CPU time per request, microseconds. */
  readonly mockCpuMicros: number;
  readonly bareCpuMicros: number;
}

export interface ThroughputFigures {
  readonly generator: string;
  readonly responseBytes: number;
  readonly windowSeconds: number;
  readonly rounds: number;
  readonly rows: readonly ThroughputRow[];
}

const createBody = new URLSearchParams({
  FriendlyName: 'bench flow',
  ChatServiceSid: `IS${'c'.repeat(32)}`,
  ChannelType: 'web',
  IntegrationType: 'studio',
  'Integration.FlowSid': `FW${'d'.repeat(32)}`,
  ContactIdentity: '+15005550006',
  Enabled: 'true',
}).toString();

const headers = {
  authorization: `Basic ${Buffer.from(`${benchCredentials.accountSid}:${benchCredentials.authToken}`).toString('base64')}`,
  'content-type': 'application/x-www-form-urlencoded',
  [forwardedHostHeader]: 'flex-api.twilio.com',
  accept: 'application/json',
};

/**
 * Requests per second for a Flex Flow create at each concurrency, against the mock, against a bare
 * node:http server answering a static body of the same size, and against a raw TCP responder that
 * writes that answer without parsing HTTP (the load generator's ceiling). Each server runs alone in
 * a child process and the load comes from autocannon in another, for a fixed window after a
 * warm-up, `rounds` times per server, alternating.
 */
export async function measureThroughput(
  benchDir: string,
  levels: readonly number[] = [1, 8, 64],
  windowSeconds = 2,
  rounds = 2,
): Promise<ThroughputFigures> {
  const server = await serverCommand(benchDir);
  const probe = await startServer(server, 'mock', 0);
  const responseBytes = await probeResponseBytes(probe.url);
  await probe.stop();
  const rows: ThroughputRow[] = [];
  for (const concurrency of levels) {
    // alternate the servers and keep each one's best window: a burst of other work on the machine
    // then costs a window, not the comparison
    const windows: Record<ServerKind, Window[]> = { mock: [], bare: [], raw: [] };
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['mock', 'bare', 'raw'] as const)
        windows[kind].push(
          await runWindow(benchDir, server, kind, responseBytes, concurrency, windowSeconds),
        );
    }
    const mock = best(windows.mock);
    const bare = best(windows.bare);
    rows.push({
      concurrency,
      mockPerSecond: mock.perSecond,
      barePerSecond: bare.perSecond,
      ceilingPerSecond: best(windows.raw).perSecond,
      ratio: Math.round((mock.perSecond / bare.perSecond) * 100) / 100,
      mockCpuMicros: mock.cpuMicrosPerRequest,
      bareCpuMicros: bare.cpuMicrosPerRequest,
    });
  }
  return { generator: 'autocannon, own process', responseBytes, windowSeconds, rounds, rows };
}

interface Window {
  readonly perSecond: number;
  readonly cpuMicrosPerRequest: number;
}

function best(windows: readonly Window[]): Window {
  return windows.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
}

async function runWindow(
  benchDir: string,
  serverArgs: readonly string[],
  kind: ServerKind,
  size: number,
  concurrency: number,
  seconds: number,
): Promise<Window> {
  const server = await startServer(serverArgs, kind, size);
  try {
    const load = await generateLoad(benchDir, {
      url: server.url,
      connections: concurrency,
      seconds,
      warmUpSeconds: 0.5,
      headers,
      body: createBody,
    });
    if (load.failures > 0) throw new Error(`${kind}: ${load.failures} creates failed under load`);
    const cpuMicros = await server.stop();
    // the server's CPU covers warm-up and window; autocannon's total counts only the window
    return { perSecond: load.perSecond, cpuMicrosPerRequest: Math.round(cpuMicros / load.requests) };
  } finally {
    server.kill();
  }
}

async function generateLoad(benchDir: string, load: LoadRequest): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(benchDir, 'load-process.ts'), JSON.stringify(load)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return JSON.parse(line) as LoadResult;
  throw new Error('the load generator ended without a result');
}

/** The size of the mock's create response, so the bare servers answer as many bytes. */
function probeResponseBytes(url: string): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  return new Promise((resolve, reject) => {
    const sent = { ...headers, 'content-length': String(Buffer.byteLength(createBody)) };
    const req = request(`${url}/v1/FlexFlows`, { method: 'POST', agent, headers: sent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        res.statusCode === 201 ? resolve(bytes) : reject(new Error(`create answered ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(createBody);
  });
}

interface ServerHandle {
  readonly url: string;
  /** Stops the server and returns the CPU time it used while serving, in microseconds. */
  stop(): Promise<number>;
  kill(): void;
}

/**
 * Node's arguments for the server process: its code bundled by esbuild, as the CLI's `mock` command
 * runs the mock, or through tsx where no bundle can be built (tsx's keep-names helpers then add a
 * few per cent to every server's time).
 */
async function serverCommand(benchDir: string): Promise<readonly string[]> {
  const entry = join(benchDir, 'server-process.ts');
  const root = join(benchDir, '..');
  const bundle = await bundledEntry(
    root,
    entry,
    join(root, 'node_modules', '.cache', 'flex-conformance', 'bench-server'),
  );
  return bundle ? [fileURLToPath(bundle)] : ['--import', 'tsx', entry];
}

async function startServer(
  serverArgs: readonly string[],
  kind: ServerKind,
  size: number,
): Promise<ServerHandle> {
  const child: ChildProcess = spawn(process.execPath, [...serverArgs, kind, String(size)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  lines.on('line', (line) => {
    messages.push(JSON.parse(line) as Record<string, unknown>);
    waiters.shift()?.();
  });
  const next = async (): Promise<Record<string, unknown>> => {
    if (messages.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return messages.shift() as Record<string, unknown>;
  };
  const { url } = (await next()) as { url: string };
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      const { cpuMicros } = (await next()) as { cpuMicros: number };
      return cpuMicros;
    },
    kill: () => child.kill('SIGKILL'),
  };
}
