import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areas, catalog } from '../../contracts/rules';
import { clearReports } from '../../reports/files';
import type { ConformanceReport } from '../../reports/model';
import { redactor } from '../../reports/redact';
import { parseShard } from '../../reports/shard';
import { preflight } from '../../targets/open';
import { beginRun } from '../../targets/run-session';
import { defaultSeed, type RunSettings, writeRunSettings } from '../../targets/run-settings';
import { newRunId } from '../../targets/twilio/run-tag';
import { parseFlags } from '../args';
import { exitCodes, UsageError } from '../errors';
import {
  appliesToTarget,
  applyExpectedFailures,
  describeGate,
  type ExpectedFailure,
  readExpectedFailures,
  writeGate,
} from '../expected-failures';
import { listChecks } from '../list-checks';
import { prepareOutputDir } from '../output-dir';
import { realAccountFlags, realAccountHelp } from '../real-account-flags';
import { oneWorkerBelowChecks, runWorkers } from '../run-workers';
import {
  formatCheckList,
  planSelection,
  readLastFailed,
  selectionFilters,
  specFileFilters,
} from '../selection';
import { settingsFromFlags } from '../settings-from-flags';
import type { Command } from './command';

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
  --workers N      parallel Playwright workers (default: one per CPU on the mock, one for fewer than
                   ${oneWorkerBelowChecks} checks there; more on a URL or a real account, where the checks mostly wait)
  --shard I/N      run the I-th of N parts (one machine each); \`report merge\` joins the reports.
                   Without --seed, every shard uses the seed ${defaultSeed} so the parts agree
  --list           print the checks the selection would run (and their rules), run nothing
  --last-failed    run again the checks that failed in the report in --out (with its seed,
                   unless --seed is given)
  --progress       a line per finished check, failures with what was sent and what came back
                   (the default when stdout is a terminal)
  --quiet          no line per check, only the summary (the default when stdout is not a terminal)

A run narrowed by --grep, --shard, --last-failed or --expected-failures is a partial run: the
reports say what selected it, and rules it left out are "not selected" (not "untested").
${realAccountHelp}

credentials: TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_API_KEY + TWILIO_API_SECRET
exit codes: 0 every must rule that ran passed, 1 a must rule failed or the run was incomplete,
2 usage or configuration error, 3 the run produced no report`;

export const runCommand: Command = {
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
      shard: { type: 'string' },
      list: { type: 'boolean' },
      'last-failed': { type: 'boolean' },
      progress: { type: 'boolean' },
      quiet: { type: 'boolean' },
      ...realAccountFlags,
    });
    if (values.shard !== undefined && !parseShard(values.shard))
      throw new UsageError(`--shard must be INDEX/TOTAL with 1 <= INDEX <= TOTAL (got "${values.shard}")`);
    let settings = await settingsFromFlags(
      { ...values, seed: values.seed ?? String(values.shard ? defaultSeed : randomInt(0, 2 ** 31 - 1)) },
      { mode: 'run', runId: newRunId() },
    );
    const { outDir } = settings;
    const grep = (settings.grep ?? []).map(grepPattern);
    const lastFailed = values['last-failed'] ? readLastFailed(outDir, settings.stateDir) : undefined;
    const request = { grep: settings.grep, grepPatterns: grep, shard: values.shard, lastFailed };
    if (values.list) return listSelection(selectionFilters(request));
    preflight(settings);
    const expectedFailuresFile = values['expected-failures'];
    const expectedFailures = expectedFailuresFile ? readExpectedFailures(expectedFailuresFile) : undefined;
    const workers = values.workers;
    if (workers !== undefined && !/^[1-9]\d*$/.test(workers))
      throw new UsageError(`--workers must be a positive integer (got "${workers}")`);
    const { selection, specFiles, checks } = await planSelection({
      ...request,
      ...(expectedFailuresFile && expectedFailures
        ? {
            expectedFailures: {
              file: expectedFailuresFile,
              rules: rulesExpectedHere(expectedFailures, settings),
            },
          }
        : {}),
    });
    settings = {
      ...settings,
      ...(lastFailed && values.seed === undefined ? { seed: lastFailed.seed } : {}),
      ...(selection ? { selection } : {}),
    };
    // every argument is checked by now: only from here on is anything written
    prepareOutputDir(outDir, '--out');
    if (settings.recordDir) prepareOutputDir(settings.recordDir, '--record');

    process.stdout.write(
      redactor()(
        `flex-conformance: target ${settings.targetArg}${settings.faults.length ? ` (faults: ${settings.faults.join(', ')})` : ''}, seed ${settings.seed} (replay with --seed ${settings.seed}), ${settings.runs} runs per property\n`,
      ),
    );
    const session = await beginRun(settings, process.env);
    for (const line of session?.announcement ?? []) process.stdout.write(`${redactor()(line)}\n`);
    const reportFile = join(outDir, 'conformance.json');
    clearReports(outDir);
    const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const args = [
      playwrightCli,
      'test',
      '-c',
      join(root, 'playwright.config.ts'),
      '--project',
      'conformance',
    ];
    args.push(...selectionFilters(request), ...specFileFilters(specFiles));
    const workersArg = runWorkers({
      requested: workers,
      session: session?.workers,
      targetKind: settings.target.kind,
      selectedChecks: checks,
    });
    if (workersArg) args.push('--workers', workersArg);
    const code = await new Promise<number>((done) => {
      const child = spawn(process.execPath, args, {
        cwd: root,
        env: writeRunSettings(process.env, settings),
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      child.on('exit', (status, signal) => {
        process.off('SIGINT', forward);
        process.off('SIGTERM', forward);
        done(status ?? (signal ? 128 + (constants.signals[signal] ?? 0) : exitCodes.internal));
      });
    });
    for (const line of (await session?.finish()) ?? []) process.stdout.write(`${redactor()(line)}\n`);
    // the run's own folder (Playwright's output, a --last-failed list, a budget's ledger) goes with it
    rmSync(settings.stateDir, { recursive: true, force: true });
    // loaded only when needed: rendering a report pulls in the templates and their engine
    if (
      !existsSync(reportFile) &&
      (await import('../../reports/recover')).recoverReport(
        settings,
        `Playwright stopped (exit ${code}) before writing the report`,
      )
    )
      process.stderr.write(`flex-conformance: the run stopped early; incomplete report in ${outDir}\n`);
    if (!existsSync(reportFile)) {
      process.stderr.write(`flex-conformance: the run produced no report (Playwright exited ${code})\n`);
      return exitCodes.internal;
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
    process.stdout.write(
      `time: ${(performance.now() / 1000).toFixed(1)} s, from the command's start to its reports\n`,
    );
    if (expectedFailuresFile && expectedFailures) {
      const gate = applyExpectedFailures(report, expectedFailures, new Date());
      writeGate(outDir, gate);
      process.stdout.write(`${describeGate(expectedFailuresFile, gate).join('\n')}\n`);
      return gate.pass && report.completeness === 'complete' ? exitCodes.ok : exitCodes.failed;
    }
    return report.verdict === 'pass' && report.completeness === 'complete' ? exitCodes.ok : exitCodes.failed;
  },
};

/** `--list`: the checks the selection holds; none is a usage error, as it would be for a run. */
async function listSelection(filters: readonly string[]): Promise<number> {
  const checks = await listChecks(filters);
  if (checks.length === 0) throw new UsageError('the selection holds no check: nothing would run');
  process.stdout.write(`${formatCheckList(checks).join('\n')}\n`);
  return exitCodes.ok;
}

/** The rules an expected-failures file tolerates on this run's target. */
function rulesExpectedHere(entries: readonly ExpectedFailure[], settings: RunSettings): string[] {
  const target = {
    kind: settings.target.kind,
    url: settings.targetArg,
    fingerprint: null,
    faults: settings.faults,
  };
  return [
    ...new Set(entries.filter((entry) => appliesToTarget(entry, { target })).map((entry) => entry.rule)),
  ];
}

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
