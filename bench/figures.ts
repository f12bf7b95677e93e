import type { FullRunFigures } from './full-run';
import type { RoundTripFigures } from './round-trip';
import type { ThroughputFigures } from './throughput';

/** Everything `npm run bench` measured, as printed and written with `--json`. */
export interface BenchFigures {
  readonly measuredAt: string;
  readonly node: string;
  readonly cpus: number;
  /** 1-minute load average when the bench started: other work on the machine skews the figures. */
  readonly loadAverage: number;
  readonly fullRun: FullRunFigures | null;
  readonly roundTrip: RoundTripFigures;
  readonly throughput: ThroughputFigures;
}
