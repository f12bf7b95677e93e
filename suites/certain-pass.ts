/**
 * Whether a matcher certainly passes on plain data, decided without Playwright. Playwright makes
 * every assertion a report step and captures a source-mapped stack for it (about half a
 * millisecond each, thousands per run); a full run's reporters never read passing steps. The
 * decision is conservative: `true` only where Playwright's matcher would pass too, so anything
 * else (a failure, a matcher or a value not handled here) goes to Playwright, which decides and
 * reports exactly as before.
 */
export function certainlyPasses(
  matcher: string,
  actual: unknown,
  args: readonly unknown[],
  isNot: boolean,
): boolean {
  const [expected] = args;
  const outcome = positiveOutcome(matcher, actual, expected, args.length);
  if (outcome === undefined) return false;
  if (isNot) return outcome === false && negationIsExact.has(matcher);
  return outcome === true;
}

/** Matchers whose `false` below is Playwright's `false` too, so `.not` may pass on it. */
const negationIsExact: ReadonlySet<string> = new Set([
  'toBe',
  'toBeDefined',
  'toBeUndefined',
  'toBeNull',
  'toBeTruthy',
  'toBeFalsy',
  'toHaveLength',
  'toBeLessThan',
  'toBeLessThanOrEqual',
  'toBeGreaterThan',
  'toBeGreaterThanOrEqual',
  'toMatch',
]);

/** Every matcher a pass may be decided for here; the rest always go to Playwright. */
export const decidedMatchers: readonly string[] = [
  ...negationIsExact,
  'toContain',
  'toEqual',
  'toMatchObject',
];

/** The matcher's verdict without `.not`: `true`, `false`, or `undefined` when not decided here. */
function positiveOutcome(
  matcher: string,
  actual: unknown,
  expected: unknown,
  argCount: number,
): boolean | undefined {
  switch (matcher) {
    case 'toBe':
      return argCount === 1 ? Object.is(actual, expected) : undefined;
    case 'toBeDefined':
      return argCount === 0 ? actual !== undefined : undefined;
    case 'toBeUndefined':
      return argCount === 0 ? actual === undefined : undefined;
    case 'toBeNull':
      return argCount === 0 ? actual === null : undefined;
    case 'toBeTruthy':
      return argCount === 0 ? Boolean(actual) : undefined;
    case 'toBeFalsy':
      return argCount === 0 ? !actual : undefined;
    case 'toHaveLength':
      return (typeof actual === 'string' || Array.isArray(actual)) && isCount(expected)
        ? actual.length === expected
        : undefined;
    case 'toBeLessThan':
      return compared(actual, expected, (a, b) => a < b);
    case 'toBeLessThanOrEqual':
      return compared(actual, expected, (a, b) => a <= b);
    case 'toBeGreaterThan':
      return compared(actual, expected, (a, b) => a > b);
    case 'toBeGreaterThanOrEqual':
      return compared(actual, expected, (a, b) => a >= b);
    case 'toMatch':
      if (typeof actual !== 'string') return undefined;
      if (typeof expected === 'string') return actual.includes(expected);
      return expected instanceof RegExp ? new RegExp(expected).test(actual) : undefined;
    case 'toContain':
      if (typeof actual === 'string' && typeof expected === 'string')
        return actual.includes(expected) || undefined;
      return Array.isArray(actual) && actual.indexOf(expected) !== -1 ? true : undefined;
    case 'toEqual':
      return argCount === 1 && sameData(actual, expected) ? true : undefined;
    case 'toMatchObject':
      return argCount === 1 && isRecord(expected) && holdsData(actual, expected) ? true : undefined;
    default:
      return undefined;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function compared(
  actual: unknown,
  expected: unknown,
  order: (actual: number, expected: number) => boolean,
): boolean | undefined {
  return typeof actual === 'number' && typeof expected === 'number' ? order(actual, expected) : undefined;
}

/** A plain object or array with no symbol keys: data as JSON gives it. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/** Equal in every own key and value, recursively: equal for `toEqual` under any of its readings. */
function sameData(actual: unknown, expected: unknown): boolean {
  if (Object.is(actual, expected)) return true;
  if (!isRecord(actual) || !isRecord(expected)) return false;
  if (Array.isArray(actual) !== Array.isArray(expected)) return false;
  const keys = Object.keys(expected);
  if (Object.keys(actual).length !== keys.length) return false;
  return keys.every((key) => Object.hasOwn(actual, key) && sameData(actual[key], expected[key]));
}

/** Every own key of `expected` held by `actual` with the same data (arrays element by element). */
function holdsData(actual: unknown, expected: unknown): boolean {
  if (Object.is(actual, expected)) return true;
  if (!isRecord(actual) || !isRecord(expected)) return false;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((item, index) => Object.hasOwn(actual, index) && holdsData(actual[index], item));
  }
  if (Array.isArray(actual)) return false;
  return Object.keys(expected).every(
    (key) => Object.hasOwn(actual, key) && holdsData(actual[key], expected[key]),
  );
}
