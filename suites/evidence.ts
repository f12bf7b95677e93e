import type { Exchange } from '../targets/http/client';

/** Exchanges kept from each end of a check's requests; the rest are counted, not kept. */
const keptAtEachEnd = 6;
/** Exchanges kept before the one a failed check failed on, to show how it got there. */
const keptBeforeFailure = 2;

export interface CheckEvidence {
  readonly total: number;
  readonly byDomain: Record<string, number>;
  readonly byApi: Readonly<Record<string, number>>;
  readonly kept: ReadonlyArray<Exchange & { readonly sequence: number }>;
  /** Index in `kept` of the exchange the check failed on. */
  readonly failedOn?: number;
}

/**
 * The HTTP evidence a check leaves for the report: every request counted, the first and last few
 * kept, and, for a failed check, always the exchange it failed on (`failedOn`, an index into all of
 * them) with the two before it, wherever it falls.
 */
export function checkEvidence(
  exchanges: readonly Exchange[],
  byApi: Readonly<Record<string, number>>,
  failedOn?: number,
): CheckEvidence {
  const keep = new Set<number>();
  exchanges.forEach((_, index) => {
    if (index < keptAtEachEnd || index >= exchanges.length - keptAtEachEnd) keep.add(index);
  });
  if (failedOn !== undefined)
    for (let index = Math.max(0, failedOn - keptBeforeFailure); index <= failedOn; index++) keep.add(index);
  const indexes = [...keep].sort((a, b) => a - b);
  const byDomain: Record<string, number> = {};
  for (const exchange of exchanges) byDomain[exchange.domain] = (byDomain[exchange.domain] ?? 0) + 1;
  const kept = indexes.flatMap((index) => {
    const exchange = exchanges[index];
    return exchange ? [{ ...exchange, sequence: index + 1 }] : [];
  });
  return {
    total: exchanges.length,
    byDomain,
    byApi,
    kept,
    ...(failedOn !== undefined && keep.has(failedOn) ? { failedOn: indexes.indexOf(failedOn) } : {}),
  };
}
