/**
 * A process of the run whose parent died (SIGKILL leaves no time to tell anyone) must not live on
 * holding ports: Playwright's workers learn it from their IPC channel closing, the runner from its
 * parent id changing (an orphan is re-parented).
 */
export function watchParent(onGone: () => void, pollMs = 200): () => void {
  const parent = process.ppid;
  let gone = false;
  const notice = () => {
    if (gone) return;
    gone = true;
    stop();
    onGone();
  };
  const timer = setInterval(() => {
    if (process.ppid !== parent) notice();
  }, pollMs);
  timer.unref();
  process.on('disconnect', notice);
  const stop = () => {
    clearInterval(timer);
    process.off('disconnect', notice);
  };
  return stop;
}

const closers = new Set<() => Promise<unknown>>();

/** Registers what an orphaned worker closes before it exits (the embedded mock's server); returns the unregister. */
export function closeBeforeOrphanExit(close: () => Promise<unknown>): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

/**
 * Closes what was registered, for at most `graceMs` (a teardown that talks to a dead runner or a
 * dead target must not hold the process), then ends the process. Not with `process.exit`: its exit
 * handlers include native ones (the Pact library waits there for its HTTP client's requests to
 * time out, for seconds), so the process kills itself and the kernel frees what is left.
 */
export async function exitOrphan(graceMs = 1000): Promise<never> {
  const deadline = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([Promise.allSettled([...closers].map((close) => close())), deadline]);
  process.kill(process.pid, 'SIGKILL');
  return new Promise<never>(() => {});
}
