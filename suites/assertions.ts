import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect as playwrightExpect } from '@playwright/test';

/**
 * The suites' `expect`: Playwright's, told apart only in that a failing assertion is reported to
 * the listener the `api` fixture sets, so the evidence keeps the exchange the assertion was about
 * (the last response read), even in a check of a hundred requests or a property that shrank.
 *
 * Label what an assertion compares with Playwright's message argument; the console and the report
 * print it first:
 *
 *   expect(created.status, 'Flex Flow create status').toBe(201);
 */
export const expect: typeof playwrightExpect = watched(playwrightExpect);

let listener: (() => void) | undefined;

/** Who hears of a failing assertion: the running check's HTTP client (one check at a time per worker). */
export function onFailedAssertion(notify: (() => void) | undefined): void {
  listener = notify;
}

/** `expect(…)`, `expect.soft(…)`, `expect.poll(…)`, `expect.configure(…)` and their matchers, watched. */
function watched<T extends object>(target: T): T {
  return new Proxy(target, {
    apply(fn, self, args) {
      return watchedResult(Reflect.apply(fn as (...a: unknown[]) => unknown, self, args));
    },
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (key === 'soft' || key === 'poll' || key === 'configure' || key === 'extend')
        return typeof value === 'function' ? watched(value) : value;
      return value;
    },
  });
}

function watchedResult(value: unknown): unknown {
  if (typeof value === 'function') return watched(value);
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(object, key, receiver) {
      const member = Reflect.get(object, key, receiver);
      if (key === 'not' || key === 'resolves' || key === 'rejects') return watchedResult(member);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        try {
          const result = Reflect.apply(member, object, args);
          if (result instanceof Promise) return result.catch(failed);
          return result;
        } catch (error) {
          return failed(error);
        }
      };
    },
  });
}

function failed(error: unknown): never {
  listener?.();
  throw error;
}

/**
 * Playwright points an assertion's failure at the first stack frame outside its own package; this
 * file's frames are hidden the same way, so the failure still points at the check's own line.
 */
function hideFromStacks(): void {
  try {
    const require = createRequire(import.meta.url);
    const playwrightRoot = dirname(require.resolve('playwright/package.json'));
    const { utils } = require('playwright-core/lib/coreBundle') as {
      utils?: { setBoxedStackPrefixes?: (prefixes: string[]) => void };
    };
    utils?.setBoxedStackPrefixes?.([playwrightRoot, fileURLToPath(import.meta.url)]);
  } catch {
    // another Playwright version: failures then point into this file, and the report is unchanged
  }
}

hideFromStacks();
