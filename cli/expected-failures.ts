import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleById } from '../contracts/rules';
import type { ConformanceReport, RuleResult } from '../reports/model';
import { ConfigError } from '../targets/types';

/**
 * The gate for another implementation's CI: rules it is known to break, each with the reason and
 * a date by which it should be fixed. A listed rule that fails does not fail the run; an entry past
 * its date does; a listed rule that now passes is reported so the entry can go.
 *
 *   { "expectedFailures": [
 *       { "rule": "FLEXFLOW-PAGING-EVERY-ITEM-ONCE", "target": "url", "reason": "PageToken not implemented (#42)", "expires": "2026-12-31" } ] }
 *
 * `target` is a target kind (`mock`, `url`, `twilio`, `replay`), the `--target` value itself, or `*`.
 */
export interface ExpectedFailure {
  readonly rule: string;
  readonly target: string;
  readonly reason: string;
  /** `YYYY-MM-DD`: the entry holds through this day (UTC). */
  readonly expires: string;
}

export interface GateEntry extends ExpectedFailure {
  readonly status: RuleResult['status'] | 'unknown';
}

export interface GateResult {
  /** Listed, failed, not expired: does not fail the run. */
  readonly tolerated: readonly GateEntry[];
  /** Past its date: fails the run, whatever the rule did. */
  readonly expired: readonly GateEntry[];
  /** Listed, and passed: the entry can be removed. */
  readonly nowPassing: readonly GateEntry[];
  /** Listed, but skipped or untested in this run. */
  readonly notExercised: readonly GateEntry[];
  /** `must` rules that failed without an entry: they fail the run. */
  readonly unexpected: readonly RuleResult[];
  /** Entries for other targets, ignored. */
  readonly otherTargets: number;
  readonly pass: boolean;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function readExpectedFailures(file: string): ExpectedFailure[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not readable JSON';
    throw new ConfigError(`--expected-failures ${file}: ${why}`);
  }
  const list = (parsed as { expectedFailures?: unknown } | null)?.expectedFailures;
  if (!Array.isArray(list))
    throw new ConfigError(`--expected-failures ${file}: needs an "expectedFailures" array`);
  const seen = new Set<string>();
  return list.map((raw, index) => {
    const where = `--expected-failures ${file} entry ${index + 1}`;
    const entry = raw as Partial<Record<keyof ExpectedFailure, unknown>>;
    for (const field of ['rule', 'target', 'reason', 'expires'] as const) {
      if (typeof entry[field] !== 'string' || (entry[field] as string).trim() === '')
        throw new ConfigError(`${where}: "${field}" must be a non-empty string`);
    }
    const { rule, target, reason, expires } = entry as ExpectedFailure;
    if (!ruleById(rule))
      throw new ConfigError(`${where}: unknown rule "${rule}" (list them with: flex-conformance rules)`);
    if (!datePattern.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)))
      throw new ConfigError(`${where}: "expires" must be a date YYYY-MM-DD (got "${expires}")`);
    const key = `${rule} ${target}`;
    if (seen.has(key)) throw new ConfigError(`${where}: ${rule} is listed twice for target ${target}`);
    seen.add(key);
    return { rule, target, reason, expires };
  });
}

/** Whether an entry is for the target this report is about. */
export function appliesToTarget(entry: ExpectedFailure, report: Pick<ConformanceReport, 'target'>): boolean {
  return entry.target === '*' || entry.target === report.target.kind || entry.target === report.target.url;
}

/** An entry expires after its day ends (UTC). */
export function isExpired(entry: ExpectedFailure, now: Date): boolean {
  return now.toISOString().slice(0, 10) > entry.expires;
}

export function applyExpectedFailures(
  report: Pick<ConformanceReport, 'target' | 'rules'>,
  entries: readonly ExpectedFailure[],
  now: Date,
): GateResult {
  const applicable = entries.filter((entry) => appliesToTarget(entry, report));
  const statusOf = (id: string) => report.rules.find((rule) => rule.id === id)?.status ?? 'unknown';
  const withStatus = applicable.map((entry): GateEntry => ({ ...entry, status: statusOf(entry.rule) }));
  const expired = withStatus.filter((entry) => isExpired(entry, now));
  const current = withStatus.filter((entry) => !isExpired(entry, now));
  const listed = new Set(current.map((entry) => entry.rule));
  const unexpected = report.rules.filter(
    (rule) => rule.severity === 'must' && rule.status === 'failed' && !listed.has(rule.id),
  );
  return {
    tolerated: current.filter((entry) => entry.status === 'failed'),
    expired,
    nowPassing: withStatus.filter((entry) => entry.status === 'passed'),
    notExercised: current.filter((entry) => entry.status !== 'failed' && entry.status !== 'passed'),
    unexpected,
    otherTargets: entries.length - applicable.length,
    pass: unexpected.length === 0 && expired.length === 0,
  };
}

export function describeGate(file: string, result: GateResult): string[] {
  const lines = [
    `expected failures (${file}): ${result.tolerated.length} tolerated, ${result.nowPassing.length} now passing, ${result.expired.length} expired, ${result.notExercised.length} not exercised${result.otherTargets ? `, ${result.otherTargets} for other targets` : ''}`,
  ];
  for (const entry of result.tolerated)
    lines.push(`  tolerated    ${entry.rule}: ${entry.reason} (until ${entry.expires})`);
  for (const entry of result.nowPassing)
    lines.push(`  now passing  ${entry.rule}: remove its entry (${entry.reason})`);
  for (const entry of result.expired)
    lines.push(
      `  EXPIRED      ${entry.rule} on ${entry.expires} (${entry.status}): fix it or renew the entry (${entry.reason})`,
    );
  for (const entry of result.notExercised)
    lines.push(`  not run      ${entry.rule} (${entry.status}): the entry was not needed in this run`);
  for (const rule of result.unexpected)
    lines.push(`  UNEXPECTED   ${rule.id}: a must rule failed and is not listed`);
  lines.push(`gate: ${result.pass ? 'PASS' : 'FAIL'}`);
  return lines;
}

/** `gate.json` beside the reports: what CI shows or comments (tolerated, expired, now passing, unexpected). */
export function writeGate(outDir: string, result: GateResult): void {
  const { unexpected, ...rest } = result;
  const gate = { ...rest, unexpected: unexpected.map((rule) => ({ rule: rule.id, title: rule.title })) };
  writeFileSync(join(outDir, 'gate.json'), `${JSON.stringify(gate, null, 2)}\n`);
}
