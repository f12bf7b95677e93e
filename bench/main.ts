/**
 * `npm run bench`: how fast the suite and the mock are, each figure beside its goal, printed as
 * tables and as JSON.
 *
 *   npm run bench [-- --skip-full-run] [--staging] [--workers N] [--json FILE]
 *
 * `--skip-full-run` skips the runs of the suite: the full run and the one-rule run.
 * `--staging` adds the simulated staging run (minutes: it is paced by the account's rate limits).
 * Loopback only; every loop is bounded and stops by itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchFigures, StagingFigures } from './figures';
import { type FullRunFigures, measureFullRun } from './full-run';
import { checkGoals } from './goals';
import { formatTables } from './report';
import { measureRoundTrip } from './round-trip';
import { measureRuleRun, type RuleRunFigures } from './rule-run';
import { measureThroughput } from './throughput';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));

const { values } = parseArgs({
  options: {
    'skip-full-run': { type: 'boolean' },
    staging: { type: 'boolean' },
    workers: { type: 'string' },
    json: { type: 'string' },
  },
});

const measuredAt = new Date().toISOString();
const oneMinuteLoad = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
const loadAverage = oneMinuteLoad();
const progress = (step: string) => process.stderr.write(`bench: ${step}…\n`);

let fullRun: FullRunFigures | null = null;
let ruleRun: RuleRunFigures | null = null;
if (!values['skip-full-run']) {
  progress('full conformance run on the mock');
  fullRun = await measureFullRun(root, values.workers ? Number(values.workers) : undefined);
  progress('one-rule runs through the CLI');
  ruleRun = await measureRuleRun(root);
}
progress('Flex Flow round trips');
const roundTrip = await measureRoundTrip();
progress('mock, bare node:http and raw socket throughput under autocannon');
const throughput = await measureThroughput(benchDir);
if (values.staging) progress('simulated staging run (minutes)');
const staging = values.staging ? measureStaging() : null;

const figures: BenchFigures = {
  measuredAt,
  node: process.version,
  cpus: availableParallelism(),
  loadAverage,
  loadAverageAtEnd: oneMinuteLoad(),
  fullRun,
  ruleRun,
  roundTrip,
  throughput,
  staging,
};
const json = JSON.stringify({ ...figures, goals: checkGoals(figures) }, null, 2);
process.stdout.write(`${formatTables(figures).join('\n')}\n\n${json}\n`);
if (values.json) writeFileSync(values.json, `${json}\n`);

/** `npm run bench:staging` in a process of its own, its figures read back from its JSON file. */
function measureStaging(): StagingFigures {
  const scratch = mkdtempSync(join(tmpdir(), 'flexconf-bench-staging-'));
  const file = join(scratch, 'staging.json');
  try {
    spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, 'staging-run.ts'), '--json', file], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return JSON.parse(readFileSync(file, 'utf8')) as StagingFigures;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
