import { randomBytes } from 'node:crypto';

/**
 * Every resource a run creates on a real account is named `flexconf-<run id>-…` (FriendlyName,
 * UniqueName): cleanup finds leftovers by this tag and touches nothing else.
 */
export const runIdPattern = /^[0-9a-f]{8}$/;
const taggedPattern = /^flexconf-([0-9a-f]{8})-/;

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** The prefix of every name a run gives what it creates. */
export function runTag(runId: string): string {
  return `flexconf-${runId}-`;
}

/** The run id a name is tagged with, or undefined when the name carries no run tag. */
export function runIdOfName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  return taggedPattern.exec(name)?.[1];
}
