/** What the self-test's reporter records per matrix entry (the clean mock or one fault), and the command reads back. */

export interface RuleTally {
  passed: number;
  failed: number;
  skipped: number;
}

export interface CheckFailure {
  readonly title: string;
  readonly error: string;
}

export interface EntryOutcome {
  checks: number;
  /** Per rule id: how its checks ended in this project. */
  rules: Record<string, RuleTally>;
  /** Failed checks with the first line of their error (kept for the clean project). */
  failures: CheckFailure[];
}

export interface SelftestOutcomes {
  /** Playwright's overall status: `interrupted` or `timedout` mean the matrix is incomplete. */
  readonly status: string;
  readonly durationMs: number;
  /** Per matrix entry (`cleanEntry`, `faultEntry(name)`). */
  readonly entries: Record<string, EntryOutcome>;
}

/** Rules with at least one failed check, in the order given by `order` (catalog order). */
export function failedRulesOf(outcome: EntryOutcome | undefined, order: readonly string[]): string[] {
  if (!outcome) return [];
  const failed = Object.entries(outcome.rules)
    .filter(([, tally]) => tally.failed > 0)
    .map(([id]) => id);
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index < 0 ? order.length : index;
  };
  return failed.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
