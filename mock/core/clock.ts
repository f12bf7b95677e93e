import type { Clock } from '../context';

/** The machine's clock, as Twilio's time runs. */
export const systemClock: Clock = {
  now: () => Date.now(),
  at(time, wake) {
    const timer = setTimeout(wake, Math.max(0, time - Date.now()));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

interface Timer {
  readonly time: number;
  readonly wake: () => void;
  handle: ReturnType<typeof setTimeout>;
}

/**
 * The machine's clock, which whoever started the mock may move forward: the embedded mock's, so a
 * check of a timeout lets the seconds pass without waiting for them. Timers due by the new time
 * wake at once, earliest first; the others are set again for the new time.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private readonly timers = new Set<Timer>();

  now(): number {
    return Date.now() + this.offsetMs;
  }

  at(time: number, wake: () => void): () => void {
    const timer: Timer = { time, wake, handle: this.arm(time, () => this.fire(timer)) };
    this.timers.add(timer);
    return () => {
      clearTimeout(timer.handle);
      this.timers.delete(timer);
    };
  }

  advance(ms: number): void {
    this.offsetMs += Math.max(0, ms);
    const now = this.now();
    const pending = [...this.timers].sort((a, b) => a.time - b.time);
    for (const timer of pending) {
      if (timer.time <= now) this.fire(timer);
      else {
        clearTimeout(timer.handle);
        timer.handle = this.arm(timer.time, () => this.fire(timer));
      }
    }
  }

  private arm(time: number, fire: () => void): ReturnType<typeof setTimeout> {
    const handle = setTimeout(fire, Math.max(0, time - this.now()));
    handle.unref();
    return handle;
  }

  private fire(timer: Timer): void {
    if (!this.timers.delete(timer)) return;
    clearTimeout(timer.handle);
    timer.wake();
  }
}
