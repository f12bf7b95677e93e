import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How `flex-conformance selftest` tells its Playwright run what to do. The command sets these
 * variables; the self-test config (evaluated in the runner and in every worker) and its reporter
 * read them.
 */
export const selftestEnv = {
  /** Comma-separated fault names to run; empty or unset: every fault in the catalog. */
  faults: 'FLEXCONF_SELFTEST_FAULTS',
  /** `1`: run every check against every fault instead of only the checks of the rules it trips. */
  allChecks: 'FLEXCONF_SELFTEST_ALL_CHECKS',
  /** Where the reporter writes the per-project outcomes (JSON). */
  results: 'FLEXCONF_SELFTEST_RESULTS',
  /** Playwright's output directory for the run (cleared by Playwright when the run starts). */
  artifacts: 'FLEXCONF_SELFTEST_ARTIFACTS',
} as const;

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

/** Fault names selected through the environment; every fault when none is named. */
export function selectedFaults<T extends { readonly name: string }>(
  all: readonly T[],
  env: NodeJS.ProcessEnv = process.env,
): T[] {
  const named = (env[selftestEnv.faults] ?? '').split(',').filter(Boolean);
  if (named.length === 0) return [...all];
  return all.filter((fault) => named.includes(fault.name));
}

/** Playwright's grep for the checks tagged with any of `ruleIds` (the tags `verifies()` adds). */
export function checksOf(ruleIds: readonly string[]): RegExp {
  if (ruleIds.length === 0) return /(?!)/;
  return new RegExp(ruleIds.map((id) => `@${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).join('|'));
}
