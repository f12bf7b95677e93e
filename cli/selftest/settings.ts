import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Playwright transform cache of the project's own. Playwright's shared one is rewritten by every
 * Playwright run on the machine that compiles the same files differently, and a cold cache costs
 * each worker start a second of compiling.
 */
export function transformCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.PLAYWRIGHT_TRANSFORM_CACHE_DIR ??
    join(tmpdir(), `flexconf-transform-cache-${process.getuid?.() ?? 'user'}`)
  );
}

/** The Playwright project that runs the whole suite against the mock without any fault. */
export const cleanProject = 'clean';

const faultProjectPrefix = 'fault:';

export function faultProject(fault: string): string {
  return faultProjectPrefix + fault;
}

/** The fault a project runs against, or undefined for the clean project. */
export function faultOfProject(project: string): string | undefined {
  return project.startsWith(faultProjectPrefix) ? project.slice(faultProjectPrefix.length) : undefined;
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
  return new RegExp(ruleIds.map((id) => `@${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).join('|'));
}
