import { spawnSync } from 'node:child_process';

/**
 * A fixed CPU workload (hashing, JSON round trips and a sort, no I/O), written out here so every
 * bench runs the same one, timed in a fresh Node process: the median of five rounds after one to
 * warm up, in milliseconds.
 */
const workload = `
const { createHash } = require('node:crypto');
const data = Buffer.alloc(1 << 20, 7);
const flows = Array.from({ length: 2000 }, (_, i) => ({
  sid: 'FO' + i.toString(16).padStart(32, '0'),
  friendly_name: 'flow ' + i,
  enabled: i % 2 === 0,
  integration: { url: 'https://example.com/' + i, retry_count: i % 4 },
}));
const work = () => {
  const hash = createHash('sha256');
  for (let i = 0; i < 16; i++) hash.update(data);
  hash.digest();
  for (let i = 0; i < 20; i++) JSON.parse(JSON.stringify(flows));
  flows.map((flow) => flow.sid).reverse().sort();
};
work();
const times = [];
for (let round = 0; round < 5; round++) {
  const started = performance.now();
  work();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
process.stdout.write(String(times[2]));
`;

/**
 * The machine's pace: how long the fixed workload takes now. Shared and virtual machines change
 * speed by tens of per cent within an hour, which moves every wall time and CPU time of the bench
 * with it; two bench runs compare fairly only at a similar pace, and a pace that moved between
 * the bench's start and end says the figures between were measured on a moving machine.
 */
export function measurePace(): number | null {
  const result = spawnSync(process.execPath, ['-e', workload], { encoding: 'utf8' });
  const ms = Number(result.stdout);
  return result.status === 0 && Number.isFinite(ms) ? Math.round(ms * 10) / 10 : null;
}
