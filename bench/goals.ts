import type { BenchFigures } from './figures';

/** One speed goal: what was measured beside the target it must meet. */
export interface GoalCheck {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  /** null: not measured in this bench run. */
  readonly met: boolean | null;
  /** The same figure for Playwright alone in the full run's shape, where it bounds the goal from below. */
  readonly playwrightAlone?: string;
}

const mebibyte = 2 ** 20;

/** The measured figures against the suite's speed goals. */
export function checkGoals(figures: BenchFigures): GoalCheck[] {
  const run = figures.fullRun;
  const floor = figures.playwrightFloor;
  const trip = figures.roundTrip;
  const tripRatio = trip.propertyPerSecond / trip.rawLoopPerSecond;
  const staging = figures.staging;
  return [
    withFloor(
      atMost('full run wall time', run && run.wallMs / 1000, 8, secondsOf),
      floor && secondsOf(floor.wallMs / 1000),
    ),
    withFloor(
      atMost('full run peak memory', run && mebibytesOf(run.peakRssBytes), 400, mib),
      floor?.peakRssBytes == null ? null : mib(floor.peakRssBytes / mebibyte),
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

const secondsOf = (value: number) => `${value.toFixed(2)} s`;
const mib = (value: number) => `${Math.round(value)} MiB`;
const mebibytesOf = (bytes: number | null) => (bytes === null ? null : bytes / mebibyte);

/** The goal with what Playwright alone measured for it, when the bench measured that. */
function withFloor(goal: GoalCheck, playwrightAlone: string | null | undefined): GoalCheck {
  return playwrightAlone ? { ...goal, playwrightAlone } : goal;
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
