import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { summaryLines } from '../../reports/console';
import { renderReportHtml } from '../../reports/html';
import { annotationsOf } from '../../reports/reporter';
import { schemaErrors } from '../../reports/validate';
import {
  checkPropertySettings,
  cleanupReserveShare,
  minimumPropertyTimeMs,
  propertyTimeLimit,
  runReporter,
} from '../../suites/properties';
import { check, report, rule } from './hand-made';

/**
 * A property stopped by its time limit passes on the cases it ran (fast-check's default); the
 * run's reporter notes how many, so a report never presents it as having run them all.
 */
const slowCase = fc.asyncProperty(fc.nat(), () => new Promise<void>((resolve) => setTimeout(resolve, 20)));

test('a property its time limit stops is noted with the cases it ran of those asked', async () => {
  const noted: Array<[number, number]> = [];
  await fc.assert(slowCase, {
    numRuns: 1_000,
    interruptAfterTimeLimit: 200,
    reporter: runReporter((ran, asked) => noted.push([ran, asked])),
  });
  expect(noted).toHaveLength(1);
  const [[ran, asked]] = noted as [[number, number]];
  expect(asked).toBe(1_000);
  expect(ran).toBeGreaterThan(0);
  expect(ran).toBeLessThan(asked);
});

test('a property that runs all its cases is not noted', async () => {
  const noted: number[] = [];
  await fc.assert(slowCase, {
    numRuns: 3,
    interruptAfterTimeLimit: 60_000,
    reporter: runReporter((ran) => noted.push(ran)),
  });
  expect(noted).toEqual([]);
});

test('a property gets the time its check has left, less the reserve for the cleanup after it', () => {
  const timeoutMs = 300_000;
  const limit = propertyTimeLimit({ startedAt: 1_000, timeoutMs, now: 11_000 });
  expect(limit).toBe(timeoutMs - 10_000 - timeoutMs * cleanupReserveShare);
});

test('a property that starts past its check’s reserve still gets the minimum time, and no time limit sets none', () => {
  expect(propertyTimeLimit({ startedAt: 0, timeoutMs: 60_000, now: 59_000 })).toBe(minimumPropertyTimeMs);
  expect(propertyTimeLimit({ startedAt: 0, timeoutMs: 0, now: 59_000 })).toBeUndefined();
});

test('fast-check takes the time limit as each property starts, so the longer time limit of a check on a real account reaches its properties', async () => {
  let timeoutMs = 60_000;
  const startedAt = Date.now();
  const quick = fc.property(fc.nat(), () => true);
  fc.configureGlobal(
    checkPropertySettings({
      seed: 7,
      runs: 2,
      startedAt,
      timeoutMs: () => timeoutMs,
      endOnFailure: false,
      noteCutShort: () => {},
    }),
  );
  try {
    const asSetUp = fc.check(quick).runConfiguration.interruptAfterTimeLimit;
    // a real account's check: five times the default time limit
    timeoutMs = 300_000;
    const scaled = fc.check(quick).runConfiguration.interruptAfterTimeLimit;
    expect(asSetUp).toBeLessThanOrEqual(60_000 * (1 - cleanupReserveShare));
    expect(scaled).toBeGreaterThan(60_000 * 3);
    expect(scaled).toBeLessThanOrEqual(300_000 * (1 - cleanupReserveShare));
  } finally {
    fc.resetConfigureGlobal();
  }
});

test("a failed property throws fast-check's own message and cause, so seed, path and counterexample reach the report", async () => {
  const failing = fc.asyncProperty(fc.nat(), async (n) => {
    if (n > 3) throw new Error(`too big: ${n}`);
  });
  const own = await fc.assert(failing, { seed: 42 }).then(
    () => undefined,
    (error: Error) => error,
  );
  const ours = await fc.assert(failing, { seed: 42, reporter: runReporter(() => {}) }).then(
    () => undefined,
    (error: Error) => error,
  );
  expect(ours?.message).toBe(own?.message);
  expect(ours?.message).toMatch(/seed: 42, path: "[^"]*"/);
  expect(String((ours?.cause as Error | undefined)?.message)).toMatch(/^too big: \d+$/);
});

test('a check cut short validates against the schema and the HTML says so beside it', () => {
  const cutShort = report([rule('A-B', [check('passed', 'cut', { cutShort: ['3 of 8'] })])]);
  expect(schemaErrors(cutShort)).toEqual([]);
  expect(
    schemaErrors(report([rule('A-B', [check('passed', 'cut', { cutShort: ['all of 8'] })])])),
  ).not.toEqual([]);
  const html = renderReportHtml(cutShort);
  expect(html).toMatch(/data-testid="cut-short"><span class="k">Cut short<\/span>[^<]*3 of 8 cases<\/p>/);
  expect(renderReportHtml(report([rule('A-B', [check('passed')])]))).not.toContain('data-testid="cut-short"');
});

test('the console counts the checks cut short, each once', () => {
  const cut = check('passed', 'cut', { cutShort: ['3 of 8', '1 of 8'] });
  const lines = summaryLines(report([rule('A-B', [cut]), rule('A-C', [cut, check('passed')])]), '/out');
  expect(lines.filter((line) => line.startsWith('cut short:'))).toEqual([
    'cut short: 1 check passed on fewer property cases than asked (time limit; cases run in the report)',
  ]);
  expect(summaryLines(report([rule('A-B', [check('passed')])]), '/out').join('\n')).not.toContain(
    'cut short',
  );
});

test("a check's annotations are taken once, though Playwright gives the test and its result the same ones", () => {
  const rule = { type: 'rule', description: 'A-B' };
  const cut = { type: 'cut-short', description: '21 of 25' };
  const sameCountsOtherProperty = { type: 'cut-short', description: '21 of 25' };
  const annotations = [rule, cut, sameCountsOtherProperty];
  expect(annotationsOf({ annotations }, { annotations: [...annotations] })).toEqual(annotations);
  expect(annotationsOf({ annotations: [rule] }, { annotations: [] })).toEqual([rule]);
});
