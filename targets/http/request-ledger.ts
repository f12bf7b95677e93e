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
  /** The requests per bucket that still hold a place in it (or will: started later than now). */
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
   * Takes the earliest slot every bucket allows and counts the request. A request holds its place
   * in a bucket from its start until one window after it was answered: it then reaches Twilio more
   * than a window after the request that place held did, whatever the network's latency, so no
   * window ever holds more than `limit` requests. A request may take a gap before requests already
   * given later starts (another API's, paced by a lower limit), as long as every instant from its
   * start on, theirs included, stays within each limit. `wait` means requests still unanswered hold
   * every place.
   */
  reserve(request: ReserveRequest): Reservation {
    return this.update((state) => {
      if (request.budget !== undefined && state.total >= request.budget) {
        state.exhausted = true;
        return { kind: 'exhausted', total: state.total };
      }
      const held = (bucket: Bucket) => (state.slots[bucket.key] ?? []).map((slot) => placeOf(slot, request));
      let at = Math.max(request.now, ...request.buckets.map((bucket) => state.blockedUntil[bucket.key] ?? 0));
      for (let settled = false; !settled; ) {
        settled = true;
        for (const bucket of request.buckets) {
          const earliest = earliestStart(held(bucket), bucket.limit, at);
          if (earliest === undefined) return { kind: 'wait' };
          if (earliest > at) {
            at = earliest;
            settled = false;
          }
        }
      }
      const id = `${process.pid}-${state.total}`;
      for (const bucket of request.buckets) {
        const current = (state.slots[bucket.key] ?? []).filter(
          (slot) => placeOf(slot, request).until > request.now,
        );
        state.slots[bucket.key] = [...current, { id, start: at }];
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

/** When a request's place in a bucket begins and ends: one window after its answer (unknown: Infinity). */
interface Place {
  readonly start: number;
  readonly until: number;
}

function placeOf(slot: Slot, request: ReserveRequest): Place {
  const end =
    slot.end ?? (request.now - slot.start > request.staleMs ? slot.start + request.staleMs : undefined);
  return { start: slot.start, until: end === undefined ? Number.POSITIVE_INFINITY : end + request.windowMs };
}

/**
 * The earliest start, from `from` on, at which a new request (holding its place until it is
 * answered) keeps the bucket within `limit` at every instant after it: the instants to check are its
 * own start and the starts of the requests placed later. Undefined when requests not yet answered
 * hold the places at every candidate time.
 */
export function earliestStart(places: readonly Place[], limit: number, from: number): number | undefined {
  const candidates = [
    from,
    ...places.map((place) => place.until).filter((until) => until > from && Number.isFinite(until)),
  ].sort((a, b) => a - b);
  return candidates.find((start) => {
    const instants = [start, ...places.filter((place) => place.start > start).map((place) => place.start)];
    return instants.every(
      (instant) =>
        places.filter((place) => place.start <= instant && place.until > instant).length + 1 <= limit,
    );
  });
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
