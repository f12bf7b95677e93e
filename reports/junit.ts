import { failureReason } from './failure-reason';
import type { ConformanceReport } from './model';
import { describeSelection } from './selection';

/**
 * JUnit XML: one testsuite per area, one testcase per check named by its rule id (a check that
 * verifies three rules appears under each); untested rules are skipped cases, so CI shows them.
 */
export function toJunit(report: ConformanceReport): string {
  const areas = [...new Set(report.rules.map((rule) => rule.area))];
  const properties = [
    ['verdict', report.verdict],
    ['completeness', report.completeness],
    ['target', `${report.target.kind} ${report.target.url}`],
    ['seed', String(report.seed)],
    ['commit', report.suite.commit ?? ''],
    ...(report.shard ? [['shard', `${report.shard.index}/${report.shard.total}`]] : []),
    ...(report.selection ? [['selection', `partial run: ${describeSelection(report.selection)}`]] : []),
  ]
    .map(([name, value]) => `      <property name="${xml(name ?? '')}" value="${xml(value ?? '')}"/>`)
    .join('\n');
  let allTests = 0;
  let allFailures = 0;
  let allSkipped = 0;
  const suites = areas.map((area) => {
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    let time = 0;
    for (const rule of report.rules.filter((r) => r.area === area)) {
      if (rule.checks.length === 0) {
        skipped++;
        const why =
          rule.status === 'not-selected'
            ? 'not selected: the run’s selection left out the checks of this rule'
            : 'untested: no check names this rule';
        cases.push(
          `    <testcase classname="${area}" name="${xml(rule.id)}" time="0"><skipped message="${xml(why)}"/></testcase>`,
        );
      }
      for (const check of rule.checks) {
        time += check.durationMs;
        const name = xml(`${rule.id} › ${check.title}`);
        const seconds = (check.durationMs / 1000).toFixed(3);
        let body = '';
        if (check.status === 'failed') {
          failures++;
          const details = [
            check.error ?? '',
            `replay: ${check.replay}`,
            check.curl ? `curl: ${check.curl}` : '',
          ]
            .filter(Boolean)
            .join('\n\n');
          body = `<failure message="${xml(failureReason(check.error ?? 'failed'))}">${xml(details)}</failure>`;
        } else if (check.status === 'skipped') {
          skipped++;
          body = `<skipped message="${xml(check.skipReason ?? 'skipped')}"/>`;
        }
        cases.push(
          `    <testcase classname="${area}" name="${name}" file="${xml(check.file)}" line="${check.line}" time="${seconds}">${body}</testcase>`,
        );
      }
    }
    allTests += cases.length;
    allFailures += failures;
    allSkipped += skipped;
    return `  <testsuite name="${area}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${(time / 1000).toFixed(3)}" timestamp="${report.startedAt.slice(0, 19)}">\n    <properties>\n${properties}\n    </properties>\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(report.suite.name)}" tests="${allTests}" failures="${allFailures}" errors="0" skipped="${allSkipped}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function xml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these control characters
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
