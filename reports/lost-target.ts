import type { FinishedCheck } from './build';

/**
 * The checks that failed on a connection failure, reported once the run knows its target is gone.
 * A check can fail on the first of the failures in a row that declare the target gone, and end
 * before the last of them: when it ended, the target still counted as present. Once the target is
 * gone, such a failure says nothing about the target either, and the check is skipped as
 * unreachable like those that failed after it. Without a gone target, the checks are unchanged.
 */
export function withLostTarget(
  checks: readonly FinishedCheck[],
  connectionFailures: ReadonlyMap<string, string>,
  targetGone: string | undefined,
): FinishedCheck[] {
  if (targetGone === undefined) return [...checks];
  return checks.map((check) => {
    const failure = check.id === undefined ? undefined : connectionFailures.get(check.id);
    if (check.status !== 'failed' || failure === undefined) return check;
    const { failedAssertion: _site, curl: _curl, exchanges, ...rest } = check;
    const kept = exchanges && (({ failedOn: _failedOn, ...others }) => others)(exchanges);
    return {
      ...rest,
      status: 'skipped',
      skipReason: `the target did not answer: ${failure.split('\n')[0]}`,
      unreachable: true,
      ...(kept ? { exchanges: kept } : {}),
    };
  });
}
