import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A bucket of requests sharing one rate limit: an API operation, or the whole account. */
export interface Bucket {
  readonly key: string;
  /** Requests allowed in any window. */
  readonly limit: number;
}

/** A request holding a place in a bucket: when it started and, once answered, when it ended. */
export interface Slot {
  readonly id: string;
  readonly start: number;
  end?: number;
}

/** What every process of a run has sent: totals, per API, and the slots recent requests took. */
export interface LedgerState {
  total: number;
  byApi: Record<string, number>;
  outcomes: { throttled: number; serverErrors: number; timeouts: number; retries: number };
  /** The most recent requests per bucket (only as many as the bucket's limit). */
  slots: Record<string, Slot[]>;
  /** A bucket a 429's Retry-After closed until this time. */
  blockedUntil: Record<string, number>;
  firstAt?: number;
  lastAt?: number;
  exhausted?: boolean;
}

export type Reservation =
  | { readonly kind: 'granted'; readonly at: number; readonly id: string }
  | { readonly kind: 'wait' }
  | { readonly kind: 'exhausted'; readonly total: number };

export interface ReserveRequest {
  readonly key: string;
  readonly buckets: readonly Bucket[];
  readonly now: number;
  /** Window the limits apply to, in ms. */
  readonly windowMs: number;
  /** A request still unanswered after this long counts as ended (its process may have died). */
  readonly staleMs: number;
  /** The most requests the run may send; `undefined` means unbounded. */
  readonly budget?: number;
}

const emptyState = (): LedgerState => ({
  total: 0,
  byApi: {},
  outcomes: { throttled: 0, serverErrors: 0, timeouts: 0, retries: 0 },
  slots: {},
  blockedUntil: {},
});

/**
 * The run's request ledger. With a directory it is shared by every process of the run (the CLI,
 * each Playwright worker, a worker restarted after a failure) through a small JSON file guarded by
 * a lock directory, so rate limits and the budget hold for the run as a whole; without one it lives
 * in this process only.
 */
export class RequestLedger {
  private memory: LedgerState = emptyState();

  constructor(readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  /**
   * Takes the next slot every bucket allows and counts the request. A request may start one window
   * after the request `limit` places before it was answered: it then reaches Twilio more than a
   * window after that one did, whatever the network's latency, so no window ever holds more than
   * `limit` requests. `wait` means that request is still unanswered.
   */
  reserve(request: ReserveRequest): Reservation {
    return this.update((state) => {
      if (request.budget !== undefined && state.total >= request.budget) {
        state.exhausted = true;
        return { kind: 'exhausted', total: state.total };
      }
      let at = request.now;
      for (const bucket of request.buckets) {
        const slots = state.slots[bucket.key] ?? [];
        at = Math.max(at, state.blockedUntil[bucket.key] ?? 0, slots.at(-1)?.start ?? 0);
        const reference = slots.length >= bucket.limit ? slots[slots.length - bucket.limit] : undefined;
        if (!reference) continue;
        const end =
          reference.end ??
          (request.now - reference.start > request.staleMs ? reference.start + request.staleMs : undefined);
        if (end === undefined) return { kind: 'wait' };
        at = Math.max(at, end + request.windowMs);
      }
      const id = `${process.pid}-${state.total}`;
      for (const bucket of request.buckets) {
        const slots = [...(state.slots[bucket.key] ?? []), { id, start: at }];
        state.slots[bucket.key] = slots.slice(-bucket.limit);
      }
      state.total += 1;
      state.byApi[request.key] = (state.byApi[request.key] ?? 0) + 1;
      state.firstAt ??= at;
      state.lastAt = Math.max(state.lastAt ?? 0, at);
      return { kind: 'granted', at, id };
    });
  }

  /** Notes when a request was answered (or given up on). */
  complete(id: string, bucketKeys: readonly string[], at: number): void {
    if (bucketKeys.length === 0) return;
    this.update((state) => {
      for (const key of bucketKeys) {
        const slot = state.slots[key]?.find((candidate) => candidate.id === id);
        if (slot) slot.end = at;
      }
    });
  }

  /** Keeps every bucket closed until `until` (a 429's Retry-After). */
  block(bucketKeys: readonly string[], until: number): void {
    this.update((state) => {
      for (const key of bucketKeys) state.blockedUntil[key] = Math.max(state.blockedUntil[key] ?? 0, until);
    });
  }

  note(outcome: keyof LedgerState['outcomes']): void {
    this.update((state) => {
      state.outcomes[outcome] += 1;
    });
  }

  read(): LedgerState {
    return this.dir ? readState(this.file()) : structuredClone(this.memory);
  }

  private update<T>(change: (state: LedgerState) => T): T {
    if (!this.dir) return change(this.memory);
    const release = acquire(join(this.dir, 'ledger.lock'));
    try {
      const state = readState(this.file());
      const result = change(state);
      const temporary = `${this.file()}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify(state));
      renameSync(temporary, this.file());
      return result;
    } finally {
      release();
    }
  }

  private file(): string {
    return join(this.dir as string, 'ledger.json');
  }
}

export function readLedgerFile(dir: string): LedgerState {
  return readState(join(dir, 'ledger.json'));
}

function readState(file: string): LedgerState {
  try {
    return { ...emptyState(), ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<LedgerState>) };
  } catch {
    return emptyState();
  }
}

const staleLockMs = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** A lock directory: mkdir is atomic; a lock left by a killed process is broken after ten seconds. */
function acquire(lock: string): () => void {
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > staleLockMs) rmSync(lock, { recursive: true, force: true });
      } catch {
        // The holder released it meanwhile.
      }
      Atomics.wait(pause, 0, 0, Math.min(1 + tries, 5));
    }
  }
}
