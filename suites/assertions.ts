import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect as playwrightExpect } from '@playwright/test';
import { certainlyPasses } from './certain-pass';

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

/** `expect(…)`, `expect.soft(…)`, `expect.poll(…)` and the `expect` that `configure`/`extend` make, watched. */
function watched<T extends object>(target: T, decidesPasses = true): T {
  return new Proxy(target, {
    apply(fn, self, args) {
      let created: object | undefined;
      const playwrightMatchers = () => {
        created ??= Reflect.apply(fn as (...a: unknown[]) => object, self, args);
        return created;
      };
      return matchers(playwrightMatchers, { actual: args[0], isNot: false, decidesPasses });
    },
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'soft') return watched(value, decidesPasses);
      if (key === 'poll') return watched(value, false);
      if (key === 'configure' || key === 'extend')
        return (...args: unknown[]) => watched(Reflect.apply(value, object, args) as object, decidesPasses);
      return value;
    },
  });
}

interface Assertion {
  readonly actual: unknown;
  readonly isNot: boolean;
  /** False for `poll`, `resolves` and `rejects`, whose subject is not the value itself. */
  readonly decidesPasses: boolean;
}

/**
 * The matchers of one `expect(…)`: a pass `certainlyPasses` vouches for returns at once; anything
 * else goes to Playwright's matcher, created only then.
 */
function matchers(playwright: () => object, assertion: Assertion): object {
  return new Proxy(
    {},
    {
      get(_unused, key) {
        if (key === 'not')
          return matchers(() => Reflect.get(playwright(), key) as object, {
            ...assertion,
            isNot: !assertion.isNot,
          });
        if (key === 'resolves' || key === 'rejects')
          return matchers(() => Reflect.get(playwright(), key) as object, {
            ...assertion,
            decidesPasses: false,
          });
        return (...args: unknown[]) => {
          const { actual, isNot, decidesPasses } = assertion;
          if (decidesPasses && typeof key === 'string' && certainlyPasses(key, actual, args, isNot)) return;
          const target = playwright();
          try {
            const result = Reflect.apply(
              Reflect.get(target, key) as (...a: unknown[]) => unknown,
              target,
              args,
            );
            if (result instanceof Promise) return result.catch(failed);
            return result;
          } catch (error) {
            return failed(error);
          }
        };
      },
    },
  );
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
