import type { TargetClock } from '../../targets/types';

/** The time of a target the suite cannot move forward (a URL, a real account, a replay): waited for. */
export const waitingClock: TargetClock = {
  now: () => Date.now(),
  advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
