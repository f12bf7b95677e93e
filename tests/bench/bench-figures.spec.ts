import { expect, test } from '@playwright/test';
import type { BenchFigures } from '../../bench/figures';
import { type FullRunFigures, medianRound } from '../../bench/full-run';
import { measurePace } from '../../bench/machine-pace';
import { formatTables } from '../../bench/report';

const run = (wallMs: number, peakRssBytes: number | null): FullRunFigures => ({
  wallMs,
  startupMs: wallMs / 4,
  checksMs: wallMs / 2,
  teardownMs: wallMs / 4,
  checks: 355,
  failed: 0,
  workers: 2,
  areas: [],
  peakRssBytes,
  peakPssBytes: peakRssBytes,
  cpuSeconds: wallMs / 500,
});

test.describe('the full run measured several times', () => {
  test('the median round gives the figures, beside the fastest and slowest wall time', () => {
    const summary = medianRound([run(12_000, 700), run(9_000, 800), run(10_000, 600)]);
    expect(summary).toMatchObject({ wallMs: 10_000, startupMs: 2_500, cpuSeconds: 20, rounds: 3 });
    expect([summary.wallMinMs, summary.wallMaxMs]).toEqual([9_000, 12_000]);
  });

  test('the memory peak is the highest of all rounds, not the median round’s', () => {
    const summary = medianRound([run(12_000, 700), run(9_000, 800), run(10_000, 600)]);
    expect([summary.peakRssBytes, summary.peakPssBytes]).toEqual([800, 800]);
  });

  test('a peak any round could not sample is not a peak of the rounds', () => {
    expect(medianRound([run(9_000, 800), run(10_000, null)]).peakRssBytes).toBeNull();
  });

  test('of two rounds the slower is the median: a figure is never flattered by an even count', () => {
    expect(medianRound([run(9_000, 1), run(10_000, 1)]).wallMs).toBe(10_000);
  });
});

const figures = (extra: Partial<BenchFigures>): BenchFigures => ({
  measuredAt: '2026-12-02T20:00:00.000Z',
  node: 'v20.20.2',
  cpus: 2,
  loadAverage: 0.1,
  loadAverageAtEnd: 0.2,
  fullRun: null,
  roundTrip: {
    cases: 200,
    propertyPerSecond: 1500,
    clientLoopPerSecond: 1800,
    rawLoopPerSecond: 2400,
    inProcessPerSecond: 40_000,
  },
  throughput: { generator: 'autocannon', responseBytes: 556, windowSeconds: 2, rounds: 2, rows: [] },
  staging: null,
  ...extra,
});

test.describe('the printed figures', () => {
  test('the full run prints its median wall time with the spread of its rounds', () => {
    const fullRun = medianRound([run(12_000, 1), run(9_000, 1), run(10_000, 1)]);
    expect(formatTables(figures({ fullRun })).join('\n')).toMatch(
      /wall time \(median of 3; 9\.00 s to 12\.00 s\) +10\.00 s/,
    );
  });

  test('the header gives the machine’s pace at the start and at the end', () => {
    const [, pace] = formatTables(figures({ paceMs: 80.4, paceAtEndMs: 95.1 }));
    expect(pace).toMatch(
      /^machine pace: a fixed CPU workload took 80\.4 ms at the start, 95\.1 ms at the end/,
    );
  });

  test('a pace that moved by more than a fifth during the bench is called out', () => {
    const text = formatTables(figures({ paceMs: 57.4, paceAtEndMs: 76.8 })).join('\n');
    expect(text).toMatch(/the pace moved by 34% during the bench/);
  });

  test('a pace that held is not', () => {
    const text = formatTables(figures({ paceMs: 80.4, paceAtEndMs: 88.0 })).join('\n');
    expect(text).not.toContain('the pace moved');
  });

  test('the round trips say how many rounds their best figures come from', () => {
    const roundTrip = { ...figures({}).roundTrip, rounds: 7 };
    expect(formatTables(figures({ roundTrip })).join('\n')).toContain(
      '(200 round trips a round; best of 7 alternating rounds of each loop)',
    );
  });

  test('Playwright alone in the full run’s shape prints beside the full run, as a multiple of it', () => {
    const fullRun = medianRound([run(12_000, 800 * 2 ** 20)]);
    const playwrightFloor = medianRound([run(6_000, 650 * 2 ** 20), run(5_000, 640 * 2 ** 20)]);
    const text = formatTables(figures({ fullRun, playwrightFloor })).join('\n');
    expect(text).toMatch(/Playwright alone, the full run's shape \(355 empty tests, 2 workers\)/);
    expect(text).toMatch(/wall time \(median of 2; 5\.00 s to 6\.00 s\) +6\.00 s +2\.00×/);
    expect(text).toMatch(/summed RSS +650 MiB +1\.23×/);
  });

  test('the goals of the full run’s time and memory show what Playwright alone measured', () => {
    const fullRun = medianRound([run(12_000, 800 * 2 ** 20)]);
    const playwrightFloor = medianRound([run(6_000, 650 * 2 ** 20)]);
    const text = formatTables(figures({ fullRun, playwrightFloor })).join('\n');
    expect(text).toMatch(/full run wall time +12\.00 s +≤ 8\.00 s +NO +6\.00 s/);
    expect(text).toMatch(/full run peak memory +800 MiB +≤ 400 MiB +NO +650 MiB/);
  });

  test('without Playwright alone measured, neither its table nor its column is printed', () => {
    const text = formatTables(figures({ fullRun: medianRound([run(12_000, 1)]) })).join('\n');
    expect(text).not.toContain('Playwright alone');
  });

  test('figures written before the pace was kept print without it', () => {
    expect(formatTables(figures({})).join('\n')).not.toContain('machine pace');
  });
});

test('the machine’s pace is a time the fixed workload took', () => {
  const pace = measurePace();
  expect(pace).toBeGreaterThan(0);
  expect(pace).toBeLessThan(60_000);
});
