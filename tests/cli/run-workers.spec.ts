import { expect, test } from '@playwright/test';
import { oneWorkerBelowChecks, runWorkers } from '../../cli/run-workers';

/** How many Playwright workers a run asks for, when `--workers` does not say. */

test('a selection of fewer checks than the threshold on the embedded mock runs on one worker', () => {
  expect(
    [1, oneWorkerBelowChecks - 1].map((checks) => runWorkers({ targetKind: 'mock', selectedChecks: checks })),
  ).toEqual(['1', '1']);
});

test('a selection at the threshold or larger on the embedded mock keeps one worker per CPU', () => {
  expect(runWorkers({ targetKind: 'mock', selectedChecks: oneWorkerBelowChecks })).toBeUndefined();
});

test('the whole suite on the embedded mock keeps one worker per CPU', () => {
  expect(runWorkers({ targetKind: 'mock' })).toBeUndefined();
});

test('a small selection against a URL, a real account or a replay keeps the configured workers', () => {
  expect(
    (['url', 'twilio', 'replay'] as const).map((targetKind) => runWorkers({ targetKind, selectedChecks: 1 })),
  ).toEqual([undefined, undefined, undefined]);
});

test('--workers wins over the run session and the selection', () => {
  expect(runWorkers({ requested: '3', session: 1, targetKind: 'mock', selectedChecks: 1 })).toBe('3');
});

test("the run session's workers (one for a recording) win over the selection", () => {
  expect(runWorkers({ session: 1, targetKind: 'twilio' })).toBe('1');
});
