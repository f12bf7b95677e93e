import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkKey } from '../reports/build';
import { withoutFile } from '../reports/html-view';
import { loadReport, ReportInputError } from '../reports/load';
import { parseShard } from '../reports/shard';
import type { RunSelection } from '../targets/run-settings';
import { UsageError } from './errors';
import { type ListedCheck, listChecks } from './list-checks';

/** `--last-failed`: the failed checks of the report in `--out`, as a Playwright test list. */
export interface LastFailed {
  readonly from: string;
  /** The previous run's seed: its failures (and their counterexamples) come back with it. */
  readonly seed: number;
  readonly checks: number;
  /** A file for `playwright test --test-list`, one check a line. */
  readonly testListFile: string;
}

export function readLastFailed(outDir: string, stateDir: string): LastFailed {
  let loaded: ReturnType<typeof loadReport>;
  try {
    loaded = loadReport(outDir);
  } catch (error) {
    if (error instanceof ReportInputError) throw new UsageError(`--last-failed: ${error.message}`);
    throw error;
  }
  const failed = new Map<string, string>();
  for (const rule of loaded.report.rules)
    for (const check of rule.checks)
      if (check.status === 'failed') failed.set(checkKey(check), `[conformance] › ${check.title}`);
  if (failed.size === 0)
    throw new UsageError(`--last-failed: ${loaded.path} has no failed check: nothing to re-run`);
  mkdirSync(stateDir, { recursive: true });
  const testListFile = join(stateDir, 'last-failed.txt');
  writeFileSync(testListFile, `${[...failed.values()].join('\n')}\n`);
  return { from: loaded.path, seed: loaded.report.seed, checks: failed.size, testListFile };
}

export interface SelectionRequest {
  /** `--grep` as given, and as Playwright title patterns. */
  readonly grep?: readonly string[];
  readonly grepPatterns: readonly string[];
  readonly shard?: string;
  readonly lastFailed?: LastFailed;
  readonly expectedFailures?: { readonly file: string; readonly rules: readonly string[] };
}

/** The Playwright arguments a selection turns into. */
export function selectionFilters(request: SelectionRequest): string[] {
  return [
    ...(request.grepPatterns.length > 0 ? ['--grep', request.grepPatterns.join('|')] : []),
    ...(request.shard ? ['--shard', request.shard] : []),
    ...(request.lastFailed ? ['--test-list', request.lastFailed.testListFile] : []),
  ];
}

/**
 * Works out what a partial run selects, before anything is written: whether it holds a check at
 * all (none is a usage error), how many checks the whole suite has, and the rules the suite has
 * checks for, so the report can tell "not selected" from "untested". Undefined for a run narrowed
 * by nothing; a run only gated by expected failures runs every check and lists nothing.
 */
export interface SelectionPlan {
  /** What the report records of the selection; undefined for a run of the whole suite. */
  readonly selection?: RunSelection;
  /**
   * The spec files holding the selected checks, for Playwright's file filter: a runner given only
   * `--grep` loads every spec file to find the few it selects. Undefined where the whole suite's
   * file list matters (a shard is cut from it) or nothing narrows the run.
   */
  readonly specFiles?: readonly string[];
  /** How many checks the selection holds; undefined for a run of the whole suite. */
  readonly checks?: number;
}

export async function planSelection(request: SelectionRequest): Promise<SelectionPlan> {
  const filters = selectionFilters(request);
  const narrowing = {
    ...(request.grep?.length ? { grep: [...request.grep] } : {}),
    ...(request.lastFailed
      ? { lastFailed: { from: request.lastFailed.from, checks: request.lastFailed.checks } }
      : {}),
    ...shardOf(request.shard),
    ...(request.expectedFailures ? { expectedFailures: request.expectedFailures } : {}),
  };
  if (filters.length === 0) return request.expectedFailures ? { selection: narrowing } : {};
  const [selected, suite] = await Promise.all([listChecks(filters), listChecks([])]);
  if (selected.length === 0)
    throw new UsageError(`${describeRequest(request)} selects no check: nothing to run`);
  return {
    selection: { ...narrowing, suiteChecks: suite.length, rulesWithChecks: rulesOf(suite) },
    checks: selected.length,
    ...(request.shard ? {} : { specFiles: [...new Set(selected.map((check) => check.specFile))] }),
  };
}

/** Playwright file filters (path patterns) matching exactly these root-relative spec files. */
export function specFileFilters(specFiles: readonly string[] | undefined): string[] {
  return (specFiles ?? []).map((file) => `/(^|\\/)${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`);
}

function shardOf(text: string | undefined) {
  const shard = text ? parseShard(text) : undefined;
  return shard ? { shard } : {};
}

function rulesOf(checks: readonly ListedCheck[]): string[] {
  return [...new Set(checks.flatMap((check) => check.rules))].sort();
}

function describeRequest(request: SelectionRequest): string {
  return [
    ...(request.grep ?? []).map((value) => `--grep ${value}`),
    ...(request.shard ? [`--shard ${request.shard}`] : []),
    ...(request.lastFailed ? ['--last-failed'] : []),
  ].join(' ');
}

/** `--list`: one line per check (location, title, rules), then the count. */
export function formatCheckList(checks: readonly ListedCheck[]): string[] {
  const lines = checks.map((check) => {
    return `${check.file}:${check.line} › ${withoutFile(check.title, check.file)}  [${check.rules.join(', ')}]`;
  });
  const rules = rulesOf(checks).length;
  lines.push(
    `${checks.length} ${checks.length === 1 ? 'check' : 'checks'} verifying ${rules} ${rules === 1 ? 'rule' : 'rules'}`,
  );
  return lines;
}
