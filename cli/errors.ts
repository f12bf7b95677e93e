/** Exit codes of every command (documented in the README). */
export const exitCodes = {
  /** Every `must` rule that ran passed (or the command succeeded). */
  ok: 0,
  /** A `must` rule failed (run), or a rule regressed (report diff). */
  failed: 1,
  /** Usage or configuration error: unknown flag, malformed URL, unreadable file, missing credentials. */
  usage: 2,
  /** The run could not produce a report (internal error, Playwright crashed). */
  internal: 3,
} as const;

/** A mistake in how the command was called; printed as one line, exit code 2. */
export class UsageError extends Error {}
