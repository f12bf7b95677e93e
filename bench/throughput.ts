import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { forwardedHostHeader } from '../contracts/domains';
import { benchCredentials } from './credentials';

export interface ThroughputRow {
  readonly concurrency: number;
  readonly mockPerSecond: number;
  readonly barePerSecond: number;
  /** mock ÷ bare: the figure that counts (both served from one process on the same machine). */
  readonly ratio: number;
  /** Server CPU time per request, microseconds. */
  readonly mockCpuMicros: number;
  readonly bareCpuMicros: number;
}

export interface ThroughputFigures {
  readonly responseBytes: number;
  readonly windowMs: number;
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
  'content-length': String(Buffer.byteLength(createBody)),
  [forwardedHostHeader]: 'flex-api.twilio.com',
  accept: 'application/json',
};

/**
 * Requests per second for a Flex Flow create at each concurrency, against the mock and against a
 * bare node:http server answering a static body of the same size. Each server runs alone in a
 * child process; the load comes from this process over keep-alive connections, for a fixed
 * window after a warm-up, `rounds` times per server, alternating.
 */
export async function measureThroughput(
  benchDir: string,
  levels: readonly number[] = [1, 8, 64],
  windowMs = 1_500,
  rounds = 2,
): Promise<ThroughputFigures> {
  const probe = await startServer(benchDir, 'mock', 0);
  const responseBytes = (await send(probe.url, new Agent({ keepAlive: true }))).bytes;
  await probe.stop();
  const rows: ThroughputRow[] = [];
  for (const concurrency of levels) {
    // alternate the two servers and keep each one's best window: a burst of other work on the
    // machine then costs a window, not the comparison
    const mockWindows = [];
    const bareWindows = [];
    for (let round = 0; round < rounds; round++) {
      mockWindows.push(await runLoad(benchDir, 'mock', responseBytes, concurrency, windowMs));
      bareWindows.push(await runLoad(benchDir, 'bare', responseBytes, concurrency, windowMs));
    }
    const mock = best(mockWindows);
    const bare = best(bareWindows);
    rows.push({
      concurrency,
      mockPerSecond: mock.perSecond,
      barePerSecond: bare.perSecond,
      ratio: Math.round((mock.perSecond / bare.perSecond) * 100) / 100,
      mockCpuMicros: mock.cpuMicrosPerRequest,
      bareCpuMicros: bare.cpuMicrosPerRequest,
    });
  }
  return { responseBytes, windowMs, rows };
}

function best<T extends { perSecond: number }>(windows: readonly T[]): T {
  return windows.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
}

async function runLoad(
  benchDir: string,
  kind: 'mock' | 'bare',
  size: number,
  concurrency: number,
  windowMs: number,
): Promise<{ perSecond: number; cpuMicrosPerRequest: number }> {
  const server = await startServer(benchDir, kind, size);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const warmUp = await load(server.url, agent, concurrency, 300);
    const started = performance.now();
    const count = await load(server.url, agent, concurrency, windowMs);
    const elapsed = performance.now() - started;
    const cpuMicros = await server.stop();
    return {
      perSecond: Math.round((count / elapsed) * 1000),
      // the server's CPU covers warm-up and window: divide by both
      cpuMicrosPerRequest: Math.round(cpuMicros / (count + warmUp)),
    };
  } finally {
    agent.destroy();
    server.kill();
  }
}

/** `concurrency` clients sending creates back to back until `ms` have passed; returns how many completed. */
async function load(url: string, agent: Agent, concurrency: number, ms: number): Promise<number> {
  const deadline = performance.now() + ms;
  let completed = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const { status } = await send(url, agent);
      if (status !== 201) throw new Error(`create answered ${status}`);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return completed;
}

function send(url: string, agent: Agent): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/FlexFlows`, { method: 'POST', agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
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

async function startServer(benchDir: string, kind: 'mock' | 'bare', size: number): Promise<ServerHandle> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(benchDir, 'server-process.ts'), kind, String(size)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
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
