/**
 * Waits for something a target does asynchronously (an Interaction's task, a flow's execution).
 * How long to wait depends on the target: the worker sets it once (`setPatience`), so a real account
 * gets seconds while an implementation that answers synchronously does not slow failing checks down.
 */
let patienceMs = 5_000;

export function setPatience(ms: number): void {
  patienceMs = ms;
}

/** Calls `probe` until it returns a value, or gives up after the patience and returns undefined. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = patienceMs, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    intervalMs = Math.min(intervalMs * 2, 250);
  }
}
