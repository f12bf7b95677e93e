import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { areas } from '../contracts/rules';
import { readRunConfig } from '../targets/run-config';
import { buildReport, type FinishedCheck } from './build';
import { toJunit } from './junit';
import type { CheckResult, ConformanceReport, ExchangeEvidence } from './model';

interface Options {
  /** Print one line per area, the verdict and the untested rules (the `run` command's console output). */
  readonly print?: boolean;
}

/**
 * Turns Playwright results into the conformance report: every catalog rule, its checks (the tests
 * whose `rule` annotations name it), their evidence, and the verdict.
 */
export default class ConformanceReporter implements Reporter {
  private readonly checks = new Map<string, FinishedCheck>();
  private startedAt = new Date();
  private targetFacts: ConformanceReport['target'] | undefined;

  constructor(private readonly options: Options = {}) {}

  printsToStdio(): boolean {
    return Boolean(this.options.print);
  }

  onBegin(_config: FullConfig, _suite: Suite): void {
    this.startedAt = new Date();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const ruleIds = test.annotations.filter((a) => a.type === 'rule').map((a) => a.description ?? '');
    if (ruleIds.length === 0) return;
    const annotations = [...test.annotations, ...result.annotations];
    const target = annotations.find((a) => a.type === 'target')?.description;
    if (target && !this.targetFacts) this.targetFacts = parseTarget(target);
    this.checks.set(test.id, {
      ...toCheck(test, result),
      ruleIds,
      readings: annotations.filter((a) => a.type === 'reading').map((a) => a.description ?? ''),
    });
  }

  onEnd(result: { status: string }): void {
    const config = readRunConfig();
    const report = buildReport([...this.checks.values()], {
      suite: suiteFacts(),
      target: this.targetFacts ?? {
        kind: config.target.kind,
        url: config.targetArg,
        fingerprint: null,
        faults: config.faults,
      },
      seed: config.seed,
      runs: config.runs,
      startedAt: this.startedAt,
      finishedAt: new Date(),
      completeness:
        result.status === 'interrupted' || result.status === 'timedout' ? 'incomplete' : 'complete',
    });
    mkdirSync(config.outDir, { recursive: true });
    writeFileSync(join(config.outDir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(config.outDir, 'junit.xml'), toJunit(report));
    if (this.options.print) printSummary(report, config.outDir);
  }
}

function toCheck(test: TestCase, result: TestResult): CheckResult {
  const status = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
  const error = result.errors.map((e) => stripAnsi(e.message ?? e.value ?? '')).join('\n') || undefined;
  const skipReason = [...test.annotations, ...result.annotations].find((a) => a.type === 'skip')?.description;
  const counterexample = error ? parseCounterexample(error) : undefined;
  const exchanges = readExchanges(result);
  const file = test.location.file.replace(`${process.cwd()}/`, '');
  return {
    title: test.titlePath().slice(2).join(' › '),
    file,
    line: test.location.line,
    status,
    durationMs: Math.round(result.duration),
    ...(status === 'failed' && error ? { error } : {}),
    ...(status === 'skipped' ? { skipReason: skipReason ?? 'skipped' } : {}),
    ...(counterexample ? { counterexample } : {}),
    ...(exchanges ? { exchanges } : {}),
    replay: `npx flex-conformance run --grep "${test.title.replace(/"/g, '\\"')}"${counterexample ? ` --seed ${counterexample.seed}` : ''}`,
  };
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

function parseTarget(description: string): ConformanceReport['target'] {
  const [kind = 'mock', url = '', fingerprint = ''] = description.split(' ');
  return { kind, url, fingerprint: fingerprint || null, faults: readRunConfig().faults };
}

function suiteFacts(): ConformanceReport['suite'] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    commit = null;
  }
  return { name: pkg.name, version: pkg.version, commit };
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function printSummary(report: ConformanceReport, outDir: string): void {
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
      `  failed ${rule.severity.padEnd(6)} ${rule.id}: ${firstLine(rule.checks.find((c) => c.status === 'failed')?.error)}`,
    );
  const untested = report.rules.filter((rule) => rule.status === 'untested');
  if (untested.length > 0)
    lines.push(`untested (${untested.length}): ${untested.map((rule) => rule.id).join(', ')}`);
  const { totals } = report;
  lines.push(
    `verdict: ${report.verdict.toUpperCase()}${report.completeness === 'incomplete' ? ' (incomplete run)' : ''} — ${totals.rules} rules: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.untested} untested; seed ${report.seed}`,
  );
  lines.push(`reports: ${join(outDir, 'conformance.json')}, ${join(outDir, 'junit.xml')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function firstLine(text: string | undefined): string {
  return (
    (text ?? '')
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 160) ?? ''
  );
}
