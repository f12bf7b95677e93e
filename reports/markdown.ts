import { areas } from '../contracts/rules';
import { failureReason } from './failure-reason';
import type { KillMatrix } from './kill-matrix';
import type { ConformanceReport, RuleResult } from './model';
import { describeSelection } from './selection';

/** Failed rules listed one a line before the list is cut (a pull-request comment holds 65 536 characters). */
const failedListed = 60;

/**
 * summary.md: verdict, totals per area and the failed rules with one-line reasons, short enough
 * for a pull-request comment or a CI job summary.
 */
export function toMarkdown(report: ConformanceReport, killMatrix?: KillMatrix): string {
  const lines: string[] = [];
  const verdict = { pass: '✅ PASS', fail: '❌ FAIL', incomplete: '⚠️ INCOMPLETE' }[report.verdict];
  const qualifiers = [
    ...(report.verdict === 'fail' && report.completeness === 'incomplete' ? ['incomplete run'] : []),
    ...(report.selection ? ['partial run'] : []),
  ];
  lines.push(`## Flex conformance: ${verdict}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`);
  lines.push('');
  if (report.completeness === 'incomplete')
    lines.push(`> **Incomplete:** ${cell(report.incompleteReason ?? 'the run stopped early')}`, '');
  if (report.selection)
    lines.push(
      `> **Partial run:** ${cell(describeSelection(report.selection))}. Rules whose checks it left out are *not selected*, not failed.`,
      '',
    );
  const { totals } = report;
  lines.push(
    `**${totals.rules}** rules: **${totals.passed}** passed, **${totals.failed}** failed, **${totals.skipped}** skipped, **${totals.untested}** untested${report.selection ? `, **${totals.notSelected ?? 0}** not selected` : ''}.`,
  );
  lines.push('');
  const facts = [
    `target \`${report.target.kind}\` ${code(report.target.url)}`,
    report.target.fingerprint ? `account ${code(report.target.fingerprint)}` : '',
    report.target.faults.length ? `faults ${report.target.faults.map(code).join(', ')}` : '',
    `seed ${code(String(report.seed))}`,
    report.shard ? `shard ${report.shard.index}/${report.shard.total}` : '',
    `${report.suite.name} ${report.suite.version}${report.suite.commit ? ` @ ${code(report.suite.commit.slice(0, 12))}` : ''}`,
    `${Math.round(report.durationMs / 1000)} s`,
    `${report.requests.total} requests`,
  ].filter(Boolean);
  lines.push(facts.join(' · '));
  lines.push('');
  const notSelected = report.selection ? ' not selected |' : '';
  lines.push(`| area | rules | passed | failed | skipped | untested |${notSelected}`);
  lines.push(`| --- | ---: | ---: | ---: | ---: | ---: |${report.selection ? ' ---: |' : ''}`);
  for (const area of areas) {
    const rules = report.rules.filter((rule) => rule.area === area);
    if (rules.length === 0) continue;
    const count = (status: string) => rules.filter((rule) => rule.status === status).length;
    const failed = count('failed');
    lines.push(
      `| ${area} | ${rules.length} | ${count('passed')} | ${failed ? `**${failed}**` : '0'} | ${count('skipped')} | ${count('untested')} |${report.selection ? ` ${count('not-selected')} |` : ''}`,
    );
  }
  const failed = report.rules.filter((rule) => rule.status === 'failed');
  if (failed.length > 0) {
    lines.push('', `### Failed rules (${failed.length})`, '');
    for (const rule of failed.slice(0, failedListed)) lines.push(failedLine(rule));
    if (failed.length > failedListed)
      lines.push(`- … and ${failed.length - failedListed} more (see index.html)`);
  }
  if (killMatrix) {
    const killed = killMatrix.faults.filter((fault) => fault.killed).length;
    lines.push(
      '',
      `Sensitivity: the suite failed ${killed} of ${killMatrix.faults.length} deliberately broken mocks.`,
    );
  }
  lines.push(
    '',
    '<sub>Full report: index.html (evidence per check) · conformance.json · junit.xml</sub>',
    '',
  );
  return lines.join('\n');
}

function failedLine(rule: RuleResult): string {
  const check = rule.checks.find((c) => c.status === 'failed');
  const reason = failureReason(check?.error ?? 'failed');
  return `- **${rule.id}** (${rule.severity}): ${cell(rule.title)} — ${code(reason)}`;
}

/** Markdown-safe inline text: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
}

/** Inline code with a fence longer than any backtick run inside. */
function code(text: string): string {
  const clean = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
