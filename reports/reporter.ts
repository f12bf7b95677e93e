import { readFileSync } from 'node:fs';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import { ruleById } from '../contracts/rules';
import { watchParent } from '../support/parent-watch';
import { TargetHealth } from '../targets/http/target-health';
import { type RunSettings, readRunSettings } from '../targets/run-settings';
import { assertionSite } from './assertion-site';
import { buildReport, type FinishedCheck } from './build';
import { Progress, printSummary, type RuleLabel } from './console';
import { failureReason } from './failure-reason';
import { Journal } from './journal';
import { withLostTarget } from './lost-target';
import type { CheckResult, ConformanceReport, ShardRef } from './model';
import { type Redactor, redactor } from './redact';
import { curlCommand, failedExchangeOf, replayCommand } from './reproduce';
import { recordedSelection } from './selection';
import { suiteFacts } from './suite-facts';
import { writeReports } from './write';

interface Options {
  /** Print the `run` command's console output: progress (when the run settings ask), then the summary. */
  readonly print?: boolean;
}

/** Errors a request gets when nothing answers at the target's address: the target is gone, not wrong. */
const unreachablePattern =
  /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b|the target stopped answering/;

/** How often the runner looks whether the target was declared gone. */
const healthPollMs = 250;

/**
 * Turns Playwright results into the conformance report: every catalog rule, its checks (the tests
 * whose `rule` annotations name it), their evidence, and the verdict. Writes conformance.json,
 * index.html, junit.xml, summary.md and manifest.json to the run's out directory, also when the
 * run was interrupted (marked incomplete). In the `run` command it also prints progress as checks
 * finish, stops the run when the target stops answering, and stops it when the command that
 * started it is gone.
 */
export default class ConformanceReporter implements Reporter {
  private readonly checks = new Map<string, FinishedCheck>();
  /** The first connection failure of each failed check that met one, by test id. */
  private readonly connectionFailures = new Map<string, string>();
  private readonly globalErrors: string[] = [];
  private readonly redact: Redactor = redactor();
  private readonly settings: RunSettings = readRunSettings();
  private readonly journal = new Journal(this.settings.outDir);
  private readonly health =
    this.settings.target.kind === 'mock' ? undefined : new TargetHealth(this.settings.stateDir);
  private startedAt = new Date();
  private shard: ShardRef | null = null;
  private targetFacts: ConformanceReport['target'] | undefined;
  private planned: TestCase[] = [];
  private progress: Progress | undefined;
  /** Why the reporter stopped the run itself (the target is gone, the command is gone). */
  private stoppedBecause: string | undefined;
  private readonly stopWatching: Array<() => void> = [];
  private ended = false;

  constructor(private readonly options: Options = {}) {}

  printsToStdio(): boolean {
    return Boolean(this.options.print);
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    this.shard = config.shard ? { index: config.shard.current, total: config.shard.total } : null;
    this.planned = suite.allTests().filter((test) => rulesOf(test).length > 0);
    this.journal.begin(this.startedAt, this.shard, this.planned.length);
    this.health?.reset();
    if (this.options.print && this.settings.progress)
      this.progress = new Progress(
        this.planned.length,
        (text) => process.stdout.write(this.redact(text)),
        Boolean(process.stdout.isTTY),
      );
    if (this.settings.mode === 'run') this.watch();
  }

  /** The run stops within a second of its target going away, or of the command that started it dying. */
  private watch(): void {
    this.stopWatching.push(watchParent(() => this.abandon()));
    const { health } = this;
    if (!health) return;
    const timer = setInterval(() => {
      const gone = health.gone();
      if (gone) this.stop(`the target stopped answering (${gone})`);
    }, healthPollMs);
    timer.unref();
    this.stopWatching.push(() => clearInterval(timer));
  }

  /** Interrupts the run as Ctrl-C would: running checks end, none starts, the report is written. */
  private stop(reason: string): void {
    if (this.stoppedBecause) return;
    this.stoppedBecause = reason;
    for (const stop of this.stopWatching) stop();
    if (this.options.print) process.stderr.write(`flex-conformance: stopping the run: ${reason}\n`);
    process.kill(process.pid, 'SIGINT');
  }

  /**
   * The command that started the run is gone (killed outright): nobody waits for the run, so it
   * ends now, not after its running checks. The report of what finished is written, then the
   * runner exits; its workers see their channel close and exit too (suites/fixtures.ts).
   */
  private abandon(): void {
    this.stoppedBecause = 'the flex-conformance command that started the run is gone';
    this.onEnd({
      status: 'interrupted',
      startTime: this.startedAt,
      duration: Date.now() - this.startedAt.getTime(),
    });
    process.exit(1);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const ruleIds = rulesOf(test);
    if (ruleIds.length === 0) return;
    const annotations = annotationsOf(test, result);
    const target = annotations.find((a) => a.type === 'target')?.description;
    if (target && !this.targetFacts) {
      this.targetFacts = parseTarget(target, this.settings);
      this.journal.target(this.targetFacts);
    }
    const check: FinishedCheck = {
      ...toCheck(test, result, this.settings, this.targetFacts?.kind ?? this.settings.target.kind, {
        targetGone: this.stoppedBecause ?? goneReason(this.health),
      }),
      ruleIds,
      readings: annotations.filter((a) => a.type === 'reading').map((a) => a.description ?? ''),
    };
    this.checks.set(test.id, check);
    const connectionFailure = annotations.find((a) => a.type === 'connection-failure')?.description;
    if (check.status === 'failed' && connectionFailure)
      this.connectionFailures.set(test.id, connectionFailure);
    this.journal.check(check);
    this.progress?.checkEnded(check, ruleIds.map(ruleLabel));
  }

  onError(error: TestError): void {
    const message = this.redact(stripAnsi(error.message ?? error.value ?? 'unknown error'));
    this.globalErrors.push(message);
    if (this.options.print) process.stderr.write(`flex-conformance: ${firstLine(message)}\n`);
  }

  onEnd(result: FullResult): void {
    if (this.ended) return;
    this.ended = true;
    for (const stop of this.stopWatching) stop();
    const notRun = this.notRun(result);
    const finished = withLostTarget(
      [...this.checks.values()],
      this.connectionFailures,
      this.stoppedBecause?.startsWith('the target') ? this.stoppedBecause : goneReason(this.health),
    );
    const checks = [...finished, ...notRun];
    const incompleteReason = this.incompleteReason(result, checks, notRun.length);
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
      ...recordedSelection(this.settings.selection, this.shard, this.planned.length),
    });
    const written = writeReports(report, this.settings.outDir, { redact: this.redact });
    this.journal.remove();
    if (this.options.print) printSummary(written, this.settings.outDir, this.redact);
  }

  /** The selected checks that never finished (the run stopped first): skipped, with the reason. */
  private notRun(result: FullResult): FinishedCheck[] {
    if (result.status === 'passed' && !this.stoppedBecause) return [];
    const why = this.stoppedBecause
      ? `not run: ${this.stoppedBecause}`
      : result.status === 'timedout'
        ? 'not run: the run hit its global time limit first'
        : 'not run: the run was interrupted first';
    return this.planned
      .filter((test) => !this.checks.has(test.id))
      .map((test) => ({
        id: test.id,
        title: test.titlePath().slice(2).join(' › '),
        file: relativeFile(test.location.file),
        line: test.location.line,
        status: 'skipped' as const,
        durationMs: 0,
        skipReason: why,
        ...(this.stoppedBecause?.startsWith('the target') ? { unreachable: true as const } : {}),
        replay: replayCommand(test.title, replayContext(this.settings, this.settings.target.kind)),
        ruleIds: rulesOf(test),
        readings: [],
      }));
  }

  private incompleteReason(
    result: FullResult,
    checks: readonly FinishedCheck[],
    notRun: number,
  ): string | undefined {
    const finished = checks.length - notRun;
    const counted = `${finished} ${finished === 1 ? 'check' : 'checks'} had finished${notRun > 0 ? `, ${notRun} did not run (reported skipped)` : ''}`;
    if (this.stoppedBecause) return `The run was stopped: ${this.stoppedBecause}; ${counted}.`;
    if (result.status === 'interrupted') return `The run was interrupted after ${counted}.`;
    if (result.status === 'timedout') return `The run hit its global time limit after ${counted}.`;
    const unreachable = checks.filter((check) => check.unreachable).length;
    if (unreachable > 0)
      return `The target stopped answering part-way: ${unreachable} ${unreachable === 1 ? 'check' : 'checks'} could not reach it (reported skipped).`;
    const [error] = this.globalErrors;
    if (error) return `Playwright reported an error outside any check: ${firstLine(error)}`;
    return undefined;
  }
}

function rulesOf(test: TestCase): string[] {
  return test.annotations.filter((a) => a.type === 'rule').map((a) => a.description ?? '');
}

function ruleLabel(id: string): RuleLabel {
  const rule = ruleById(id);
  return { id, severity: rule?.severity ?? 'info', title: rule?.title ?? '' };
}

function goneReason(health: TargetHealth | undefined): string | undefined {
  const gone = health?.gone();
  return gone ? `the target stopped answering (${gone})` : undefined;
}

function replayContext(settings: RunSettings, targetKind: string) {
  return { targetKind, targetArg: settings.targetArg, faults: settings.faults, seed: settings.seed };
}

/**
 * A check's annotations, declared and added while it ran. At a test's end Playwright gives the test
 * and its result the same annotation objects, so each is taken once: joined as they are, every
 * observation and every cut-short property was listed twice.
 */
export function annotationsOf(test: Pick<TestCase, 'annotations'>, result: Pick<TestResult, 'annotations'>) {
  return [...new Set([...test.annotations, ...result.annotations])];
}

function toCheck(
  test: TestCase,
  result: TestResult,
  settings: RunSettings,
  targetKind: string,
  run: { readonly targetGone: string | undefined },
): CheckResult {
  const annotations = annotationsOf(test, result);
  const error = result.errors.map(errorText).join('\n') || undefined;
  // A check that met a connection failure in a run whose target went away says nothing about the target.
  const lostTarget = run.targetGone !== undefined && annotations.some((a) => a.type === 'connection-failure');
  const unreachable =
    result.status !== 'passed' && error !== undefined && (lostTarget || unreachablePattern.test(error));
  const status =
    result.status === 'passed'
      ? 'passed'
      : result.status === 'skipped' || result.status === 'interrupted' || unreachable
        ? 'skipped'
        : 'failed';
  const declaredSkip = annotations.find((a) => a.type === 'skip')?.description;
  const skipReason =
    result.status === 'interrupted'
      ? `interrupted: ${run.targetGone ?? 'the run was stopped before this check finished'}`
      : unreachable
        ? `the target did not answer: ${firstLine(lostTarget ? (annotations.find((a) => a.type === 'connection-failure')?.description ?? '') : failureReason(error ?? ''))}`
        : (declaredSkip ?? 'skipped');
  const counterexample = error ? parseCounterexample(error) : undefined;
  const observations = annotations.filter((a) => a.type === 'observation').map((a) => a.description ?? '');
  const cutShort = annotations.filter((a) => a.type === 'cut-short').map((a) => a.description ?? '');
  const exchanges = readExchanges(result);
  const failedOn = status === 'failed' && exchanges ? failedExchangeOf({ exchanges }) : undefined;
  const [firstError] = result.errors;
  const site = status === 'failed' && firstError ? assertionSite(firstError, process.cwd()) : undefined;
  return {
    id: test.id,
    title: test.titlePath().slice(2).join(' › '),
    file: relativeFile(test.location.file),
    line: test.location.line,
    status,
    durationMs: Math.round(result.duration),
    ...(error && result.status !== 'interrupted' ? { error } : {}),
    ...(site ? { failedAssertion: site } : {}),
    ...(status === 'skipped' ? { skipReason } : {}),
    ...(unreachable || (result.status === 'interrupted' && run.targetGone) ? { unreachable: true } : {}),
    ...(observations.length > 0 ? { observations } : {}),
    ...(cutShort.length > 0 ? { cutShort } : {}),
    ...(counterexample ? { counterexample } : {}),
    ...(exchanges ? { exchanges: status === 'failed' ? exchanges : withoutFailedOn(exchanges) } : {}),
    replay: replayCommand(
      test.title,
      replayContext({ ...settings, seed: counterexample?.seed ?? settings.seed }, targetKind),
    ),
    ...(failedOn ? { curl: curlCommand(failedOn, targetKind) } : {}),
  };
}

function withoutFailedOn(
  exchanges: NonNullable<CheckResult['exchanges']>,
): NonNullable<CheckResult['exchanges']> {
  const { failedOn: _failedOn, ...rest } = exchanges;
  return rest;
}

function relativeFile(file: string): string {
  return file.replace(`${process.cwd()}/`, '');
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

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 200) ?? ''
  );
}
