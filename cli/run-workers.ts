import type { TargetSpec } from '../targets/spec';

/**
 * Below this many selected checks, a run on the embedded mock takes one worker. Starting a worker
 * loads Playwright and the suite again (about 2.5 CPU seconds); on the mock so few checks finish on
 * one worker as soon as on two, and the second worker's start-up is only spent.
 */
export const oneWorkerBelowChecks = 150;

/**
 * The `--workers` a run passes to Playwright, or undefined for the configuration's own (one per CPU
 * on the mock, more where the checks wait): the user's `--workers` first, then what the run
 * session asks for (a recording keeps one), then one for a small selection on the mock. Elsewhere
 * the checks wait on the target, and more workers overlap the waits whatever the selection.
 */
export function runWorkers(run: {
  readonly requested?: string;
  readonly session?: number;
  readonly targetKind: TargetSpec['kind'];
  /** How many checks the selection holds; undefined for the whole suite. */
  readonly selectedChecks?: number;
}): string | undefined {
  if (run.requested !== undefined) return run.requested;
  if (run.session !== undefined) return String(run.session);
  if (
    run.targetKind === 'mock' &&
    run.selectedChecks !== undefined &&
    run.selectedChecks < oneWorkerBelowChecks
  )
    return '1';
  return undefined;
}
