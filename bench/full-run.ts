import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableCompileCache } from '../cli/compile-cache.mjs';
import { areas, ruleById } from '../contracts/rules';
import { defaultRunSettings, writeRunSettings } from '../targets/run-settings';
import { endedChildrenCpuSeconds, sampleTreeMemory } from './process-memory';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface FullRunFigures {
  /** With several rounds, the median round's: its phases, checks and CPU time are that round's too. */
  readonly wallMs: number;
  /** How many times the run was measured, and its fastest and slowest wall time (absent from figures written before). */
  readonly rounds?: number;
  readonly wallMinMs?: number;
  readonly wallMaxMs?: number;
  /** From spawning Playwright to the first check starting: config, test files, worker start. */
  readonly startupMs: number;
  /** From the first check starting to the last one ending. */
  readonly checksMs: number;
  /** From the last check ending to the process exit: reporters, mock shutdown. */
  readonly teardownMs: number;
  readonly checks: number;
  readonly failed: number;
  readonly workers: number;
  /** Summed check durations per area (checks run in parallel, so these add up to more than checksMs). */
  readonly areas: ReadonlyArray<{
    readonly area: string;
    readonly checks: number;
    readonly durationMs: number;
  }>;
  /** Peak summed RSS of the runner and its workers (the mock runs inside the workers); the highest of the rounds. */
  readonly peakRssBytes: number | null;
  /** Peak summed PSS of the same processes: Node's code, which they share, counted once. */
  readonly peakPssBytes: number | null;
  /** CPU seconds of the runner and its workers: less swayed than wall time by other load on the machine. */
  readonly cpuSeconds: number | null;
}

interface JsonResult {
  readonly startTime: string;
  readonly duration: number;
  readonly status: string;
  readonly parallelIndex: number;
}
interface JsonSuite {
  readonly specs?: ReadonlyArray<{
    readonly tests: ReadonlyArray<{
      readonly annotations: ReadonlyArray<{ type: string; description?: string }>;
      readonly results: readonly JsonResult[];
    }>;
  }>;
  readonly suites?: readonly JsonSuite[];
}

/** The median round by wall time (the slower middle one of an even count), with the spread and the highest peaks of all. */
export function medianRound(runs: readonly FullRunFigures[]): FullRunFigures {
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const median = byWall[Math.floor(byWall.length / 2)];
  if (!median) throw new Error('no full run to summarise');
  const highest = (peak: (run: FullRunFigures) => number | null) =>
    runs.some((run) => peak(run) === null) ? null : Math.max(...runs.map((run) => peak(run) ?? 0));
  return {
    ...median,
    rounds: runs.length,
    wallMinMs: (byWall[0] as FullRunFigures).wallMs,
    wallMaxMs: (byWall.at(-1) as FullRunFigures).wallMs,
    peakRssBytes: highest((run) => run.peakRssBytes),
    peakPssBytes: highest((run) => run.peakPssBytes),
  };
}

/**
 * The full conformance run on the embedded mock, exactly as `flex-conformance run` starts it
 * (same config, project and environment; every rule, default property runs, fixed seed), with
 * Playwright's JSON reporter added for per-check start times.
 */
export async function measureFullRun(workers?: number): Promise<FullRunFigures> {
  const scratch = mkdtempSync(join(tmpdir(), 'flexconf-bench-'));
  try {
    const env = writeRunSettings(process.env, {
      ...defaultRunSettings(),
      mode: 'run',
      outDir: join(scratch, 'report'),
      runId: 'bench',
      stateDir: join(scratch, 'state'),
    });
    return await measurePlaywrightRun({
      cwd: root,
      env,
      args: [
        '-c',
        join(root, 'playwright.config.ts'),
        '--project',
        'conformance',
        '--reporter=json,./reports/reporter.ts',
        `--output=${join(scratch, 'artifacts')}`,
        ...(workers ? ['--workers', String(workers)] : []),
      ],
      jsonFile: join(scratch, 'results.json'),
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * One `playwright test` run with these arguments (its JSON reporter writing `jsonFile`), timed from
 * spawn to exit, its phases from the JSON's start times, its CPU and the peak memory of its
 * process tree. Started as the CLI starts its runs: with Node's compile cache, where Node has one.
 */
export async function measurePlaywrightRun(run: {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly args: readonly string[];
  readonly jsonFile: string;
}): Promise<FullRunFigures> {
  const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const env = { ...run.env, PLAYWRIGHT_JSON_OUTPUT_NAME: run.jsonFile };
  enableCompileCache(root, env);
  const cpuBefore = endedChildrenCpuSeconds();
  const started = Date.now();
  const child = spawn(process.execPath, [playwrightCli, 'test', ...run.args], {
    cwd: run.cwd,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const memory = sampleTreeMemory(child.pid ?? process.pid);
  await new Promise<void>((done) => child.on('exit', () => done()));
  const ended = Date.now();
  const peaks = memory.stop();
  const cpuAfter = endedChildrenCpuSeconds();
  const cpuSeconds =
    cpuBefore === null || cpuAfter === null ? null : Math.round((cpuAfter - cpuBefore) * 10) / 10;
  const report = JSON.parse(readFileSync(run.jsonFile, 'utf8')) as { suites: JsonSuite[] };
  return {
    ...summarise(report.suites, started, ended),
    peakRssBytes: peaks?.rssBytes ?? null,
    peakPssBytes: peaks?.pssBytes ?? null,
    cpuSeconds,
  };
}

function summarise(
  suites: readonly JsonSuite[],
  started: number,
  ended: number,
): Omit<FullRunFigures, 'cpuSeconds' | 'peakRssBytes' | 'peakPssBytes'> {
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  let checks = 0;
  let failed = 0;
  const slots = new Set<number>();
  const byArea = new Map<string, { checks: number; durationMs: number }>();
  const visit = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const rule = test.annotations.find((a) => a.type === 'rule')?.description;
        const area = (rule && ruleById(rule)?.area) ?? 'other';
        for (const result of test.results) {
          const start = Date.parse(result.startTime);
          first = Math.min(first, start);
          last = Math.max(last, start + result.duration);
          checks++;
          if (result.status !== 'passed' && result.status !== 'skipped') failed++;
          slots.add(result.parallelIndex);
          const entry = byArea.get(area) ?? { checks: 0, durationMs: 0 };
          entry.checks++;
          entry.durationMs += result.duration;
          byArea.set(area, entry);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of suites) visit(suite);
  if (checks === 0) first = last = started;
  const order = [...areas, 'other'];
  return {
    wallMs: ended - started,
    startupMs: first - started,
    checksMs: last - first,
    teardownMs: ended - last,
    checks,
    failed,
    workers: slots.size,
    areas: [...byArea.entries()]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([area, entry]) => ({ area, ...entry })),
  };
}
