import type { ConformanceReport } from './model';

/** JUnit XML: one testsuite per area, one testcase per check named by its rule id; untested rules are skipped cases. */
export function toJunit(report: ConformanceReport): string {
  const areas = [...new Set(report.rules.map((rule) => rule.area))];
  const suites = areas.map((area) => {
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    let time = 0;
    for (const rule of report.rules.filter((r) => r.area === area)) {
      if (rule.checks.length === 0) {
        skipped++;
        cases.push(
          `    <testcase classname="${area}" name="${xml(rule.id)}" time="0"><skipped message="untested: no check names this rule"/></testcase>`,
        );
      }
      for (const check of rule.checks) {
        time += check.durationMs;
        const name = xml(`${rule.id} › ${check.title}`);
        const seconds = (check.durationMs / 1000).toFixed(3);
        let body = '';
        if (check.status === 'failed') {
          failures++;
          body = `<failure message="${xml(firstLine(check.error ?? 'failed'))}">${xml(check.error ?? '')}</failure>`;
        } else if (check.status === 'skipped') {
          skipped++;
          body = `<skipped message="${xml(check.skipReason ?? 'skipped')}"/>`;
        }
        cases.push(`    <testcase classname="${area}" name="${name}" time="${seconds}">${body}</testcase>`);
      }
    }
    return `  <testsuite name="${area}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${(time / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(report.suite.name)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function xml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these control characters
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
