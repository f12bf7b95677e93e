import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { RuleSpec } from '../../contracts/rules/types';
import { assertionSite } from '../../reports/assertion-site';
import { buildReport, type FinishedCheck, type RunFacts } from '../../reports/build';
import { summaryLines } from '../../reports/console';
import { renderReportHtml } from '../../reports/html';
import { toJunit } from '../../reports/junit';
import { withLostTarget } from '../../reports/lost-target';
import { toMarkdown } from '../../reports/markdown';
import { mergeReports } from '../../reports/merge';
import { schemaErrors } from '../../reports/validate';
import { TargetHealth } from '../../targets/http/target-health';
import { scratchDir } from '../scratch';
import { check } from './hand-made';

/**
 * A run narrowed by a selection is a partial run: the report records what narrowed it, rules whose
 * checks it left out are "not selected" (never "untested", which means no check exists), and an
 * incomplete run's verdict says so.
 */

const root = join(fileURLToPath(new URL('../..', import.meta.url)));

const spec = (id: string, severity: RuleSpec['severity'] = 'must'): RuleSpec => ({
  id,
  area: 'flex-flow',
  title: `rule ${id}`,
  statement: 'a statement',
  severity,
  sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'a quote' }],
});
const rules = [spec('A-RAN'), spec('A-LEFT-OUT'), spec('A-NO-CHECK')];
const ran = (status: FinishedCheck['status']): FinishedCheck => ({
  ...check(status, `ran-${status}`),
  ruleIds: ['A-RAN'],
  readings: [],
});

function build(checks: FinishedCheck[], extra: Partial<RunFacts> = {}) {
  return buildReport(
    checks,
    {
      suite: { name: 'flex-conformance', version: '0.1.0', commit: null },
      target: { kind: 'mock', url: 'mock', fingerprint: null, faults: [] },
      seed: 1,
      runs: 25,
      startedAt: new Date('2026-06-01T00:00:00Z'),
      finishedAt: new Date('2026-06-01T00:00:05Z'),
      completeness: 'complete',
      ...extra,
    },
    rules,
  );
}

const grepped: Partial<RunFacts> = {
  selection: { grep: ['A-RAN'], checks: 1, suiteChecks: 2 },
  rulesWithChecks: ['A-RAN', 'A-LEFT-OUT'],
};

test.describe('a partial run', () => {
  test('a rule whose checks the selection left out is not selected; a rule without any check is untested', () => {
    const report = build([ran('passed')], grepped);
    expect(report.rules.map((rule) => `${rule.id} ${rule.status}`)).toEqual([
      'A-RAN passed',
      'A-LEFT-OUT not-selected',
      'A-NO-CHECK untested',
    ]);
    expect(report.totals).toMatchObject({ passed: 1, untested: 1, notSelected: 1 });
  });

  test('its selection is recorded in conformance.json, which the schema accepts', () => {
    const report = build([ran('passed')], grepped);
    expect(report.selection).toEqual({ grep: ['A-RAN'], checks: 1, suiteChecks: 2 });
    expect(schemaErrors(report)).toEqual([]);
  });

  test('a full run has no selection and no rule is not selected', () => {
    const report = build([ran('passed')], { rulesWithChecks: ['A-RAN', 'A-LEFT-OUT'] });
    expect(report.selection).toBeUndefined();
    expect(report.rules.map((rule) => rule.status)).toEqual(['passed', 'untested', 'untested']);
  });

  test('summary.md says the run was partial and counts the rules not selected', () => {
    const markdown = toMarkdown(build([ran('passed')], grepped));
    expect(markdown).toContain('## Flex conformance: ✅ PASS (partial run)');
    expect(markdown).toContain('> **Partial run:** --grep A-RAN — 1 of 2 checks.');
    expect(markdown).toContain('**1** not selected.');
  });

  test('junit.xml records the selection and tells a rule not selected from an untested one', () => {
    const junit = toJunit(build([ran('passed')], grepped));
    expect(junit).toContain('<property name="selection" value="partial run: --grep A-RAN — 1 of 2 checks"/>');
    expect(junit).toMatch(/name="A-LEFT-OUT" time="0"><skipped message="not selected: /);
    expect(junit).toMatch(/name="A-NO-CHECK" time="0"><skipped message="untested: /);
  });

  test('index.html says the run was partial and labels the rule not selected', () => {
    const html = renderReportHtml(build([ran('passed')], grepped));
    expect(html).toContain('data-testid="partial-run"');
    expect(html).toContain('--grep A-RAN — 1 of 2 checks');
    expect(html).toMatch(/data-id="A-LEFT-OUT"[^>]*data-status="not-selected"/);
    expect(html).toContain('Not selected');
  });

  test('the console names the selection beside the verdict', () => {
    const lines = summaryLines(build([ran('passed')], grepped), '/out');
    expect(lines).toContain('PARTIAL RUN: --grep A-RAN — 1 of 2 checks; 1 rules not selected');
    expect(lines.find((line) => line.startsWith('verdict:'))).toMatch(
      /^verdict: PASS \(partial run\) — 3 rules: 1 passed, 0 failed, 0 skipped, 1 untested, 1 not selected/,
    );
  });

  test('merging every shard of a grep run keeps the grep, not the shard', () => {
    const shard = (index: number, checks: FinishedCheck[]) =>
      build(checks, {
        ...grepped,
        shard: { index, total: 2 },
        selection: { grep: ['A-RAN'], shard: { index, total: 2 }, checks: checks.length, suiteChecks: 2 },
      });
    const { report } = mergeReports([shard(1, [ran('passed')]), shard(2, [])]);
    expect(report.selection).toEqual({ grep: ['A-RAN'], checks: 1, suiteChecks: 2 });
    expect(report.rules.map((rule) => rule.status)).toEqual(['passed', 'not-selected', 'untested']);
  });

  test('merging every shard of an unnarrowed run is not a partial run', () => {
    const shard = (index: number, checks: FinishedCheck[]) =>
      build(checks, {
        shard: { index, total: 2 },
        selection: { shard: { index, total: 2 }, checks: checks.length, suiteChecks: 1 },
        rulesWithChecks: ['A-RAN'],
      });
    const { report } = mergeReports([shard(1, [ran('passed')]), shard(2, [])]);
    expect(report.selection).toBeUndefined();
  });
});

test('a check that failed two rules is detailed once on the console; the second rule names the first', () => {
  const both: FinishedCheck = { ...check('failed', 'both'), ruleIds: ['A-RAN', 'A-LEFT-OUT'], readings: [] };
  const lines = summaryLines(build([both]), '/out');
  expect(lines.filter((line) => line.includes('replay:'))).toHaveLength(1);
  expect(lines).toContain('      check:   the same failed check as A-RAN above');
});

test.describe('the verdict of an incomplete run', () => {
  test('is incomplete, not pass, when no must rule failed', () => {
    const report = build([ran('passed')], { completeness: 'incomplete', incompleteReason: 'stopped' });
    expect(report.verdict).toBe('incomplete');
    expect(schemaErrors(report)).toEqual([]);
  });

  test('is fail when a must rule failed before it stopped', () => {
    expect(build([ran('failed')], { completeness: 'incomplete', incompleteReason: 'stopped' }).verdict).toBe(
      'fail',
    );
  });

  test('summary.md and the console say INCOMPLETE', () => {
    const report = build([ran('passed')], { completeness: 'incomplete', incompleteReason: 'stopped' });
    expect(toMarkdown(report)).toContain('## Flex conformance: ⚠️ INCOMPLETE\n');
    expect(summaryLines(report, '/out')).toContain('INCOMPLETE: stopped');
  });
});

test.describe('where an assertion failed', () => {
  const file = join(root, 'suites/flex-flow/create.spec.ts');
  const line =
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((text) => /^\s*expect\(/.test(text)) + 1;

  test('is the first stack frame in a check, with the statement written there', () => {
    const stack = `Error: x\n    at watched (${join(root, 'suites/assertions.ts')}:50:3)\n    at ${file}:${line}:7`;
    const site = assertionSite({ stack }, root);
    expect(site).toMatch(new RegExp(`^suites/flex-flow/create\\.spec\\.ts:${line}: expect\\(`));
  });

  test("is taken from a property's cause: the assertion that failed inside it", () => {
    const stack = `Error: Property failed\n    at ${join(root, 'node_modules/fast-check/lib/x.js')}:1:1`;
    const site = assertionSite({ stack, cause: { stack: `Error: y\n    at ${file}:${line}:7` } }, root);
    expect(site).toContain(`suites/flex-flow/create.spec.ts:${line}: `);
  });
});

test.describe('a target that stops answering', () => {
  test('is gone after three connection failures in a row, counted across the run’s processes', () => {
    const dir = scratchDir('health');
    const one = new TargetHealth(dir);
    const other = new TargetHealth(dir);
    one.failed(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    other.failed(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    expect(one.gone()).toBeUndefined();
    one.failed(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    expect(other.gone()).toMatch(/^3 requests in a row could not reach it, the last: connect ECONNREFUSED/);
  });

  test('says the limit it reached, though other processes counted more failures in the meantime', () => {
    const dir = scratchDir('health');
    // three workers failed side by side: their failures are counted before this one reads the count
    writeFileSync(join(dir, 'connection-failures'), 'connect ECONNREFUSED 127.0.0.1:1\n'.repeat(3));
    new TargetHealth(dir).failed(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    expect(new TargetHealth(dir).gone()).toMatch(/^3 requests in a row could not reach it/);
  });

  const refused = 'connect ECONNREFUSED 127.0.0.1:1';
  const failedOnConnection = (): FinishedCheck => ({
    ...ran('failed'),
    error: 'Error: expected 200 but was 502',
    failedAssertion: 'suites/x.spec.ts:9: expect(status).toBe(200)',
    curl: 'curl http://127.0.0.1:1/v1/FlexFlows',
  });
  const stopped = { completeness: 'incomplete', incompleteReason: 'stopped' } as const;

  test('a check that failed on a connection failure before the target was declared gone fails none for it', () => {
    const [check] = withLostTarget(
      [failedOnConnection()],
      new Map([['ran-failed', refused]]),
      'the target stopped answering (3 requests in a row could not reach it)',
    );
    expect(check).toMatchObject({
      status: 'skipped',
      unreachable: true,
      skipReason: `the target did not answer: ${refused}`,
    });
    expect(check).not.toHaveProperty('failedAssertion');
    expect(check).not.toHaveProperty('curl');
    expect(build(check ? [check] : [], stopped).verdict).toBe('incomplete');
  });

  test('while the target still answers, a check that failed on a connection failure is a failure', () => {
    const checks = withLostTarget([failedOnConnection()], new Map([['ran-failed', refused]]), undefined);
    expect(checks.map((check) => check.status)).toEqual(['failed']);
  });

  test('once the target is gone, a check that failed without a connection failure still failed', () => {
    const checks = withLostTarget([failedOnConnection()], new Map(), 'the target stopped answering');
    expect(build(checks, stopped).verdict).toBe('fail');
  });

  test('is not gone when an answer came between the failures', () => {
    const dir = scratchDir('health');
    const health = new TargetHealth(dir);
    health.failed(new Error('socket hang up'));
    health.failed(new Error('socket hang up'));
    health.answered();
    health.failed(new Error('socket hang up'));
    expect(health.gone()).toBeUndefined();
  });
});
