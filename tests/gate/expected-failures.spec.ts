/**
 * The gate another implementation's CI runs: known failures listed with a reason and an expiry
 * date do not fail the run, an expired entry does, and a listed rule that passes is reported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  applyExpectedFailures,
  type ExpectedFailure,
  readExpectedFailures,
} from '../../cli/expected-failures';
import type { ConformanceReport, RuleResult } from '../../reports/model';
import { ConfigError } from '../../targets/types';
import { runCli, scratchDir, stopStrayRuns } from '../twilio-target/support/staging';

const now = new Date('2026-11-21T12:00:00Z');

function rule(
  id: string,
  status: RuleResult['status'],
  severity: RuleResult['severity'] = 'must',
): RuleResult {
  return {
    id,
    status,
    severity,
    title: id,
    area: 'flex-flow',
    statement: '',
    sources: [],
    observedReadings: [],
    checks: [],
  };
}

function report(rules: RuleResult[], kind = 'url'): Pick<ConformanceReport, 'target' | 'rules'> {
  return { target: { kind, url: 'http://127.0.0.1:4010', fingerprint: null, faults: [] }, rules };
}

const entry = (rule: string, overrides: Partial<ExpectedFailure> = {}): ExpectedFailure => ({
  rule,
  target: 'url',
  reason: 'PageToken not implemented yet (#42)',
  expires: '2026-12-31',
  ...overrides,
});

test.describe('applying the list', () => {
  test('a listed must rule that fails is tolerated: the gate passes', () => {
    const gate = applyExpectedFailures(
      report([rule('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', 'failed')]),
      [entry('FLEXFLOW-PAGING-EVERY-ITEM-ONCE')],
      now,
    );
    expect(gate.tolerated.map((e) => e.rule)).toEqual(['FLEXFLOW-PAGING-EVERY-ITEM-ONCE']);
    expect(gate.pass).toBe(true);
  });

  test('a must rule that fails and is not listed fails the gate', () => {
    const gate = applyExpectedFailures(report([rule('FLEXFLOW-CREATE-RETURNS-201', 'failed')]), [], now);
    expect(gate.unexpected.map((r) => r.id)).toEqual(['FLEXFLOW-CREATE-RETURNS-201']);
    expect(gate.pass).toBe(false);
  });

  test('an entry past its date fails the gate, whether its rule fails or passes', () => {
    for (const status of ['failed', 'passed'] as const) {
      const gate = applyExpectedFailures(
        report([rule('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', status)]),
        [entry('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', { expires: '2026-11-20' })],
        now,
      );
      expect(
        gate.expired.map((e) => e.rule),
        status,
      ).toEqual(['FLEXFLOW-PAGING-EVERY-ITEM-ONCE']);
      expect(gate.pass, status).toBe(false);
    }
  });

  test('an entry holds through the last day of its date (UTC)', () => {
    const gate = applyExpectedFailures(
      report([rule('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', 'failed')]),
      [entry('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', { expires: '2026-11-21' })],
      new Date('2026-11-21T23:59:59Z'),
    );
    expect(gate.pass).toBe(true);
  });

  test('a listed rule that now passes is reported so its entry can be removed', () => {
    const gate = applyExpectedFailures(
      report([rule('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', 'passed')]),
      [entry('FLEXFLOW-PAGING-EVERY-ITEM-ONCE')],
      now,
    );
    expect(gate.nowPassing.map((e) => e.rule)).toEqual(['FLEXFLOW-PAGING-EVERY-ITEM-ONCE']);
    expect(gate.pass).toBe(true);
  });

  test('an entry for another target does not tolerate a failure on this one', () => {
    const gate = applyExpectedFailures(
      report([rule('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', 'failed')], 'twilio'),
      [entry('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', { target: 'url' })],
      now,
    );
    expect(gate.otherTargets).toBe(1);
    expect(gate.pass).toBe(false);
  });

  test('an entry matches the target kind, the --target value itself, or every target ("*")', () => {
    for (const target of ['url', 'http://127.0.0.1:4010', '*']) {
      const gate = applyExpectedFailures(
        report([rule('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', 'failed')]),
        [entry('FLEXFLOW-PAGING-EVERY-ITEM-ONCE', { target })],
        now,
      );
      expect(gate.pass, target).toBe(true);
    }
  });
});

test.describe('reading the file', () => {
  const write = (content: unknown) => {
    const file = join(scratchDir('expected'), 'expected-failures.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const cases: ReadonlyArray<[string, unknown, RegExp]> = [
    ['not JSON', '{', /not readable JSON/],
    ['no expectedFailures array', { entries: [] }, /needs an "expectedFailures" array/],
    ['an unknown rule', { expectedFailures: [entry('NOT-A-RULE')] }, /entry 1: unknown rule "NOT-A-RULE"/],
    [
      'a missing reason',
      { expectedFailures: [{ ...entry('WIRE-CREATE-201'), reason: '' }] },
      /entry 1: "reason" must be a non-empty string/,
    ],
    [
      'a malformed date',
      { expectedFailures: [entry('WIRE-CREATE-201', { expires: '31/12/2026' })] },
      /"expires" must be a date YYYY-MM-DD/,
    ],
    [
      'a rule listed twice',
      { expectedFailures: [entry('WIRE-CREATE-201'), entry('WIRE-CREATE-201')] },
      /entry 2: WIRE-CREATE-201 is listed twice for target url/,
    ],
  ];
  for (const [what, content, message] of cases) {
    test(`a file with ${what} is a configuration error`, () => {
      const file = write(content);
      expect(() => readExpectedFailures(file)).toThrow(ConfigError);
      expect(() => readExpectedFailures(file)).toThrow(message);
    });
  }
});

test.describe('flex-conformance run --expected-failures', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  test.afterAll(stopStrayRuns);

  const gateRun = async (entries: ExpectedFailure[]) => {
    const dir = scratchDir('gate');
    const file = join(dir, 'expected-failures.json');
    writeFileSync(file, JSON.stringify({ expectedFailures: entries }));
    const out = join(dir, 'out');
    const result = await runCli(
      [
        'run',
        '--fault',
        'flexflow-longlived-default-true',
        '--grep',
        'FLEXFLOW-LONGLIVED-DEFAULT-FALSE',
        '--grep',
        'FLEXFLOW-JANITOR-DEFAULT-FALSE',
        '--out',
        out,
        '--expected-failures',
        file,
      ],
      undefined,
    );
    return {
      ...result,
      gate: () => JSON.parse(readFileSync(join(out, 'gate.json'), 'utf8')) as { pass: boolean },
    };
  };
  const future = '2099-12-31';

  test('a listed failure passes the gate (exit 0); a listed rule that passes is reported', async () => {
    const result = await gateRun([
      entry('FLEXFLOW-LONGLIVED-DEFAULT-FALSE', {
        target: 'mock',
        expires: future,
        reason: 'LongLived default not fixed yet',
      }),
      entry('FLEXFLOW-JANITOR-DEFAULT-FALSE', {
        target: 'mock',
        expires: future,
        reason: 'was broken last month',
      }),
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'tolerated    FLEXFLOW-LONGLIVED-DEFAULT-FALSE: LongLived default not fixed yet',
    );
    expect(result.stdout).toContain('now passing  FLEXFLOW-JANITOR-DEFAULT-FALSE: remove its entry');
    expect(result.stdout).toContain('gate: PASS');
    expect(result.gate().pass).toBe(true);
  });

  test('an expired entry fails the gate (exit 1)', async () => {
    const result = await gateRun([
      entry('FLEXFLOW-LONGLIVED-DEFAULT-FALSE', { target: 'mock', expires: '2026-01-31' }),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/EXPIRED +FLEXFLOW-LONGLIVED-DEFAULT-FALSE on 2026-01-31 \(failed\)/);
    expect(result.gate().pass).toBe(false);
  });

  test('without an entry for it, the failing must rule fails the gate (exit 1)', async () => {
    const result = await gateRun([
      entry('FLEXFLOW-LONGLIVED-DEFAULT-FALSE', { target: 'url', expires: future }),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/UNEXPECTED +FLEXFLOW-LONGLIVED-DEFAULT-FALSE/);
  });

  test('an unreadable list is a usage error before anything runs: exit 2, one line', async () => {
    const result = await runCli(
      ['run', '--expected-failures', join(scratchDir('gate'), 'missing.json')],
      undefined,
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^flex-conformance: --expected-failures .*missing\.json: no such file$/,
    );
    expect(result.stdout).toBe('');
  });
});
