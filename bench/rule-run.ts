import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueChecks } from '../reports/build';
import type { ConformanceReport } from '../reports/model';
import { runSettingsVariable } from '../targets/run-settings';
import { endedChildrenCpuSeconds } from './process-memory';

export interface RuleRunFigures {
  /** The `--grep` of the run: one rule, whose checks sit in two spec files. */
  readonly rule: string;
  /** The checks the run ran (its report's). */
  readonly checks: number;
  readonly rounds: number;
  /** Median, from spawning `flex-conformance` to its exit. */
  readonly wallMs: number;
  /** Median CPU seconds of the command and every process it started (runner, workers). */
  readonly cpuSeconds: number | null;
}

const rule = 'FLEXFLOW-RETRYCOUNT-RANGE';

/**
 * `flex-conformance run --grep RULE` on the embedded mock, start to exit: what the self-tests do
 * about a hundred times. Almost all of it is starting and stopping the CLI, Playwright's runner and
 * its workers around a few checks, so it shows what a run costs beyond its checks.
 */
export async function measureRuleRun(root: string, rounds = 3): Promise<RuleRunFigures> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let checks = 0;
  for (let round = 0; round < rounds; round++) {
    const out = mkdtempSync(join(tmpdir(), 'flexconf-bench-rule-'));
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env[runSettingsVariable];
    delete env.PLAYWRIGHT_JSON_OUTPUT_NAME;
    try {
      const cpuBefore = endedChildrenCpuSeconds();
      const started = Date.now();
      const child = spawn(
        process.execPath,
        [join(root, 'cli', 'bin.mjs'), 'run', '--grep', rule, '--seed', '1', '--out', out],
        { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      const code = await new Promise<number | null>((done) => child.on('exit', (status) => done(status)));
      if (code !== 0) throw new Error(`flex-conformance run --grep ${rule} exited ${code}`);
      walls.push(Date.now() - started);
      const cpuAfter = endedChildrenCpuSeconds();
      if (cpuBefore !== null && cpuAfter !== null) cpus.push(cpuAfter - cpuBefore);
      const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
      checks = uniqueChecks(report.rules).length;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return {
    rule,
    checks,
    rounds,
    wallMs: median(walls),
    cpuSeconds: cpus.length === rounds ? Math.round(median(cpus) * 10) / 10 : null,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
