/**
 * The self-test runs as one Playwright project of matrix entries: the clean mock (every check) and
 * one entry per fault (the checks of the rules it trips). An entry is a spec file of its own that
 * sets the mock's faults and loads the suite's spec files again (cli/selftest/matrix-files.ts).
 */
export const cleanEntry = 'clean';

const faultEntryPrefix = 'fault:';

export function faultEntry(fault: string): string {
  return faultEntryPrefix + fault;
}

/** The fault an entry runs against, or undefined for the clean entry. */
export function faultOfEntry(entry: string): string | undefined {
  return entry.startsWith(faultEntryPrefix) ? entry.slice(faultEntryPrefix.length) : undefined;
}

const entryFileSuffix = '.spec.mjs';

/** The spec file of an entry: `clean.spec.mjs`, `fault.<name>.spec.mjs`. */
export function entryFile(entry: string): string {
  const fault = faultOfEntry(entry);
  return `${fault === undefined ? entry : `fault.${fault}`}${entryFileSuffix}`;
}

/** The entry a spec file (its name as Playwright titles it) belongs to. */
export function entryOfFile(file: string): string | undefined {
  if (!file.endsWith(entryFileSuffix) || file.includes('/')) return undefined;
  const stem = file.slice(0, -entryFileSuffix.length);
  if (stem === cleanEntry) return cleanEntry;
  return stem.startsWith('fault.') ? faultEntry(stem.slice('fault.'.length)) : undefined;
}

/** The faults named (`selftest --fault`); every fault when none is named. */
export function selectedFaults<T extends { readonly name: string }>(
  all: readonly T[],
  named: readonly string[] = [],
): T[] {
  if (named.length === 0) return [...all];
  return all.filter((fault) => named.includes(fault.name));
}

/** Playwright's grep for the checks tagged with any of `ruleIds` (the tags `verifies()` adds). */
export function checksOf(ruleIds: readonly string[]): RegExp {
  if (ruleIds.length === 0) return /(?!)/;
  return new RegExp(ruleIds.map((id) => `@${escapeRegExp(id)}(?![\\w-])`).join('|'));
}

/**
 * Playwright's grep for an entry's checks: the tests its spec file holds (Playwright matches a
 * grep against the project, file and test titles and the tags), only those tagged with one of
 * `ruleIds` when given.
 */
export function entryChecks(entry: string, ruleIds?: readonly string[]): RegExp {
  const file = `(?:^| )${escapeRegExp(entryFile(entry))} `;
  return new RegExp(ruleIds ? `${file}.*(?:${checksOf(ruleIds).source})` : file);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
