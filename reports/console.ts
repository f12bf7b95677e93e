import { join } from 'node:path';
import { areas } from '../contracts/rules';
import { checkKey, uniqueChecks } from './build';
import { failureReason } from './failure-reason';
import { reportFiles } from './files';
import { withoutFile } from './html-view';
import type { CheckResult, ConformanceReport, ExchangeEvidence, RuleResult } from './model';
import type { Redactor } from './redact';
import { failedExchangeOf } from './reproduce';
import { describeSelection } from './selection';

/** What the console says of a rule next to a check. */
export interface RuleLabel {
  readonly id: string;
  readonly severity: string;
  readonly title: string;
}

const marks = { passed: '✓', failed: '✘', skipped: '-' } as const;

/**
 * The lines that say why a check failed: what it checked (its rules and the assertion), what it
 * sent, what came back, and the command that replays it.
 */
export function failureDetails(check: CheckResult, rules: readonly RuleLabel[], indent = '    '): string[] {
  const exchange = failedExchangeOf(check);
  const lines = [
    ...rules.map((rule) => `rule:    ${rule.id} (${rule.severity}) ${rule.title}`),
    `failed:  ${failureReason(check.error ?? 'failed')}`,
    ...(check.failedAssertion ? [`at:      ${check.failedAssertion}`] : []),
    ...(check.counterexample?.value ? [`input:   ${clip(check.counterexample.value, 200)}`] : []),
    ...(exchange ? exchangeLines(exchange, check.exchanges?.total ?? 0) : []),
    `replay:  ${check.replay}`,
  ];
  return lines.map((line) => `${indent}${line}`);
}

function exchangeLines(exchange: ExchangeEvidence, total: number): string[] {
  const where = exchange.sequence && total > 1 ? ` (request ${exchange.sequence} of ${total})` : '';
  return [
    `sent:    ${exchange.method} ${pathOf(exchange.url)}${exchange.requestBody ? ` ${clip(exchange.requestBody, 160)}` : ''}${where}`,
    `got:     ${exchange.status} ${clip(exchange.responseBody.replace(/\s+/g, ' '), 200)}`,
  ];
}

/**
 * Playwright-style progress: a line per finished check with a running count, and a failed check's
 * details as soon as it fails.
 */
export class Progress {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void,
    private readonly colour: boolean,
  ) {}

  checkEnded(check: CheckResult, rules: readonly RuleLabel[]): void {
    this.done++;
    const count = `[${String(this.done).padStart(String(this.total).length)}/${this.total}]`;
    const line = `${this.paint(check.status, marks[check.status])} ${count} ${check.file}:${check.line} › ${withoutFile(check.title, check.file)} (${formatMs(check.durationMs)})`;
    const lines = [line];
    if (check.status === 'skipped' && check.skipReason) lines.push(`    skipped: ${check.skipReason}`);
    if (check.status === 'failed') lines.push(...failureDetails(check, rules));
    this.write(`${lines.join('\n')}\n`);
  }

  private paint(status: CheckResult['status'], text: string): string {
    if (!this.colour) return text;
    const code = status === 'passed' ? 32 : status === 'failed' ? 31 : 33;
    return `\u001b[${code}m${text}\u001b[39m`;
  }
}

/** The end of a run on the console: per area, the failed rules with their details, the selection, the verdict. */
export function summaryLines(report: ConformanceReport, outDir: string): string[] {
  const lines: string[] = [];
  for (const area of areas) {
    const rules = report.rules.filter((rule) => rule.area === area);
    if (rules.length === 0) continue;
    const count = (status: string) => rules.filter((rule) => rule.status === status).length;
    const mark = count('failed') > 0 ? 'FAIL' : count('passed') > 0 ? 'ok  ' : '--  ';
    const notSelected = count('not-selected');
    lines.push(
      `${mark} ${area.padEnd(14)} ${String(rules.length).padStart(3)} rules: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped, ${count('untested')} untested${notSelected ? `, ${notSelected} not selected` : ''}`,
    );
  }
  const detailed = new Map<string, string>();
  for (const rule of report.rules.filter((candidate) => candidate.status === 'failed'))
    lines.push(...failedRuleLines(rule, detailed));
  const untested = report.rules.filter((rule) => rule.status === 'untested');
  if (untested.length > 0)
    lines.push(`untested (${untested.length}): ${untested.map((rule) => rule.id).join(', ')}`);
  const domains = Object.entries(report.requests.byDomain)
    .map(([domain, count]) => `${domain} ${count}`)
    .join(', ');
  lines.push(`requests: ${report.requests.total}${domains ? ` (${domains})` : ''}`);
  if (report.selection)
    lines.push(
      `PARTIAL RUN: ${describeSelection(report.selection)}; ${report.totals.notSelected ?? 0} rules not selected`,
    );
  if (report.completeness === 'incomplete') lines.push(`INCOMPLETE: ${report.incompleteReason ?? ''}`);
  const cutShort = uniqueChecks(report.rules).filter((check) => check.cutShort).length;
  if (cutShort > 0)
    lines.push(
      `cut short: ${cutShort} check${cutShort === 1 ? '' : 's'} passed on fewer property cases than asked (time limit; cases run in the report)`,
    );
  const { totals } = report;
  const qualifiers = [
    ...(report.verdict === 'fail' && report.completeness === 'incomplete' ? ['incomplete run'] : []),
    ...(report.selection ? ['partial run'] : []),
  ];
  lines.push(
    `verdict: ${report.verdict.toUpperCase()}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''} — ${totals.rules} rules: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.untested} untested${report.selection ? `, ${totals.notSelected ?? 0} not selected` : ''}; seed ${report.seed}${report.shard ? `; shard ${report.shard.index}/${report.shard.total}` : ''}`,
  );
  lines.push(`reports: ${Object.values(reportFiles).join(', ')} in ${outDir}`);
  lines.push(`open: ${join(outDir, reportFiles.html)}`);
  return lines;
}

/** A failed rule and its first failed check's details; a check already detailed under another rule is named, not repeated. */
function failedRuleLines(rule: RuleResult, detailed: Map<string, string>): string[] {
  const check = rule.checks.find((candidate) => candidate.status === 'failed');
  const head = `  failed ${rule.severity.padEnd(6)} ${rule.id}: ${rule.title}`;
  if (!check) return [head];
  const earlier = detailed.get(checkKey(check));
  if (earlier) return [head, `      check:   the same failed check as ${earlier} above`];
  detailed.set(checkKey(check), rule.id);
  return [
    head,
    `      check:   ${check.file}:${check.line} › ${withoutFile(check.title, check.file)}`,
    ...failureDetails(check, [], '      '),
  ];
}

export function printSummary(report: ConformanceReport, outDir: string, redact: Redactor): void {
  process.stdout.write(redact(`${summaryLines(report, outDir).join('\n')}\n`));
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
