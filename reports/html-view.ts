import { areas } from '../contracts/rules';
import type { Reading, SourceQuote } from '../contracts/rules/types';
import { ruleVenuesText } from '../targets/twilio/rule-venues';
import { type ExchangeView, exchangeHtml } from './exchange-html';
import { failureReason } from './failure-reason';
import type { KillMatrix } from './kill-matrix';
import type { CheckResult, ConformanceReport, ExchangeEvidence, RuleResult, RuleStatus } from './model';
import { defaultMockOrigin, failedExchangeOf } from './reproduce';
import { describeSelection } from './selection';
import { sourceTitle } from './source-titles';

/**
 * What the HTML templates show, computed once here so the templates only lay it out: labels,
 * chart geometry, formatted times, pretty-printed bodies. Every string is escaped by the template
 * engine on output.
 */

export const statuses: readonly RuleStatus[] = ['passed', 'failed', 'skipped', 'untested', 'not-selected'];
const statusLabels: Record<RuleStatus, string> = {
  passed: 'Passed',
  failed: 'Failed',
  skipped: 'Skipped',
  untested: 'Untested',
  'not-selected': 'Not selected',
};

/** A report's totals keyed by rule status (reports written before selections have no `notSelected`). */
export function totalsByStatus(totals: ConformanceReport['totals']): Record<RuleStatus, number> {
  return {
    passed: totals.passed,
    failed: totals.failed,
    skipped: totals.skipped,
    untested: totals.untested,
    'not-selected': totals.notSelected ?? 0,
  };
}

export interface BarSegment {
  readonly status: RuleStatus;
  readonly label: string;
  readonly count: number;
  readonly x: number;
  readonly width: number;
}

/** A horizontal stacked bar in a 0..100 wide SVG viewBox. */
export function barSegments(counts: Readonly<Record<RuleStatus, number>>): BarSegment[] {
  const total = statuses.reduce((sum, status) => sum + counts[status], 0);
  let x = 0;
  const segments: BarSegment[] = [];
  for (const status of statuses) {
    const count = counts[status];
    if (count === 0 || total === 0) continue;
    const width = (count / total) * 100;
    segments.push({ status, label: statusLabels[status], count, x: round(x), width: round(width) });
    x += width;
  }
  return segments;
}

export function reportView(report: ConformanceReport, killMatrix?: KillMatrix) {
  const failedBySeverity = (severity: string) =>
    report.rules.filter((rule) => rule.status === 'failed' && rule.severity === severity).length;
  const mustFailed = failedBySeverity('must');
  const tested = report.totals.passed + report.totals.failed + report.totals.skipped;
  const presentAreas = areas.filter((area) => report.rules.some((rule) => rule.area === area));
  return {
    pageTitle: `Conformance report: ${report.verdict.toUpperCase()}${report.completeness === 'incomplete' ? ' (incomplete)' : ''} · ${report.target.kind} · ${report.suite.name}`,
    verdict: {
      value: report.verdict,
      label: report.verdict.toUpperCase(),
      sentence: verdictSentence(report, mustFailed, tested),
      notGating: notGatingSentence(failedBySeverity('should'), failedBySeverity('info')),
    },
    incomplete:
      report.completeness === 'incomplete'
        ? { reason: report.incompleteReason ?? 'The run stopped before every check finished.' }
        : null,
    suite: {
      name: report.suite.name,
      version: report.suite.version,
      commit: report.suite.commit ?? 'unknown (not a git checkout)',
      commitShort: report.suite.commit ? report.suite.commit.slice(0, 12) : 'unknown',
      catalogSha256: report.suite.catalogSha256,
      catalogRules: report.totals.rules,
    },
    target: {
      kind: report.target.kind,
      url: report.target.url,
      fingerprint: report.target.fingerprint ? shortMask(report.target.fingerprint) : 'not recorded',
      fingerprintFull: report.target.fingerprint ?? '',
      faults: report.target.faults.join(', '),
    },
    seed: report.seed,
    runs: report.runs,
    startedAt: formatTime(report.startedAt),
    finishedAt: formatTime(report.finishedAt),
    duration: formatDuration(report.durationMs),
    shard: report.shard ? `${report.shard.index} of ${report.shard.total}` : '',
    mergedFrom: (report.mergedFrom ?? []).map((part) => ({
      label: part.shard ? `shard ${part.shard.index}/${part.shard.total}` : 'run',
      seed: part.seed,
      startedAt: formatTime(part.startedAt),
      completeness: part.completeness,
      checks: part.checks,
    })),
    totals: report.totals,
    totalTiles: [
      { status: '', label: 'Rules', count: report.totals.rules },
      ...statuses
        .filter((status) => status !== 'not-selected' || report.selection)
        .map((status) => ({
          status,
          label: statusLabels[status],
          count: totalsByStatus(report.totals)[status],
        })),
    ],
    overall: barSegments(totalsByStatus(report.totals)),
    selection: report.selection ? describeSelection(report.selection) : null,
    areas: presentAreas.map((area) => areaView(area, report.rules)),
    areaNames: presentAreas,
    requests: {
      total: report.requests.total,
      rows: Object.entries(report.requests.byDomain).map(([domain, count]) => ({
        domain,
        count,
        share: report.requests.total ? Math.round((count / report.requests.total) * 100) : 0,
      })),
      apiRows: Object.entries(report.requests.byApi ?? {}).map(([api, count]) => ({ api, count })),
    },
    failedRules: report.rules
      .filter((rule) => rule.status === 'failed')
      .map((rule) => ({
        id: rule.id,
        anchor: ruleAnchor(rule.id),
        title: rule.title,
        severity: rule.severity,
        reason: failureReason(rule.checks.find((check) => check.status === 'failed')?.error ?? 'failed'),
      })),
    rules: report.rules.map((rule) => ruleView(rule, report)),
    killMatrix: killMatrix ? killMatrixView(killMatrix) : null,
    generatedAt: formatTime(new Date().toISOString()),
    schemaVersion: report.schemaVersion,
  };
}

function verdictSentence(report: ConformanceReport, mustFailed: number, tested: number): string {
  if (report.verdict === 'fail')
    return `${mustFailed} must ${plural(mustFailed, 'rule')} failed: the target does not conform.`;
  if (tested === 0) return 'No check ran: nothing was verified.';
  const counted = `${report.totals.passed} of ${report.totals.rules} rules passed; ${report.totals.untested} untested${report.selection ? `; ${report.totals.notSelected ?? 0} not selected` : ''}`;
  if (report.completeness === 'incomplete')
    return `No must rule failed in the part that ran (${counted}), but the run is incomplete: conformance is not established.`;
  if (report.selection)
    return `Every must rule that ran passed (${counted}), in a partial run: only the selected checks ran.`;
  return `Every must rule that ran passed (${counted}).`;
}

function notGatingSentence(should: number, info: number): string {
  if (should + info === 0) return '';
  return `${should} should and ${info} info ${plural(should + info, 'rule')} failed as well: reported, never gating.`;
}

function areaView(area: string, rules: readonly RuleResult[]) {
  const inArea = rules.filter((rule) => rule.area === area);
  const counts = Object.fromEntries(
    statuses.map((status) => [status, inArea.filter((rule) => rule.status === status).length]),
  ) as Record<RuleStatus, number>;
  return {
    name: area,
    total: inArea.length,
    counts: statuses.map((status) => ({ status, label: statusLabels[status], count: counts[status] })),
    segments: barSegments(counts),
    summary: statuses.map((status) => `${counts[status]} ${status}`).join(', '),
  };
}

function ruleView(rule: RuleResult, report: ConformanceReport) {
  return {
    id: rule.id,
    anchor: ruleAnchor(rule.id),
    title: rule.title,
    area: rule.area,
    severity: rule.severity,
    status: rule.status,
    statusLabel: statusLabels[rule.status],
    statusNote: statusNote(rule),
    search: [rule.id, rule.title, rule.statement, rule.area, ...rule.sources.map((s) => s.quote)]
      .join(' ')
      .toLowerCase(),
    statement: rule.statement,
    sources: rule.sources.map(sourceView),
    appliesTo: appliesToText(rule),
    runsOn: ruleVenuesText(rule),
    ambiguity: rule.ambiguity
      ? {
          summary: rule.ambiguity.summary,
          rationale: rule.ambiguity.rationale,
          applied: rule.ambiguity.applied,
          observedMode: Boolean(rule.ambiguity.observed),
          readings: rule.ambiguity.readings.map((reading) => readingView(reading, rule)),
          observed: rule.observedReadings.join(', '),
          /** Readings a check reported that the catalog does not name: the check and the catalog disagree. */
          unknownObserved: rule.observedReadings
            .filter((id) => !rule.ambiguity?.readings.some((reading) => reading.id === id))
            .join(', '),
        }
      : null,
    checkCount: rule.checks.length,
    checks: rule.checks
      .map((check, index) => checkView(check, rule, index, report))
      .sort((a, b) => checkOrder[a.status] - checkOrder[b.status]),
  };
}

/** A rule's failed checks first: that is what a reader opens the rule for. */
const checkOrder: Record<CheckResult['status'], number> = { failed: 0, skipped: 1, passed: 2 };

function statusNote(rule: RuleResult): string {
  if (rule.status === 'untested') return 'No check in this run names this rule.';
  if (rule.status === 'not-selected')
    return 'The suite has checks for this rule; this run’s selection left them out.';
  if (rule.status === 'skipped')
    return `Every check was skipped: ${rule.checks[0]?.skipReason ?? 'not exercisable on this target'}.`;
  return '';
}

function sourceView(source: SourceQuote) {
  return { doc: source.doc, title: sourceTitle(source.doc), quote: source.quote };
}

function readingView(reading: Reading, rule: RuleResult) {
  return {
    id: reading.id,
    text: reading.text,
    applied: reading.id === rule.ambiguity?.applied,
    observed: rule.observedReadings.includes(reading.id),
    sources: reading.sources.map(sourceView),
  };
}

function appliesToText(rule: RuleResult): string {
  const applies = rule.appliesTo;
  if (!applies) return '';
  const parts: string[] = [];
  if (applies.triggers?.length) parts.push(`triggers: ${applies.triggers.join(', ')}`);
  if (applies.channels?.length) parts.push(`channels: ${applies.channels.join(', ')}`);
  if (applies.targets?.length) parts.push(`targets: ${applies.targets.join(', ')}`);
  return parts.join('; ');
}

function checkView(check: CheckResult, rule: RuleResult, index: number, report: ConformanceReport) {
  const kept = check.exchanges?.kept ?? [];
  const total = check.exchanges?.total ?? 0;
  const failedOn = check.status === 'failed' ? failedExchangeOf(check) : undefined;
  const failedOnIndex = failedOn ? kept.indexOf(failedOn) : 0;
  return {
    anchor: `${ruleAnchor(rule.id)}-check-${index + 1}`,
    title: withoutFile(check.title, check.file),
    location: `${check.file}:${check.line}`,
    status: check.status,
    statusLabel: statusLabels[check.status],
    duration: formatDuration(check.durationMs),
    error: check.error ?? '',
    failedAssertion: check.failedAssertion ?? '',
    skipReason: check.skipReason ?? '',
    observations: (check.observations ?? []).join('; '),
    cutShort: (check.cutShort ?? []).map((cases) => `${cases} cases`).join('; '),
    unreachable: Boolean(check.unreachable),
    counterexample: check.counterexample
      ? {
          seed: check.counterexample.seed,
          path: check.counterexample.path,
          value: check.counterexample.value ?? '',
        }
      : null,
    replay: check.replay,
    curl: check.curl ?? '',
    curlHint:
      check.curl && report.target.kind === 'mock'
        ? `Against the mock: start it first with npx flex-conformance mock${report.target.faults.map((fault) => ` --fault ${fault}`).join('')} (it listens on ${defaultMockOrigin}), with the same TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN in the environment.`
        : '',
    requests: {
      total,
      byDomain: Object.entries(check.exchanges?.byDomain ?? {})
        .map(([domain, count]) => `${domain} ${count}`)
        .join(', '),
      keptNote:
        kept.length < total
          ? `${kept.length} of ${total} kept: the first and the last few${failedOn ? `, and the one it failed on (#${failedOn.sequence ?? failedOnIndex + 1}) with those just before it` : ''}`
          : '',
    },
    exchanges: kept.map(exchangeView),
    failedOn: failedOn ? exchangeView(failedOn, failedOnIndex) : null,
  };
}

/** An exchange as check.liquid places it: its markup, rendered by reports/exchange-html.ts. */
function exchangeView(exchange: ExchangeEvidence, index: number) {
  return { html: exchangeHtml(exchangeFields(exchange, index)) };
}

function exchangeFields(exchange: ExchangeEvidence, index: number): ExchangeView {
  return {
    number: exchange.sequence ?? index + 1,
    method: exchange.method,
    url: exchange.url,
    status: exchange.status,
    statusClass: exchange.status >= 500 ? 's5' : exchange.status >= 400 ? 's4' : 's2',
    duration: `${exchange.durationMs} ms`,
    requestHeaders: Object.entries(exchange.requestHeaders)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    requestBody: exchange.requestBody ? formBody(exchange.requestBody) : '',
    responseBody: prettyJson(exchange.responseBody),
  };
}

/** A form body one parameter a line, decoded (percent-encoded Unicode is unreadable). */
function formBody(body: string): string {
  try {
    return [...new URLSearchParams(body)].map(([key, value]) => `${key} = ${value}`).join('\n');
  } catch {
    return body;
  }
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function killMatrixView(matrix: KillMatrix) {
  const faults = matrix.faults.map((fault) => ({
    name: fault.name,
    description: fault.description,
    killed: fault.killed,
    trips: fault.trips.map((id) => ({ id, anchor: ruleAnchor(id), failed: fault.failedRules.includes(id) })),
    alsoFailed: fault.failedRules.filter((id) => !fault.trips.includes(id)).join(', '),
  }));
  const killed = faults.filter((fault) => fault.killed).length;
  return {
    generatedAt: formatTime(matrix.generatedAt),
    clean: { verdict: matrix.clean.verdict.toUpperCase(), failedRules: matrix.clean.failedRules.join(', ') },
    faults,
    killed,
    total: faults.length,
    survived: faults.filter((fault) => !fault.killed).map((fault) => fault.name),
  };
}

/** Check titles start with the spec file, which the check's location already shows. */
export function withoutFile(title: string, file: string): string {
  const prefix = `${file} › `;
  return title.startsWith(prefix) ? title.slice(prefix.length) : title;
}

/** `AC****…****e95b` → `AC…e95b`: the masked part says nothing and wraps badly. */
function shortMask(fingerprint: string): string {
  return fingerprint.replace(/\*{4,}/g, '…');
}

export function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  if (minutes < 60) return `${minutes} min ${rest} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
