import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { diffReports, formatDiff } from '../../reports/diff';
import { killMatrixFile, readKillMatrix } from '../../reports/kill-matrix';
import { type LoadedReport, loadReport, ReportInputError } from '../../reports/load';
import { verifyManifest } from '../../reports/manifest';
import { renderMatrixHtml } from '../../reports/matrix';
import { mergeReports } from '../../reports/merge';
import { redactor } from '../../reports/redact';
import { rerenderReports, writeReports } from '../../reports/write';
import { parseFlags } from '../args';
import { exitCodes, UsageError } from '../errors';
import { prepareOutputDir } from '../output-dir';
import type { Command } from './command';

const help = `usage: flex-conformance report <subcommand> …

  diff OLD NEW [--json]            the rules whose status changed between two reports (drift between
                                   nightly runs or between implementations); exit 1 when a rule
                                   regressed: it passed and no longer passes, or it fails and did not
  matrix A B … [--out FILE]        one HTML page, rules as rows and runs as columns
                                   (default reports/out/matrix.html)
  merge DIR … [--out DIR]          join the reports of a sharded run (run --shard i/n) into the report
                                   of one run: all five report files (default reports/out)
  verify DIR                       recompute the SHA-256 of every file listed in DIR/manifest.json;
                                   exit 1 when one was changed or is missing
  render DIR                       re-render index.html, summary.md and manifest.json from
                                   DIR/conformance.json (e.g. after kill-matrix.json was added)

A report is a conformance.json file or a directory holding one; each is checked against
reports/schema/conformance.schema.json first (exit 2 when it does not conform).`;

type Subcommand = (argv: readonly string[]) => Promise<number>;

const subcommands: Readonly<Record<string, Subcommand>> = {
  diff: async (argv) => {
    const { values, positionals } = parseFlags('report diff', argv, { json: { type: 'boolean' } }, true);
    if (positionals.length !== 2) throw new UsageError('report diff takes two reports: OLD NEW');
    const [before, after] = positionals.map(load) as [LoadedReport, LoadedReport];
    const diff = diffReports(before.report, after.report);
    const out = values.json
      ? `${JSON.stringify(diff, null, 2)}\n`
      : formatDiff(diff, before.path, after.path);
    process.stdout.write(redactor()(out));
    return diff.counts.regressed > 0 ? exitCodes.failed : exitCodes.ok;
  },

  matrix: async (argv) => {
    const { values, positionals } = parseFlags('report matrix', argv, { out: { type: 'string' } }, true);
    if (positionals.length === 0) throw new UsageError('report matrix takes one or more reports');
    const loaded = positionals.map(load);
    const columns = loaded.map((item) => ({ label: columnLabel(item.path, loaded), report: item.report }));
    const file = resolve(values.out ?? 'reports/out/matrix.html');
    prepareOutputDir(dirname(file), '--out');
    writeFileSync(file, redactor()(renderMatrixHtml(columns)));
    process.stdout.write(`matrix of ${loaded.length} runs: ${file}\n`);
    return exitCodes.ok;
  },

  merge: async (argv) => {
    const { values, positionals } = parseFlags('report merge', argv, { out: { type: 'string' } }, true);
    if (positionals.length === 0) throw new UsageError('report merge takes one or more report directories');
    const { report, warnings } = mergeReports(positionals.map((path) => load(path).report));
    const outDir = resolve(values.out ?? 'reports/out');
    prepareOutputDir(outDir, '--out');
    const written = writeReports(report, outDir);
    for (const warning of warnings) process.stderr.write(`flex-conformance: warning: ${warning}\n`);
    const { totals } = written;
    process.stdout.write(
      `merged ${positionals.length} reports: ${written.verdict.toUpperCase()}${written.completeness === 'incomplete' ? ` (incomplete: ${written.incompleteReason ?? ''})` : ''} — ${totals.rules} rules: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.untested} untested${written.selection ? `, ${totals.notSelected ?? 0} not selected (partial run)` : ''}\nreports in ${outDir}\n`,
    );
    return exitCodes.ok;
  },

  verify: async (argv) => {
    const { positionals } = parseFlags('report verify', argv, {}, true);
    if (positionals.length !== 1) throw new UsageError('report verify takes one report directory');
    const dir = resolve(positionals[0] ?? '.');
    let result: ReturnType<typeof verifyManifest>;
    try {
      result = verifyManifest(dir);
    } catch {
      throw new UsageError(`${join(dir, 'manifest.json')}: cannot read the manifest`);
    }
    for (const problem of result.problems) process.stdout.write(`${problem.problem}: ${problem.file}\n`);
    const files = Object.keys(result.manifest.files).length;
    process.stdout.write(
      result.problems.length === 0
        ? `ok: ${files} files match manifest.json (catalog ${result.manifest.catalog.sha256.slice(0, 16)}…)\n`
        : `${result.problems.length} of ${files} files do not match manifest.json\n`,
    );
    return result.problems.length === 0 ? exitCodes.ok : exitCodes.failed;
  },

  render: async (argv) => {
    const { positionals } = parseFlags('report render', argv, {}, true);
    if (positionals.length !== 1) throw new UsageError('report render takes one report directory');
    const dir = resolve(positionals[0] ?? '.');
    load(dir);
    if (existsSync(join(dir, killMatrixFile)) && !readKillMatrix(dir))
      process.stderr.write(
        `flex-conformance: warning: ${killMatrixFile} is not a kill matrix; left out of the report\n`,
      );
    rerenderReports(dir);
    process.stdout.write(`re-rendered the reports in ${dir}\n`);
    return exitCodes.ok;
  },
};

export const reportCommand: Command = {
  help,
  async run(argv) {
    const [name, ...rest] = argv;
    const subcommand = name ? subcommands[name] : undefined;
    if (!subcommand)
      throw new UsageError(
        `report needs a subcommand: ${Object.keys(subcommands).join(', ')}${name ? ` (got "${name}")` : ''}`,
      );
    try {
      return await subcommand(rest);
    } catch (error) {
      if (error instanceof ReportInputError) throw new UsageError(error.message);
      throw error;
    }
  },
};

const load = (path: string): LoadedReport => loadReport(path);

/** A column is named after the report's directory (or file), made unique when two share a name. */
function columnLabel(path: string, all: readonly LoadedReport[]): string {
  const name = (item: string) =>
    basename(item) === 'conformance.json' ? basename(dirname(item)) : basename(item);
  const label = name(path);
  const same = all.filter((item) => name(item.path) === label);
  return same.length > 1 ? `${label} (${same.findIndex((item) => item.path === path) + 1})` : label;
}
