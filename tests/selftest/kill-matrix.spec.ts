import { expect, test } from '@playwright/test';
import { buildKillMatrix, formatKillMatrix, matrixPasses } from '../../cli/selftest/matrix';
import type { EntryOutcome, SelftestOutcomes } from '../../cli/selftest/outcomes';
import {
  checksOf,
  cleanEntry,
  entryChecks,
  entryFile,
  entryOfFile,
  faultEntry,
  faultOfEntry,
} from '../../cli/selftest/settings';
import type { FaultSpec } from '../../mock/faults/fault';
import { isKillMatrix } from '../../reports/kill-matrix';

/** How the kill matrix is read from the self-test's per-entry outcomes. */

const order = ['RULE-A', 'RULE-B', 'RULE-C'];
const faultAB = {
  name: 'fault-ab',
  description: 'trips A and B',
  trips: ['RULE-A', 'RULE-B'],
} as unknown as FaultSpec;
const faultC = { name: 'fault-c', description: 'trips C', trips: ['RULE-C'] } as unknown as FaultSpec;

function outcome(rules: Record<string, [passed: number, failed: number, skipped: number]>): EntryOutcome {
  return {
    checks: Object.values(rules).reduce((sum, [p, f, s]) => sum + p + f + s, 0),
    rules: Object.fromEntries(
      Object.entries(rules).map(([id, [passed, failed, skipped]]) => [id, { passed, failed, skipped }]),
    ),
    failures: [],
  };
}

function outcomes(entries: Record<string, EntryOutcome>): SelftestOutcomes {
  return { status: 'passed', durationMs: 1, entries };
}

test.describe('the kill matrix', () => {
  test('a fault is killed only when every rule it trips failed', () => {
    const matrix = buildKillMatrix(
      outcomes({
        [cleanEntry]: outcome({ 'RULE-A': [2, 0, 0] }),
        [faultEntry('fault-ab')]: outcome({ 'RULE-A': [0, 1, 0], 'RULE-B': [1, 0, 0] }),
        [faultEntry('fault-c')]: outcome({ 'RULE-C': [1, 1, 0] }),
      }),
      [faultAB, faultC],
      order,
    );
    expect(matrix.faults.map((fault) => [fault.name, fault.killed, fault.failedRules])).toEqual([
      ['fault-ab', false, ['RULE-A']],
      ['fault-c', true, ['RULE-C']],
    ]);
    expect(matrixPasses(matrix)).toBe(false);
  });

  test('a fault none of whose checks ran survives', () => {
    const matrix = buildKillMatrix(
      outcomes({ [cleanEntry]: outcome({ 'RULE-A': [1, 0, 0] }) }),
      [faultC],
      order,
    );
    expect(matrix.faults[0]?.killed).toBe(false);
    expect(formatKillMatrix(matrix, outcomes({})).join('\n')).toContain('MISSED RULE-C (no check ran)');
  });

  test('a rule whose checks were skipped under a fault is not counted as failed', () => {
    const matrix = buildKillMatrix(
      outcomes({ [cleanEntry]: outcome({}), [faultEntry('fault-c')]: outcome({ 'RULE-C': [0, 0, 2] }) }),
      [faultC],
      order,
    );
    expect(matrix.faults[0]?.failedRules).toEqual([]);
    expect(matrix.faults[0]?.killed).toBe(false);
  });

  test('the clean mock passes only when its checks ran and none failed', () => {
    const green = buildKillMatrix(outcomes({ [cleanEntry]: outcome({ 'RULE-A': [3, 0, 1] }) }), [], order);
    expect(green.clean).toEqual({ verdict: 'pass', failedRules: [] });
    const red = buildKillMatrix(outcomes({ [cleanEntry]: outcome({ 'RULE-B': [1, 1, 0] }) }), [], order);
    expect(red.clean).toEqual({ verdict: 'fail', failedRules: ['RULE-B'] });
    const absent = buildKillMatrix(outcomes({}), [], order);
    expect(absent.clean.verdict).toBe('fail');
  });

  test('failed rules are listed in catalog order, whatever order the checks ended in', () => {
    const matrix = buildKillMatrix(
      outcomes({
        [cleanEntry]: outcome({}),
        [faultEntry('fault-ab')]: outcome({
          'RULE-C': [0, 1, 0],
          'RULE-A': [0, 1, 0],
          'RULE-B': [0, 1, 0],
        }),
      }),
      [faultAB],
      order,
    );
    expect(matrix.faults[0]?.failedRules).toEqual(['RULE-A', 'RULE-B', 'RULE-C']);
  });

  test('the matrix has the shape the HTML report reads', () => {
    const matrix = buildKillMatrix(
      outcomes({ [cleanEntry]: outcome({}), [faultEntry('fault-c')]: outcome({ 'RULE-C': [0, 1, 0] }) }),
      [faultC],
      order,
      new Date('2026-06-01T00:00:00Z'),
    );
    expect(isKillMatrix(JSON.parse(JSON.stringify(matrix)))).toBe(true);
    expect(Object.keys(matrix)).toEqual(['generatedAt', 'clean', 'faults']);
    expect(Object.keys(matrix.faults[0] ?? {})).toEqual([
      'name',
      'description',
      'trips',
      'failedRules',
      'killed',
    ]);
    expect(matrix.generatedAt).toBe('2026-06-01T00:00:00.000Z');
  });
});

test.describe('selecting the checks of a fault', () => {
  test("a fault's grep selects the checks tagged with its rules and no rule that merely extends an id", () => {
    const grep = checksOf(['FLEXFLOW-SID-PATTERN', 'WIRE-CREATE-201']);
    expect(grep.test('the flow SID matches @FLEXFLOW-SID-PATTERN @flex-flow')).toBe(true);
    expect(grep.test('creates @WIRE-CREATE-201 @wire')).toBe(true);
    expect(grep.test('x @FLEXFLOW-SID-PATTERN-STRICT @flex-flow')).toBe(false);
    expect(grep.test('x @FLEXFLOW-ACCOUNT-SID-PATTERN')).toBe(false);
  });

  test('a fault that trips no rule selects no check', () => {
    expect(checksOf([]).test('anything @FLEXFLOW-SID-PATTERN')).toBe(false);
  });

  test('entry names map back to their fault', () => {
    expect(faultOfEntry(faultEntry('flexflow-sid-uuid'))).toBe('flexflow-sid-uuid');
    expect(faultOfEntry(cleanEntry)).toBeUndefined();
  });

  test("an entry's spec file maps back to the entry, and no other file does", () => {
    for (const entry of [cleanEntry, faultEntry('flexflow-sid-uuid')])
      expect(entryOfFile(entryFile(entry)), entry).toBe(entry);
    expect(entryOfFile('flex-flow/create.spec.ts')).toBeUndefined();
    expect(entryOfFile('nested/clean.spec.mjs')).toBeUndefined();
  });

  test("an entry's grep selects its own file's checks of its rules, not a fault whose name extends it", () => {
    // Playwright matches a project's grep against the project, file and test titles and the tags
    const title = (entry: string, tags: string) =>
      ` matrix ${entryFile(entry)} creating a Flex Flow › x ${tags}`;
    const grep = entryChecks(faultEntry('fault-a'), ['FLEXFLOW-SID-PATTERN']);
    expect(grep.test(title(faultEntry('fault-a'), '@FLEXFLOW-SID-PATTERN @flex-flow'))).toBe(true);
    expect(grep.test(title(faultEntry('fault-ab'), '@FLEXFLOW-SID-PATTERN @flex-flow'))).toBe(false);
    expect(grep.test(title(faultEntry('b-fault-a'), '@FLEXFLOW-SID-PATTERN @flex-flow'))).toBe(false);
    expect(grep.test(title(faultEntry('fault-a'), '@FLEXFLOW-SID-PATTERN-STRICT @flex-flow'))).toBe(false);
    expect(entryChecks(cleanEntry).test(title(cleanEntry, '@ANY-RULE'))).toBe(true);
    expect(entryChecks(cleanEntry).test(title(faultEntry('clean'), '@ANY-RULE'))).toBe(false);
  });
});
