import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areas, catalog } from '../../contracts/rules';
import type { ConformanceReport } from '../../reports/model';
import { preflight } from '../../targets/open';
import { readRunConfig } from '../../targets/run-config';
import { parseFlags } from '../args';
import { exitCodes, UsageError } from '../errors';
import type { Command } from './index';

const root = fileURLToPath(new URL('../..', import.meta.url));

const help = `usage: flex-conformance run [options]

Runs the conformance checks against a target and writes the reports.

  --target T       mock (default: the embedded emulator), an http(s) base URL serving every
                   Twilio domain, or a domains .json file mapping each domain to a base URL
  --grep G         only checks for a rule id, an area, or a title pattern (repeatable)
  --runs N         fast-check runs per property (default 25)
  --seed S         fast-check seed; a failure prints the seed to replay it (default: random)
  --out DIR        where the reports go (default reports/out)
  --fault NAME     start the mock with a deliberate bug (repeatable; see: mock --list-faults)
  --workers N      parallel Playwright workers

credentials: TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_API_KEY + TWILIO_API_SECRET
exit codes: 0 every must rule that ran passed, 1 a must rule failed, 2 usage or configuration
error, 3 the run produced no report`;

export const runCommand: Command = {
  summary: 'run the conformance checks against a target and write the reports',
  help,
  async run(argv) {
    const { values } = parseFlags('run', argv, {
      target: { type: 'string' },
      grep: { type: 'string', multiple: true },
      runs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      fault: { type: 'string', multiple: true },
      workers: { type: 'string' },
    });
    const outDir = resolve(values.out ?? 'reports/out');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FLEXCONF_MODE: 'run',
      FLEXCONF_TARGET: values.target ?? 'mock',
      FLEXCONF_FAULTS: (values.fault ?? []).join(','),
      FLEXCONF_SEED: values.seed ?? String(randomInt(0, 2 ** 31 - 1)),
      FLEXCONF_RUNS: values.runs ?? '',
      FLEXCONF_OUT: outDir,
      FLEXCONF_RUN_ID: randomBytes(4).toString('hex'),
    };
    const config = readRunConfig(env);
    preflight(config, env);
    const workers = values.workers;
    if (workers !== undefined && !/^[1-9]\d*$/.test(workers))
      throw new UsageError(`--workers must be a positive integer (got "${workers}")`);

    process.stdout.write(
      `flex-conformance: target ${config.targetArg}${config.faults.length ? ` (faults: ${config.faults.join(', ')})` : ''}, seed ${config.seed} (replay with --seed ${config.seed}), ${config.runs} runs per property\n`,
    );
    const reportFile = join(outDir, 'conformance.json');
    rmSync(reportFile, { force: true });
    const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const args = [
      playwrightCli,
      'test',
      '-c',
      join(root, 'playwright.config.ts'),
      '--project',
      'conformance',
    ];
    const grep = (values.grep ?? []).map(grepPattern);
    if (grep.length > 0) args.push('--grep', grep.join('|'));
    if (workers) args.push('--workers', workers);
    const code = await new Promise<number>((done) => {
      const child = spawn(process.execPath, args, {
        cwd: root,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.once('SIGINT', forward);
      process.once('SIGTERM', forward);
      child.on('exit', (status) => {
        process.off('SIGINT', forward);
        process.off('SIGTERM', forward);
        done(status ?? exitCodes.internal);
      });
    });
    if (!existsSync(reportFile)) {
      process.stderr.write(`flex-conformance: the run produced no report (Playwright exited ${code})\n`);
      return exitCodes.internal;
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
    return report.verdict === 'pass' ? exitCodes.ok : exitCodes.failed;
  },
};

/** A rule id or area selects its tag exactly; anything else is a Playwright title pattern. */
export function grepPattern(value: string): string {
  if (catalog.some((rule) => rule.id === value) || (areas as readonly string[]).includes(value)) {
    return `@${value}(?![\\w-])`;
  }
  try {
    new RegExp(value);
  } catch {
    throw new UsageError(`--grep "${value}" is neither a rule id, an area, nor a valid pattern`);
  }
  return value;
}
