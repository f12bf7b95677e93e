/**
 * The throughput benchmark's load generator, alone in its own process so the servers it measures
 * never share a CPU budget with it: autocannon sending Flex Flow creates over keep-alive
 * connections. Argument: one JSON `LoadRequest`. Prints one JSON `LoadResult` line.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface LoadResult {
  readonly perSecond: number;
  readonly requests: number;
  /** Answers other than 2xx, errors and timeouts: any of them spoils the window. */
  readonly failures: number;
}

const load = JSON.parse(process.argv[2] ?? '{}') as LoadRequest;
const result = await autocannon({
  url: `${load.url}/v1/FlexFlows`,
  connections: load.connections,
  duration: load.seconds,
  method: 'POST',
  headers: load.headers,
  body: load.body,
  warmup: { connections: load.connections, duration: load.warmUpSeconds },
});
const answer: LoadResult = {
  perSecond: Math.round(result['2xx'] / result.duration),
  requests: result.requests.total,
  failures: result.non2xx + result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(answer)}\n`);
