/**
 * `npm run bench`: how fast the suite and the mock are, each figure beside its goal, printed as
 * tables and as JSON.
 *
 *   npm run bench [-- --skip-full-run] [--full-runs N] [--staging] [--workers N] [--json FILE]
 *
 * `--skip-full-run` skips the runs of the suite: the full run (and Playwright alone in its shape)
 * and the one-rule run. `--full-runs N` measures the full run N times (default 3), each followed by
 * Playwright alone, and reports the median, fastest and slowest of each.
 * `--staging` adds the simulated staging run (minutes: it is paced by the account's rate limits).
 * Loopback only; every loop is bounded and stops by itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags, readInteger } from '../cli/args';
import { UsageError } from '../cli/errors';
import { listChecks } from '../cli/list-checks';
import type { BenchFigures, StagingFigures } from './figures';
import { benchFlags, jsonFileFlag } from './flags';
import { type FullRunFigures, measureFullRun, medianRound } from './full-run';
import { checkGoals } from './goals';
import { measurePace } from './machine-pace';
import { measurePlaywrightFloor, shapeOf } from './playwright-floor';
import { formatTables } from './report';
import { measureRoundTrip } from './round-trip';
import { measureRuleRun, type RuleRunFigures } from './rule-run';
import { measureThroughput } from './throughput';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));

const flags = benchFlags('bench', () => {
  const { values } = parseFlags('bench', process.argv.slice(2), {
    'skip-full-run': { type: 'boolean' },
    'full-runs': { type: 'string' },
    staging: { type: 'boolean' },
    workers: { type: 'string' },
    json: { type: 'string' },
  });
  for (const flag of ['full-runs', 'workers'] as const)
    if (values['skip-full-run'] && values[flag] !== undefined)
      throw new UsageError(`--${flag} applies to the full run, which --skip-full-run leaves out`);
  return {
    skipFullRun: values['skip-full-run'] === true,
    fullRuns: readInteger(values['full-runs'], '--full-runs', 3, 1, 20),
    staging: values.staging === true,
    workers: values.workers === undefined ? undefined : readInteger(values.workers, '--workers', 0, 1, 64),
    json: jsonFileFlag(values.json),
  };
});

const measuredAt = new Date().toISOString();
const oneMinuteLoad = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
const loadAverage = oneMinuteLoad();
const progress = (step: string) => process.stderr.write(`bench: ${step}…\n`);
const paceAtStart = measurePace();

let fullRun: FullRunFigures | null = null;
let playwrightFloor: FullRunFigures | null = null;
let ruleRun: RuleRunFigures | null = null;
if (!flags.skipFullRun) {
  progress(
    `full conformance run on the mock and Playwright alone in its shape, ${flags.fullRuns} ${flags.fullRuns === 1 ? 'time' : 'times'} each, alternating`,
  );
  const checks = await listChecks([]);
  const runs: FullRunFigures[] = [];
  const floors: FullRunFigures[] = [];
  for (let round = 0; round < flags.fullRuns; round++) {
    const run = await measureFullRun(flags.workers);
    runs.push(run);
    floors.push(await measurePlaywrightFloor(shapeOf(checks, run.workers)));
  }
  fullRun = medianRound(runs);
  playwrightFloor = medianRound(floors);
  progress('one-rule runs through the CLI');
  ruleRun = await measureRuleRun(root);
}
progress('Flex Flow round trips');
const roundTrip = await measureRoundTrip();
progress('mock, bare node:http and raw socket throughput under autocannon');
const throughput = await measureThroughput(benchDir);
if (flags.staging) progress('simulated staging run (minutes)');
const staging = flags.staging ? measureStaging() : null;
const paceAtEnd = measurePace();

const figures: BenchFigures = {
  measuredAt,
  node: process.version,
  cpus: availableParallelism(),
  loadAverage,
  loadAverageAtEnd: oneMinuteLoad(),
  paceMs: paceAtStart,
  paceAtEndMs: paceAtEnd,
  fullRun,
  playwrightFloor,
  ruleRun,
  roundTrip,
  throughput,
  staging,
};
const json = JSON.stringify({ ...figures, goals: checkGoals(figures) }, null, 2);
process.stdout.write(`${formatTables(figures).join('\n')}\n\n${json}\n`);
if (flags.json) writeFileSync(flags.json, `${json}\n`);

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
