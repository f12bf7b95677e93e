import type { BenchFigures } from './figures';
import type { FullRunFigures } from './full-run';
import { checkGoals } from './goals';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mebibytes = (bytes: number | null) => (bytes === null ? 'n/a' : `${Math.round(bytes / 2 ** 20)} MiB`);

/** A pace that moved more than this between the bench's start and end is called out. */
const paceDriftNoted = 0.2;

/** The machine's pace at the start and the end, when the figures have it, and a warning when it moved. */
function paceLines(figures: BenchFigures): string[] {
  const { paceMs: start, paceAtEndMs: end } = figures;
  if (start === undefined) return [];
  const ms = (value: number | null | undefined) => (value == null ? 'n/a' : `${value.toFixed(1)} ms`);
  const lines = [
    `machine pace: a fixed CPU workload took ${ms(start)} at the start, ${ms(end)} at the end (lower is faster; wall and CPU times compare across bench runs only at a similar pace)`,
  ];
  if (start != null && end != null && Math.abs(end - start) / start > paceDriftNoted)
    lines.push(
      `  the pace moved by ${Math.round((100 * Math.abs(end - start)) / start)}% during the bench: its wall and CPU times were measured on a machine changing speed; measure again`,
    );
  return lines;
}

/** The figures as aligned text tables. */
export function formatTables(figures: BenchFigures): string[] {
  const lines: string[] = [
    `flex-conformance bench — ${figures.measuredAt}, node ${figures.node}, ${figures.cpus} CPUs, load average ${figures.loadAverage} at the start, ${figures.loadAverageAtEnd} at the end`,
    ...paceLines(figures),
    '',
  ];
  const run = figures.fullRun;
  if (run) {
    lines.push(
      ...table(['full conformance run (mock)', 'value'], fullRunRows(run)),
      '',
      ...table(
        ['area', 'checks', 'summed check time'],
        run.areas.map((area) => [area.area, String(area.checks), seconds(area.durationMs)]),
      ),
      '',
    );
  }
  const floor = figures.playwrightFloor;
  if (run && floor) lines.push(...floorTable(run, floor), '');
  const ruleRun = figures.ruleRun;
  if (ruleRun) {
    lines.push(
      ...table(
        [`one-rule run: flex-conformance run --grep ${ruleRun.rule} (mock)`, 'value'],
        [
          [`wall time (median of ${ruleRun.rounds})`, seconds(ruleRun.wallMs)],
          [
            'CPU time (CLI, runner, workers)',
            ruleRun.cpuSeconds === null ? 'n/a' : `${ruleRun.cpuSeconds.toFixed(1)} s`,
          ],
          ['checks', String(ruleRun.checks)],
        ],
      ),
      '',
    );
  }
  const trip = figures.roundTrip;
  lines.push(
    ...table(
      ['create → fetch → delete round trip', 'cases/s', 'vs raw loop'],
      [
        [
          'fast-check property, suite client',
          String(trip.propertyPerSecond),
          ratio(trip.propertyPerSecond, trip.rawLoopPerSecond),
        ],
        [
          'plain loop, suite client',
          String(trip.clientLoopPerSecond),
          ratio(trip.clientLoopPerSecond, trip.rawLoopPerSecond),
        ],
        ['raw keep-alive loop (node:http)', String(trip.rawLoopPerSecond), '1.00'],
        [
          'in-process loop (no HTTP)',
          String(trip.inProcessPerSecond),
          ratio(trip.inProcessPerSecond, trip.rawLoopPerSecond),
        ],
      ],
    ),
    ...(trip.rounds
      ? [`(${trip.cases} round trips a round; best of ${trip.rounds} alternating rounds of each loop)`]
      : []),
    '',
  );
  const load = figures.throughput;
  lines.push(
    ...table(
      [
        'Flex Flow create, clients',
        'mock req/s',
        'bare req/s',
        'mock/bare',
        'ceiling req/s',
        'µs CPU/req mock',
        'bare',
      ],
      load.rows.map((row) => [
        String(row.concurrency),
        String(row.mockPerSecond),
        String(row.barePerSecond),
        row.ratio.toFixed(2),
        String(row.ceilingPerSecond),
        String(row.mockCpuMicros),
        String(row.bareCpuMicros),
      ]),
    ),
    `(load: ${load.generator}; bare: node:http answering a static ${load.responseBytes}-byte body, the size of the mock's create response; ceiling: the generator against that answer written raw to the socket; best of ${load.rounds} alternating ${load.windowSeconds} s windows)`,
    '',
  );
  const staging = figures.staging;
  if (staging) {
    lines.push(
      ...table(
        ['simulated staging run', 'value'],
        [
          ['wall time', seconds(staging.wallMs)],
          [
            'rate-limit floor',
            `${seconds(staging.floorMs)} (${staging.loggedByAccount} requests ÷ ${staging.accountLimitPerSecond}/s)`,
          ],
          ...(staging.bindingFloorMs !== undefined
            ? [
                [
                  'binding floor (each API ÷ its own limit, and the account)',
                  `${seconds(staging.bindingFloorMs)}, set by ${staging.bindingApi}; wall ÷ binding floor ${(staging.wallMs / staging.bindingFloorMs).toFixed(2)}×`,
                ],
              ]
            : []),
          ['verdict', staging.verdict],
          ['APIs over their limit', staging.overLimit.join(', ') || 'none'],
        ],
      ),
      '',
    );
  }
  const goals = checkGoals(figures);
  const floors = goals.some((goal) => goal.playwrightAlone !== undefined);
  lines.push(
    ...table(
      ['goal', 'measured', 'target', 'met', ...(floors ? ['Playwright alone'] : [])],
      goals.map((goal) => [
        goal.figure,
        goal.value,
        goal.target,
        goal.met === null ? '—' : goal.met ? 'yes' : 'NO',
        ...(floors ? [goal.playwrightAlone ?? ''] : []),
      ]),
    ),
  );
  return lines;
}

interface TimedRow {
  readonly label: string;
  readonly value: string;
  /** The figure itself, for a ratio between two runs. */
  readonly raw: number | null;
}

/** What a measured Playwright run prints: wall and CPU time, the phases and peak memory. */
function timedRows(run: FullRunFigures, unit: 'check' | 'test'): TimedRow[] {
  return [
    {
      label:
        run.rounds && run.rounds > 1
          ? `wall time (median of ${run.rounds}; ${seconds(run.wallMinMs ?? run.wallMs)} to ${seconds(run.wallMaxMs ?? run.wallMs)})`
          : 'wall time',
      value: seconds(run.wallMs),
      raw: run.wallMs,
    },
    {
      label: 'CPU time (runner + workers)',
      value: run.cpuSeconds === null ? 'n/a' : `${run.cpuSeconds.toFixed(1)} s`,
      raw: run.cpuSeconds,
    },
    { label: `  start-up (spawn → first ${unit})`, value: seconds(run.startupMs), raw: run.startupMs },
    { label: `  ${unit}s (first start → last end)`, value: seconds(run.checksMs), raw: run.checksMs },
    { label: '  teardown (last end → exit)', value: seconds(run.teardownMs), raw: run.teardownMs },
    {
      label: 'peak memory (runner + workers), summed RSS',
      value: mebibytes(run.peakRssBytes),
      raw: run.peakRssBytes,
    },
    {
      label: '  summed PSS (shared pages counted once)',
      value: mebibytes(run.peakPssBytes),
      raw: run.peakPssBytes,
    },
  ];
}

function fullRunRows(run: FullRunFigures): string[][] {
  const rows = timedRows(run, 'check').map((row) => [row.label, row.value]);
  return [
    ...rows.slice(0, 5),
    ['checks (failed)', `${run.checks} (${run.failed})`],
    ['workers', String(run.workers)],
    ...rows.slice(5),
  ];
}

/**
 * Playwright alone in the full run's shape beside the full run: what the runner costs with empty
 * tests, and the full run as a multiple of it.
 */
function floorTable(run: FullRunFigures, floor: FullRunFigures): string[] {
  const runRows = timedRows(run, 'check');
  return [
    ...table(
      [
        `Playwright alone, the full run's shape (${floor.checks} empty tests, ${floor.workers} workers)`,
        'value',
        'full run ÷ it',
      ],
      timedRows(floor, 'test').map((row, index) => {
        const full = runRows[index]?.raw ?? null;
        return [row.label, row.value, full === null || row.raw === null ? 'n/a' : `${ratio(full, row.raw)}×`];
      }),
    ),
    '(plain JavaScript spec files, one empty test per check, the same number of files and workers, no fixture: what no check can make the full run go below)',
  ];
}

function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : (a / b).toFixed(2);
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)];
}
