import type { PolicyResponse, RequestDescription, RequestPolicy } from '../types';
import { accountLimitPerSecond, apiOperation, limitFor } from './rate-limits';
import { RequestLedger } from './request-ledger';

export interface PolicyOptions {
  /** Pace requests by Twilio's limits per API and for the account (real accounts only). */
  readonly rateLimits: boolean;
  /** Retry 429 (honouring Retry-After) and, for idempotent requests, 5xx and timeouts. */
  readonly retries: boolean;
  /** The most requests (attempts) the run may send; undefined: unbounded. */
  readonly maxRequests?: number;
  /** A request without an answer after this long is abandoned. */
  readonly timeoutMs: number;
  /** Shared by every process of the run; absent: this process only. */
  readonly ledgerDir?: string;
  /** Waits; replay passes a clock that does not (the recording already waited). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/** The default budget: a full run on a real account stays well inside it (README, Twilio target). */
export const defaultMaxRequests = 20_000;
export const defaultTimeoutMs = 30_000;
/**
 * Twilio's one-second windows, plus a margin for timer granularity. The pacing counts from when an
 * earlier request was answered, so latency jitter cannot squeeze two windows' requests into one.
 */
export const rateWindowMs = 1050;
const maxAttempts429 = 6;
const maxAttempts5xx = 4;
/** A Retry-After longer than this ends the request instead of stalling the run. */
const maxRetryAfterMs = 60_000;
/** After the budget is spent, deletes may still clean up this many more (or 5 % of the budget). */
const cleanupReserve = (budget: number) => Math.max(50, Math.ceil(budget * 0.05));

const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export class RequestBudgetExhausted extends Error {}
export class RequestTimedOut extends Error {}

/**
 * How requests reach a target: paced by the rate limits, retried on 429 (every method: Twilio did
 * not act on it) and on 5xx or a timeout only when repeating the request cannot change the outcome,
 * bounded by the run's request budget, and counted per API.
 */
export class TwilioRequestPolicy implements RequestPolicy {
  readonly ledger: RequestLedger;
  private readonly byApi: Record<string, number> = {};
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(readonly options: PolicyOptions) {
    this.ledger = new RequestLedger(options.ledgerDir);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? (() => Date.now());
  }

  counts(): Readonly<Record<string, number>> {
    return { ...this.byApi };
  }

  async send<R extends PolicyResponse>(
    request: RequestDescription,
    attempt: (timeoutMs: number) => Promise<R>,
  ): Promise<R> {
    const operation = apiOperation(request.method, request.domain, request.url);
    const method = request.method.toUpperCase();
    const buckets = this.options.rateLimits
      ? [
          { key: operation.key, limit: limitFor(operation) },
          { key: 'account', limit: accountLimitPerSecond },
        ]
      : [];
    const bucketKeys = buckets.map((bucket) => bucket.key);
    const name = `${method} ${request.url}`;
    for (let attemptNumber = 1; ; attemptNumber++) {
      const slot = await this.takeSlot(operation.key, buckets, method, name);
      this.byApi[operation.key] = (this.byApi[operation.key] ?? 0) + 1;
      let response: R;
      try {
        response = await attempt(this.options.timeoutMs);
      } catch (error) {
        this.ledger.complete(slot, bucketKeys, this.now());
        const failure = isTimeout(error)
          ? new RequestTimedOut(`${name} did not answer within ${this.options.timeoutMs} ms`)
          : (error as Error);
        if (failure instanceof RequestTimedOut) this.ledger.note('timeouts');
        const transient = failure instanceof RequestTimedOut || transientNetworkError.test(failure.message);
        if (this.options.retries && transient && idempotent.has(method) && attemptNumber < maxAttempts5xx) {
          this.ledger.note('retries');
          await this.sleep(backoffMs(attemptNumber));
          continue;
        }
        throw failure;
      }
      this.ledger.complete(slot, bucketKeys, this.now());
      const status = response.status();
      if (status === 429) {
        this.ledger.note('throttled');
        if (!this.options.retries) return response;
        if (attemptNumber >= maxAttempts429) {
          throw new Error(`${name} was still answered 429 Too Many Requests after ${attemptNumber} attempts`);
        }
        const wait = retryAfterMs(response.headers()['retry-after'], this.now()) ?? backoffMs(attemptNumber);
        if (wait > maxRetryAfterMs) {
          throw new Error(
            `${name} was answered 429 with Retry-After ${Math.round(wait / 1000)} s: longer than the run waits`,
          );
        }
        this.ledger.block(bucketKeys, this.now() + wait);
        this.ledger.note('retries');
        await this.sleep(wait);
        continue;
      }
      if (status >= 500) {
        this.ledger.note('serverErrors');
        if (this.options.retries && idempotent.has(method) && attemptNumber < maxAttempts5xx) {
          this.ledger.note('retries');
          await this.sleep(backoffMs(attemptNumber));
          continue;
        }
      }
      return response;
    }
  }

  /** Waits for a place in every bucket; the slot's id, to note when the request was answered. */
  private async takeSlot(
    key: string,
    buckets: readonly { key: string; limit: number }[],
    method: string,
    name: string,
  ): Promise<string> {
    const budget = this.options.maxRequests;
    const allowed = budget !== undefined && method === 'DELETE' ? budget + cleanupReserve(budget) : budget;
    for (;;) {
      const reservation = this.ledger.reserve({
        key,
        buckets,
        now: this.now(),
        windowMs: rateWindowMs,
        staleMs: this.options.timeoutMs + 5000,
        budget: allowed,
      });
      if (reservation.kind === 'exhausted') {
        throw new RequestBudgetExhausted(
          `request budget exhausted: ${reservation.total} requests sent, the run may send ${budget} (--max-requests); not sent: ${name}`,
        );
      }
      if (reservation.kind === 'wait') {
        await this.sleep(20);
        continue;
      }
      const wait = reservation.at - this.now();
      if (wait > 0) await this.sleep(wait);
      return reservation.id;
    }
  }
}

/** Exponential backoff without jitter (runs must replay exactly): 0.5 s, 1 s, 2 s, … at most 8 s. */
export function backoffMs(attemptNumber: number): number {
  return Math.min(8000, 500 * 2 ** (attemptNumber - 1));
}

/** Retry-After as delay-seconds or an HTTP-date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Failures of the connection, not of the request: worth sending an idempotent request again. */
const transientNetworkError = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|socket hang up/;

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'TimeoutError' || /Timeout \d+ms exceeded|timed out/i.test(error.message);
}
