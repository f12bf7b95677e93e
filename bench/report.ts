import type { BenchFigures } from './figures';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mebibytes = (bytes: number | null) => (bytes === null ? 'n/a' : `${Math.round(bytes / 2 ** 20)} MiB`);

/** The figures as aligned text tables. */
export function formatTables(figures: BenchFigures): string[] {
  const lines: string[] = [
    `flex-conformance bench — ${figures.measuredAt}, node ${figures.node}, ${figures.cpus} CPUs, load average ${figures.loadAverage}`,
    '',
  ];
  const run = figures.fullRun;
  if (run) {
    lines.push(
      ...table(
        ['full conformance run (mock)', 'value'],
        [
          ['wall time', seconds(run.wallMs)],
          ['CPU time (runner + workers)', run.cpuSeconds === null ? 'n/a' : `${run.cpuSeconds.toFixed(1)} s`],
          ['  start-up (spawn → first check)', seconds(run.startupMs)],
          ['  checks (first start → last end)', seconds(run.checksMs)],
          ['  teardown (last end → exit)', seconds(run.teardownMs)],
          ['checks (failed)', `${run.checks} (${run.failed})`],
          ['workers', String(run.workers)],
          ['peak memory (runner + workers)', mebibytes(run.peakRssBytes)],
        ],
      ),
      '',
      ...table(
        ['area', 'checks', 'summed check time'],
        run.areas.map((area) => [area.area, String(area.checks), seconds(area.durationMs)]),
      ),
      '',
    );
  }
  const trip = figures.roundTrip;
  lines.push(
    ...table(
      ['create → fetch → delete round trip', 'cases/s', 'vs loop over HTTP'],
      [
        [
          'fast-check property over HTTP',
          String(trip.propertyPerSecond),
          ratio(trip.propertyPerSecond, trip.loopPerSecond),
        ],
        ['plain loop over HTTP', String(trip.loopPerSecond), '1.00'],
        [
          'plain loop in-process (no HTTP)',
          String(trip.inProcessPerSecond),
          ratio(trip.inProcessPerSecond, trip.loopPerSecond),
        ],
      ],
    ),
    '',
    ...table(
      [
        'Flex Flow create, concurrent clients',
        'mock req/s',
        'bare req/s',
        'mock/bare',
        'µs CPU/req mock',
        'bare',
      ],
      figures.throughput.rows.map((row) => [
        String(row.concurrency),
        String(row.mockPerSecond),
        String(row.barePerSecond),
        row.ratio.toFixed(2),
        String(row.mockCpuMicros),
        String(row.bareCpuMicros),
      ]),
    ),
    `(bare server: static ${figures.throughput.responseBytes}-byte body, the size of the mock's create response; best of alternating ${figures.throughput.windowMs} ms windows)`,
  );
  return lines;
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
