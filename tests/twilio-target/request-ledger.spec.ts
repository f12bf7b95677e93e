/**
 * The run's request ledger, on a simulated clock: whatever the order requests of several APIs
 * arrive in and however long they take to be answered, no window holds more than a bucket's limit
 * of starts (the API's and the account's), and a request is never held back by a slot it does not
 * share a full bucket with (an API paced at 1/s must not slow every other API down to its pace).
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { earliestStart, RequestLedger } from '../../targets/http/request-ledger';

const windowMs = 1050;
const staleMs = 35_000;
const account = { key: 'account', limit: 25 };
const apis = [
  { key: 'flex-api /v1/FlexFlows update', limit: 1 },
  { key: 'flex-api /v1/FlexFlows create', limit: 2 },
  { key: 'taskrouter /v1/Workspaces/{Sid}/Tasks list', limit: 3 },
  { key: 'studio /v2/Flows create', limit: 5 },
];

/** A request: its API, when it asks for a slot after the previous one, and how long it takes. */
const requestArbitrary = fc.record({
  api: fc.integer({ min: 0, max: apis.length - 1 }),
  gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1500 })),
  latencyMs: fc.oneof(fc.constantFrom(0, 1, windowMs), fc.integer({ min: 0, max: 3000 })),
});

/** Runs requests through a ledger on a simulated clock; each asks when the one before was granted. */
function simulate(requests: readonly { api: number; gapMs: number; latencyMs: number }[]) {
  const ledger = new RequestLedger();
  const granted: { api: number; start: number; end: number }[] = [];
  let now = 0;
  for (const request of requests) {
    now += request.gapMs;
    const bucket = apis[request.api]!;
    for (;;) {
      // answers that came in by now are noted first
      for (const done of granted.filter((slot) => slot.end <= now && !('noted' in slot))) {
        ledger.complete(
          `${process.pid}-${granted.indexOf(done)}`,
          [apis[done.api]!.key, account.key],
          done.end,
        );
        Object.assign(done, { noted: true });
      }
      const reservation = ledger.reserve({
        key: bucket.key,
        buckets: [bucket, account],
        now,
        windowMs,
        staleMs,
      });
      if (reservation.kind === 'granted') {
        granted.push({ api: request.api, start: reservation.at, end: reservation.at + request.latencyMs });
        break;
      }
      now += 20;
    }
  }
  return granted;
}

/** The most starts any window of `windowMs` holds. */
function busiest(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && sorted[j]! < sorted[i]! + windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

test('no window holds more starts than an API’s limit or the account’s, whatever the order and latency', () => {
  fc.assert(
    fc.property(fc.array(requestArbitrary, { minLength: 1, maxLength: 60 }), (requests) => {
      const granted = simulate(requests);
      for (const [index, api] of apis.entries())
        expect(
          busiest(granted.filter((slot) => slot.api === index).map((slot) => slot.start)),
          api.key,
        ).toBeLessThanOrEqual(api.limit);
      expect(busiest(granted.map((slot) => slot.start)), 'account').toBeLessThanOrEqual(account.limit);
    }),
    { numRuns: 300 },
  );
});

test('a request of an idle API starts at once, however far ahead a slower API’s requests are placed', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 12 }),
      fc.integer({ min: 1, max: apis.length - 1 }),
      (queued, other) => {
        const ledger = new RequestLedger();
        const reserveNow = (bucket: { key: string; limit: number }) =>
          ledger.reserve({ key: bucket.key, buckets: [bucket, account], now: 0, windowMs, staleMs });
        const slow = apis[0]!;
        // `queued` updates at 1/s, each answered at once: each is placed a window after the one before
        let last = 0;
        for (let i = 0; i < queued; i++) {
          const reservation = reserveNow(slow);
          if (reservation.kind !== 'granted') throw new Error(`update ${i}: ${reservation.kind}`);
          last = reservation.at;
          ledger.complete(reservation.id, [slow.key, account.key], reservation.at);
        }
        const api = apis[other]!;
        expect(
          reserveNow(api),
          `${api.key} behind ${queued} updates placed up to ${last} ms ahead`,
        ).toMatchObject({
          kind: 'granted',
          at: 0,
        });
      },
    ),
  );
});

test('the earliest start skips the places held until it, and none that would overfill a later instant', () => {
  // two places held until 1,000 and 2,000 of a limit-2 bucket: a third starts when the first frees
  expect(
    earliestStart(
      [
        { start: 0, until: 1000 },
        { start: 0, until: 2000 },
      ],
      2,
      0,
    ),
  ).toBe(1000);
  // a place starting later, at 500, would be overfilled at 500 by a start at 0 (limit 1)
  expect(earliestStart([{ start: 500, until: 1600 }], 1, 0)).toBe(1600);
  // unanswered places (until Infinity) filling the bucket: no start until one is answered
  expect(earliestStart([{ start: 0, until: Number.POSITIVE_INFINITY }], 1, 0)).toBeUndefined();
});
