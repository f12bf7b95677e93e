import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { AdjustableClock } from '../../mock/core/clock';

/**
 * The embedded mock's clock, which the checks of timeouts move forward instead of waiting: whatever
 * timers are set, cancelled and however far the clock moves, a timer wakes exactly once, when the
 * clock has reached its time and not before, earliest first, and a cancelled one never.
 */

/** Timer times start this far ahead of the machine's clock, so no timer wakes by waiting during a case. */
const aheadMs = 60_000;

const step = fc.oneof(
  fc.record({ set: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 })) }),
  fc.record({ cancel: fc.nat() }),
  fc.record({ advance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })) }),
);

test('timers wake once, in order, exactly when the moved clock reaches them; cancelled ones never', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      // The machine's clock stands still during a case, so only advance() moves the mock's: a
      // millisecond passing between an advance and the check's reading of the time would otherwise
      // make a timer due that the advance rightly left waiting.
      const machineNow = Date.now();
      const realNow = Date.now;
      Date.now = () => machineNow;
      try {
        runCase(steps);
      } finally {
        Date.now = realNow;
      }
    }),
  );
});

function runCase(steps: ReadonlyArray<{ set: number } | { cancel: number } | { advance: number }>): void {
  const clock = new AdjustableClock();
  const start = clock.now() + aheadMs;
  clock.advance(aheadMs);
  const woken: number[] = [];
  const live: Array<{ id: number; time: number; cancel: () => void }> = [];
  let nextId = 0;
  for (const s of steps) {
    if ('set' in s) {
      const id = nextId++;
      const time = start + s.set;
      live.push({ id, time, cancel: clock.at(time, () => woken.push(id)) });
    } else if ('cancel' in s) {
      const [timer] = live.length ? live.splice(s.cancel % live.length, 1) : [];
      timer?.cancel();
    } else {
      const before = woken.length;
      clock.advance(s.advance);
      const now = clock.now();
      const due = live.filter((t) => t.time <= now).sort((a, b) => a.time - b.time || a.id - b.id);
      expect(
        woken.slice(before).map((id) => live.find((t) => t.id === id)?.time),
        'times of the timers woken by this advance',
      ).toEqual(due.map((t) => t.time));
      expect(new Set(woken).size, 'no timer woke twice').toBe(woken.length);
      for (const t of due) live.splice(live.indexOf(t), 1);
    }
  }
  for (const t of live) t.cancel();
}

test('a timer not yet due still wakes by waiting, set again for the moved clock', async () => {
  const clock = new AdjustableClock();
  let wokenAt: number | undefined;
  clock.at(clock.now() + 10_000, () => {
    wokenAt = Date.now();
  });
  const movedAt = Date.now();
  clock.advance(9_950);
  await expect
    .poll(() => wokenAt, { timeout: 2_000, message: 'the timer 50 ms after the move' })
    .toBeDefined();
  expect(wokenAt! - movedAt, 'ms from the move to the wake').toBeLessThan(1_000);
});
