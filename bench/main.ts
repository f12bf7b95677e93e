/**
 * `npm run bench`: how fast the suite and the mock are, printed as a table and as JSON.
 *
 *   npm run bench [-- --skip-full-run] [--workers N] [--json FILE]
 *
 * Loopback only; every loop is bounded and stops by itself.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchFigures } from './figures';
import { measureFullRun } from './full-run';
import { formatTables } from './report';
import { measureRoundTrip } from './round-trip';
import { measureThroughput } from './throughput';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));

const { values } = parseArgs({
  options: {
    'skip-full-run': { type: 'boolean' },
    workers: { type: 'string' },
    json: { type: 'string' },
  },
});

const measuredAt = new Date().toISOString();
const loadAverage = Math.round((loadavg()[0] ?? 0) * 100) / 100;
const progress = (step: string) => process.stderr.write(`bench: ${step}…\n`);

progress('full conformance run on the mock');
const fullRun = values['skip-full-run']
  ? null
  : await measureFullRun(root, values.workers ? Number(values.workers) : undefined);
progress('Flex Flow round trips');
const roundTrip = await measureRoundTrip();
progress('mock and bare node:http throughput');
const throughput = await measureThroughput(benchDir);

const figures: BenchFigures = {
  measuredAt,
  node: process.version,
  cpus: availableParallelism(),
  loadAverage,
  fullRun,
  roundTrip,
  throughput,
};
process.stdout.write(`${formatTables(figures).join('\n')}\n\n${JSON.stringify(figures, null, 2)}\n`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
