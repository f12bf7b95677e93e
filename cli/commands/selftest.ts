import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog } from '../../contracts/rules';
import { type FaultSpec, faults, isFaultName } from '../../mock/faults';
import { reportFiles } from '../../reports/files';
import { killMatrixFile } from '../../reports/kill-matrix';
import { rerenderReports } from '../../reports/write';
import { defaultSeed, type RunSettings, writeRunSettings } from '../../targets/run-settings';
import { newRunId } from '../../targets/twilio/run-tag';
import { parseFlags } from '../args';
import { exitCodes, UsageError } from '../errors';
import { type ListedCheck, listChecks } from '../list-checks';
import { prepareOutputDir } from '../output-dir';
import { buildKillMatrix, formatKillMatrix, matrixPasses } from '../selftest/matrix';
import { type MatrixEntry, specFilesOf, writeMatrixFiles } from '../selftest/matrix-files';
import type { SelftestOutcomes } from '../selftest/outcomes';
import { cleanEntry, faultEntry, selectedFaults } from '../selftest/settings';
import { settingsFromFlags } from '../settings-from-flags';
import type { Command } from './command';

const root = fileURLToPath(new URL('../..', import.meta.url));

const help = `usage: flex-conformance selftest [options]

Proves the suite can fail: runs every check against the clean mock, then the checks of each
fault's rules against the mock started with that fault, and prints the kill matrix (for each
fault, the rules that failed). A fault is killed when every rule it trips failed.

  --out DIR        where kill-matrix.json goes (default reports/out)
  --fault NAME     only this fault (repeatable; list them with: mock --list-faults)
  --all-checks     run every check against every fault, not only the checks of its rules
  --workers N      parallel Playwright workers (default: the number of CPUs)
  --runs N         fast-check runs per property (default 25)
  --seed S         fast-check seed (default ${defaultSeed}: the matrix is reproducible)

exit codes: 0 the clean mock passed and every fault was killed, 1 a fault survived or the clean
mock failed, 2 usage error, 3 the run did not complete`;

export const selftestCommand: Command = {
  help,
  async run(argv) {
    const { values } = parseFlags('selftest', argv, {
      out: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'all-checks': { type: 'boolean' },
      workers: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
    });
    const named = values.fault ?? [];
    const unknown = named.find((name) => !isFaultName(name));
    if (unknown) throw new UsageError(`unknown fault "${unknown}" (list them with: mock --list-faults)`);
    const workers = values.workers ?? String(availableParallelism());
    if (!/^[1-9]\d*$/.test(workers))
      throw new UsageError(`--workers must be a positive integer (got "${workers}")`);

    const checked = await settingsFromFlags(
      { seed: values.seed, runs: values.runs },
      { mode: 'selftest', runId: newRunId() },
    );
    const outDir = resolve(values.out ?? 'reports/out');
    prepareOutputDir(outDir, '--out');

    const chosen = selectedFaults(faults, named);
    const allChecks = Boolean(values['all-checks']);
    const checks = await listChecks([]);
    const scratch = mkdtempSync(join(tmpdir(), 'flexconf-selftest-'));
    const resultsFile = join(scratch, 'outcomes.json');
    const matrixDir = join(scratch, 'matrix');
    writeMatrixFiles(
      matrixDir,
      matrixEntries(checks, chosen, allChecks),
      join(root, 'suites', 'fixtures.ts'),
    );
    const settings: RunSettings = {
      ...checked,
      outDir: join(scratch, 'conformance'),
      artifactsDir: join(scratch, 'artifacts'),
      selftest: { faults: named, allChecks, resultsFile, matrixDir },
    };
    const env = writeRunSettings(process.env, settings);
    process.stdout.write(
      `flex-conformance selftest: ${chosen.length} faults, seed ${settings.seed}, ${settings.runs} runs per property\n`,
    );

    const started = performance.now();
    try {
      const code = await runPlaywright(workers, env);
      if (!existsSync(resultsFile)) {
        process.stderr.write(
          `flex-conformance: the self-test produced no results (Playwright exited ${code})\n`,
        );
        return exitCodes.internal;
      }
      const outcomes = JSON.parse(readFileSync(resultsFile, 'utf8')) as SelftestOutcomes;
      if (outcomes.status === 'interrupted' || outcomes.status === 'timedout') {
        process.stderr.write(`flex-conformance: the self-test did not complete (${outcomes.status})\n`);
        return exitCodes.internal;
      }
      const matrix = buildKillMatrix(
        outcomes,
        chosen,
        catalog.map((rule) => rule.id),
      );
      const file = join(outDir, killMatrixFile);
      writeFileSync(file, `${JSON.stringify(matrix, null, 2)}\n`);
      if (existsSync(join(outDir, reportFiles.json))) {
        // a run's report is already there: render it again so its HTML carries the matrix as an appendix
        rerenderReports(outDir);
        process.stdout.write(`the report in ${outDir} now carries the kill matrix as an appendix\n`);
      }
      process.stdout.write(`\n${formatKillMatrix(matrix, outcomes).join('\n')}\n`);
      process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s; kill matrix: ${file}\n`);
      return matrixPasses(matrix) ? exitCodes.ok : exitCodes.failed;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

/** The clean mock with every check, and each fault with the spec files of its rules' checks. */
function matrixEntries(
  checks: readonly ListedCheck[],
  chosen: readonly FaultSpec[],
  allChecks: boolean,
): MatrixEntry[] {
  const specFiles = (rules?: readonly string[]) =>
    specFilesOf(checks, rules).map((file) => resolve(root, file));
  return [
    { name: cleanEntry, faults: [], specFiles: specFiles() },
    ...chosen.map((fault) => ({
      name: faultEntry(fault.name),
      faults: [fault.name],
      specFiles: specFiles(allChecks ? undefined : fault.trips),
    })),
  ];
}

function runPlaywright(workers: string, env: NodeJS.ProcessEnv): Promise<number> {
  const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [
    playwrightCli,
    'test',
    '-c',
    join(root, 'cli', 'selftest', 'playwright.config.ts'),
    '--workers',
    workers,
  ];
  return new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('exit', (status) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(status ?? exitCodes.internal);
    });
  });
}
