import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import { areas } from '../contracts/rules';
import { type RunSettings, readRunSettings } from '../targets/run-settings';
import { buildReport, type FinishedCheck } from './build';
import { failureReason } from './failure-reason';
import { Journal } from './journal';
import type { CheckResult, ConformanceReport, ShardRef } from './model';
import { type Redactor, redactor } from './redact';
import { curlCommand, failingExchange, replayCommand } from './reproduce';
import { suiteFacts } from './suite-facts';
import { reportFiles, writeReports } from './write';

interface Options {
  /** Print one line per area, the verdict and the untested rules (the `run` command's console output). */
  readonly print?: boolean;
}

/** Errors a request gets when nothing answers at the target's address: the target is gone, not wrong. */
const unreachablePattern = /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/;

/**
 * Turns Playwright results into the conformance report: every catalog rule, its checks (the tests
 * whose `rule` annotations name it), their evidence, and the verdict. Writes conformance.json,
 * index.html, junit.xml, summary.md and manifest.json to the run's out directory, also when the
 * run was interrupted (marked incomplete).
 */
export default class ConformanceReporter implements Reporter {
  private readonly checks = new Map<string, FinishedCheck>();
  private readonly globalErrors: string[] = [];
  private readonly redact: Redactor = redactor();
  private readonly settings: RunSettings = readRunSettings();
  private readonly journal = new Journal(this.settings.outDir);
  private startedAt = new Date();
  private shard: ShardRef | null = null;
  private targetFacts: ConformanceReport['target'] | undefined;

  constructor(private readonly options: Options = {}) {}

  printsToStdio(): boolean {
    return Boolean(this.options.print);
  }

  onBegin(config: FullConfig, _suite: Suite): void {
    this.startedAt = new Date();
    this.shard = config.shard ? { index: config.shard.current, total: config.shard.total } : null;
    this.journal.begin(this.startedAt, this.shard);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const ruleIds = test.annotations.filter((a) => a.type === 'rule').map((a) => a.description ?? '');
    if (ruleIds.length === 0) return;
    const annotations = [...test.annotations, ...result.annotations];
    const target = annotations.find((a) => a.type === 'target')?.description;
    if (target && !this.targetFacts) {
      this.targetFacts = parseTarget(target, this.settings);
      this.journal.target(this.targetFacts);
    }
    const check: FinishedCheck = {
      ...toCheck(test, result, this.settings, this.targetFacts?.kind ?? this.settings.target.kind),
      ruleIds,
      readings: annotations.filter((a) => a.type === 'reading').map((a) => a.description ?? ''),
    };
    this.checks.set(test.id, check);
    this.journal.check(check);
  }

  onError(error: TestError): void {
    const message = this.redact(stripAnsi(error.message ?? error.value ?? 'unknown error'));
    this.globalErrors.push(message);
    if (this.options.print) process.stderr.write(`flex-conformance: ${firstLine(message)}\n`);
  }

  onEnd(result: FullResult): void {
    const checks = [...this.checks.values()];
    const incompleteReason = this.incompleteReason(result, checks);
    const report = buildReport(checks, {
      suite: suiteFacts(),
      target: this.targetFacts ?? {
        kind: this.settings.target.kind,
        url: this.settings.targetArg,
        fingerprint: null,
        faults: this.settings.faults,
      },
      seed: this.settings.seed,
      runs: this.settings.runs,
      startedAt: this.startedAt,
      finishedAt: new Date(),
      completeness: incompleteReason ? 'incomplete' : 'complete',
      ...(incompleteReason ? { incompleteReason } : {}),
      ...(this.shard ? { shard: this.shard } : {}),
    });
    const written = writeReports(report, this.settings.outDir, { redact: this.redact });
    this.journal.remove();
    if (this.options.print) printSummary(written, this.settings.outDir, this.redact);
  }

  private incompleteReason(result: FullResult, checks: readonly FinishedCheck[]): string | undefined {
    const finished = `${checks.length} ${checks.length === 1 ? 'check' : 'checks'} had finished`;
    if (result.status === 'interrupted') return `The run was interrupted after ${finished}.`;
    if (result.status === 'timedout') return `The run hit its global time limit after ${finished}.`;
    const unreachable = checks.filter((check) => check.unreachable).length;
    if (unreachable > 0)
      return `The target stopped answering part-way: ${unreachable} ${unreachable === 1 ? 'check' : 'checks'} could not reach it (reported skipped).`;
    const [error] = this.globalErrors;
    if (error) return `Playwright reported an error outside any check: ${firstLine(error)}`;
    return undefined;
  }
}

function toCheck(test: TestCase, result: TestResult, settings: RunSettings, targetKind: string): CheckResult {
  const error = result.errors.map(errorText).join('\n') || undefined;
  const unreachable = result.status !== 'passed' && error !== undefined && unreachablePattern.test(error);
  const status =
    result.status === 'passed'
      ? 'passed'
      : result.status === 'skipped' || result.status === 'interrupted' || unreachable
        ? 'skipped'
        : 'failed';
  const declaredSkip = [...test.annotations, ...result.annotations].find(
    (a) => a.type === 'skip',
  )?.description;
  const skipReason =
    result.status === 'interrupted'
      ? 'interrupted: the run was stopped before this check finished'
      : unreachable
        ? `the target did not answer: ${firstLine(failureReason(error ?? ''))}`
        : (declaredSkip ?? 'skipped');
  const counterexample = error ? parseCounterexample(error) : undefined;
  const observations = [...test.annotations, ...result.annotations]
    .filter((a) => a.type === 'observation')
    .map((a) => a.description ?? '');
  const exchanges = readExchanges(result);
  const failedOn = status === 'failed' && exchanges ? failingExchange(exchanges.kept) : undefined;
  return {
    id: test.id,
    title: test.titlePath().slice(2).join(' › '),
    file: test.location.file.replace(`${process.cwd()}/`, ''),
    line: test.location.line,
    status,
    durationMs: Math.round(result.duration),
    ...(error && result.status !== 'interrupted' ? { error } : {}),
    ...(status === 'skipped' ? { skipReason } : {}),
    ...(unreachable ? { unreachable: true } : {}),
    ...(observations.length > 0 ? { observations } : {}),
    ...(counterexample ? { counterexample } : {}),
    ...(exchanges ? { exchanges } : {}),
    replay: replayCommand(test.title, {
      targetKind,
      targetArg: settings.targetArg,
      faults: settings.faults,
      seed: counterexample?.seed ?? settings.seed,
    }),
    ...(failedOn ? { curl: curlCommand(failedOn, targetKind) } : {}),
  };
}

/** An error with its causes (fast-check puts the assertion that failed in `cause`). */
function errorText(error: TestError): string {
  const lines = [stripAnsi(error.message ?? error.value ?? '')];
  for (let cause = error.cause; cause; cause = cause.cause)
    lines.push(`Caused by: ${stripAnsi(cause.message ?? cause.value ?? '')}`);
  return lines.join('\n');
}

/** fast-check's failure message carries `{ seed: N, path: "…", endOnFailure: true }` and the counterexample. */
export function parseCounterexample(error: string): CheckResult['counterexample'] {
  const match = /seed:\s*(-?\d+),\s*path:\s*"([^"]*)"/.exec(error);
  if (!match) return undefined;
  const value = /Counterexample:\s*(.+)/.exec(error)?.[1];
  return { seed: Number(match[1]), path: match[2] ?? '', ...(value ? { value: value.slice(0, 2000) } : {}) };
}

function readExchanges(result: TestResult): CheckResult['exchanges'] {
  const attachment = result.attachments.find((a) => a.name === 'http-exchanges');
  if (!attachment) return undefined;
  const raw =
    attachment.body?.toString('utf8') ??
    (attachment.path ? readFileSync(attachment.path, 'utf8') : undefined);
  if (!raw) return undefined;
  return JSON.parse(raw) as NonNullable<CheckResult['exchanges']>;
}

/** The `target` annotation is `KIND URL FINGERPRINT`; the URL the run was given is taken from the run's settings. */
function parseTarget(description: string, settings: RunSettings): ConformanceReport['target'] {
  const words = description.split(' ');
  const kind = words[0] || settings.target.kind;
  const fingerprint = words.length >= 3 ? (words.at(-1) ?? '') : '';
  const url = words.slice(1, words.length >= 3 ? -1 : undefined).join(' ');
  return { kind, url: url || settings.targetArg, fingerprint: fingerprint || null, faults: settings.faults };
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function printSummary(report: ConformanceReport, outDir: string, redact: Redactor): void {
  const lines: string[] = [];
  for (const area of areas) {
    const rules = report.rules.filter((rule) => rule.area === area);
    if (rules.length === 0) continue;
    const count = (status: string) => rules.filter((rule) => rule.status === status).length;
    const mark = count('failed') > 0 ? 'FAIL' : count('passed') > 0 ? 'ok  ' : '--  ';
    lines.push(
      `${mark} ${area.padEnd(14)} ${String(rules.length).padStart(3)} rules: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped, ${count('untested')} untested`,
    );
  }
  const failed = report.rules.filter((rule) => rule.status === 'failed');
  for (const rule of failed)
    lines.push(
      `  failed ${rule.severity.padEnd(6)} ${rule.id}: ${failureReason(rule.checks.find((c) => c.status === 'failed')?.error ?? '')}`,
    );
  const untested = report.rules.filter((rule) => rule.status === 'untested');
  if (untested.length > 0)
    lines.push(`untested (${untested.length}): ${untested.map((rule) => rule.id).join(', ')}`);
  const domains = Object.entries(report.requests.byDomain)
    .map(([domain, count]) => `${domain} ${count}`)
    .join(', ');
  lines.push(`requests: ${report.requests.total}${domains ? ` (${domains})` : ''}`);
  if (report.completeness === 'incomplete') lines.push(`INCOMPLETE: ${report.incompleteReason ?? ''}`);
  const { totals } = report;
  lines.push(
    `verdict: ${report.verdict.toUpperCase()}${report.completeness === 'incomplete' ? ' (incomplete run)' : ''} — ${totals.rules} rules: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.untested} untested; seed ${report.seed}${report.shard ? `; shard ${report.shard.index}/${report.shard.total}` : ''}`,
  );
  lines.push(`reports: ${Object.values(reportFiles).join(', ')} in ${outDir}`);
  lines.push(`open: ${join(outDir, reportFiles.html)}`);
  process.stdout.write(redact(`${lines.join('\n')}\n`));
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 200) ?? ''
  );
}
