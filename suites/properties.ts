import fc from 'fast-check';

/**
 * How many cases of a property a run affords. The run's `--runs N` (applied to fast-check's global
 * settings by the `propertySettings` fixture) is the number of cases a cheap property gets; a
 * property whose case costs more (a flow, a workspace, a conversation, a phone call) declares its
 * weight and gets `N / weight` cases, at least one. So `--runs 100` gives every property five times
 * the cases of `--runs 20`, whatever its weight (until the floor of one case).
 */
export const weights = {
  /** One or two requests a case: a create, a fetch, a validation. */
  request: 1,
  /** A resource with its dependencies: a Flex Flow with a chat service, a workspace task. */
  resource: 3,
  /** A Studio flow published and triggered: several requests and a webhook exchange. */
  flow: 5,
  /** A whole routing scenario: workers, queues and tasks observed over time. */
  scenario: 10,
} as const;

export type Weight = (typeof weights)[keyof typeof weights];

/** The run's cases for a property of this weight. */
export function casesFor(weight: Weight): number {
  const runs = fc.readConfigureGlobal().numRuns ?? 100;
  return Math.max(1, Math.round(runs / weight));
}

/** The share of a check's time limit kept for what follows its properties: the cleanup of what they created. */
export const cleanupReserveShare = 0.2;

/** The least time a property gets to draw cases, however late in its check it starts. */
export const minimumPropertyTimeMs = 1_000;

/**
 * How long a property may draw cases before fast-check stops it (it then passes on the cases it
 * ran): what its check has left of its time limit when the property starts, less the cleanup
 * reserve. A check with no time limit (`timeoutMs` 0) sets none.
 */
export function propertyTimeLimit(check: {
  readonly startedAt: number;
  readonly timeoutMs: number;
  readonly now: number;
}): number | undefined {
  if (check.timeoutMs === 0) return undefined;
  const left = check.startedAt + check.timeoutMs - check.now;
  return Math.max(minimumPropertyTimeMs, Math.round(left - check.timeoutMs * cleanupReserveShare));
}

/**
 * fast-check's global settings for one check: the run's seed and cases, the run's reporter, and
 * the time limit of `propertyTimeLimit`. fast-check reads its global settings each time a property
 * starts, so the time limit is a getter: a second property in a check gets what the first left,
 * and a check whose time limit grows (on a real account, five times the default) gives its
 * properties the time, instead of a fixed minute that stopped them at a fraction of their cases.
 */
export function checkPropertySettings(check: {
  readonly seed: number;
  readonly runs: number;
  readonly startedAt: number;
  /** The check's time limit as it stands (it may change while the check sets up). */
  readonly timeoutMs: () => number;
  readonly endOnFailure: boolean;
  readonly noteCutShort: (ran: number, asked: number) => void;
}): fc.GlobalParameters {
  return {
    seed: check.seed,
    numRuns: check.runs,
    get interruptAfterTimeLimit() {
      return propertyTimeLimit({ startedAt: check.startedAt, timeoutMs: check.timeoutMs(), now: Date.now() });
    },
    reporter: runReporter(check.noteCutShort),
    endOnFailure: check.endOnFailure,
  };
}

/**
 * fast-check's reporter for the run's properties: a property its time limit cut short is noted
 * (`ran` of `asked` cases), so the report does not present it as having run them all; a failed
 * property throws what fast-check's own reporter throws (its message carries seed and path).
 */
export function runReporter<Ts = unknown>(noteCutShort: (ran: number, asked: number) => void) {
  return (details: fc.RunDetails<Ts>): void => {
    if (details.interrupted)
      noteCutShort(details.numRuns, details.runConfiguration.numRuns ?? details.numRuns);
    if (details.failed) throw new Error(fc.defaultReportMessage(details), { cause: details.errorInstance });
  };
}

/** fast-check parameters for `fc.assert` of a property of this weight (seed and path from the run). */
export function scaled(weight: Weight): fc.Parameters<unknown> {
  return { numRuns: casesFor(weight) };
}

/**
 * `count` distinct values of an arbitrary for a check whose inputs are incidental (an identity, a
 * caller): drawn from the run's seed and the call site's `salt`, so every run meets other values
 * and `--seed` replays the same ones. Values count as distinct by `key` (by default, themselves).
 */
export function samplesOf<T>(
  arbitrary: fc.Arbitrary<T>,
  count: number,
  salt: number,
  key: (value: T) => unknown = (value) => value,
): T[] {
  const runSeed = fc.readConfigureGlobal().seed ?? 0;
  const distinct = fc.uniqueArray(arbitrary, { minLength: count, maxLength: count, selector: key });
  return fc.sample(distinct, { numRuns: 1, seed: (runSeed ^ Math.imul(salt, 0x9e3779b1)) | 0 })[0]!;
}
