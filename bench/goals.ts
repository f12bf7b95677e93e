import type { BenchFigures } from './figures';

/** One speed goal: what was measured beside the target it must meet. */
export interface GoalCheck {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  /** null: not measured in this bench run. */
  readonly met: boolean | null;
}

const mebibyte = 2 ** 20;

/** The measured figures against the suite's speed goals. */
export function checkGoals(figures: BenchFigures): GoalCheck[] {
  const run = figures.fullRun;
  const trip = figures.roundTrip;
  const tripRatio = trip.propertyPerSecond / trip.rawLoopPerSecond;
  const staging = figures.staging;
  return [
    atMost('full run wall time', run && run.wallMs / 1000, 8, (s) => `${s.toFixed(2)} s`),
    atMost(
      'full run peak memory',
      run?.peakRssBytes == null ? null : run.peakRssBytes / mebibyte,
      400,
      (mib) => `${Math.round(mib)} MiB`,
    ),
    atLeast('round trip: property ÷ raw keep-alive loop', tripRatio, 0.6, ratio),
    ...figures.throughput.rows.map((row) =>
      atLeast(
        `Flex Flow create, ${row.concurrency} client${row.concurrency === 1 ? '' : 's'}: mock ÷ bare`,
        row.ratio,
        0.6,
        ratio,
      ),
    ),
    atMost('staging run ÷ its rate-limit floor', staging && staging.wallMs / staging.floorMs, 1.3, ratio),
  ];
}

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

function atMost(
  figure: string,
  value: number | null,
  target: number,
  show: (n: number) => string,
): GoalCheck {
  return {
    figure,
    value: value === null ? 'not measured' : show(value),
    target: `≤ ${show(target)}`,
    met: value === null ? null : value <= target,
  };
}

function atLeast(figure: string, value: number, target: number, show: (n: number) => string): GoalCheck {
  return { figure, value: show(value), target: `≥ ${show(target)}`, met: value >= target };
}
