import { expect as playwrightExpect, test } from '@playwright/test';
import fc from 'fast-check';
import { onFailedAssertion, expect as suiteExpect } from '../../suites/assertions';
import { certainlyPasses, decidedMatchers } from '../../suites/certain-pass';

/**
 * The suites' `expect` decides a certain pass itself and leaves everything else to Playwright:
 * whatever it lets through, Playwright's own matcher would have let through too.
 */

const expect = playwrightExpect;

/** The matchers decided without Playwright, and one that never is. */
const matcherNames = [...decidedMatchers, 'toHaveProperty'];

const withoutExpected = new Set(['toBeDefined', 'toBeUndefined', 'toBeNull', 'toBeTruthy', 'toBeFalsy']);

/** Values that sit next to each other for some matcher: signed zeros, NaN, case, accents, holes. */
const nearValue = fc.constantFrom<unknown>(
  0,
  -0,
  Number.NaN,
  1,
  1.5,
  -1,
  '',
  'a',
  'A',
  'é',
  'e\u0301',
  '0',
  null,
  undefined,
  true,
  false,
  [],
  {},
  [undefined],
  { a: undefined },
  /a/,
  /a/g,
  new Date(0),
  new Map(),
  { [Symbol.for('key')]: 1 },
);

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nearValue,
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.integer({ min: -3, max: 3 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'A', 'é'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** An expected value: another value, the same one, a copy of it, a part of it, or a neighbour of it. */
const pair = value.chain((actual) =>
  fc.tuple(
    fc.constant(actual),
    fc.oneof(
      value,
      fc.constant(actual),
      fc.constant(copyOf(actual)),
      fc.constant(partOf(actual)),
      fc.constant(lengthOf(actual)),
      { arbitrary: fc.constantFrom(...neighboursOf(actual)), weight: 3 },
    ),
  ),
);

test('every pass the suites decide without Playwright is a pass for Playwright’s matcher, with or without .not', async () => {
  let vouched = 0;
  await fc.assert(
    fc.property(pair, fc.boolean(), ([actual, expected], isNot) => {
      for (const matcher of matcherNames) {
        const args = withoutExpected.has(matcher) ? [] : [expected];
        if (!certainlyPasses(matcher, actual, args, isNot)) continue;
        vouched++;
        const subject = isNot ? playwrightExpect(actual).not : playwrightExpect(actual);
        (Reflect.get(subject, matcher) as (...a: unknown[]) => void)(...args);
      }
    }),
    { seed: 20260601, numRuns: 800 },
  );
  expect(vouched, 'passes decided without Playwright').toBeGreaterThan(3000);
});

test('a failing assertion still fails with Playwright’s message and its label, and tells the listener', () => {
  let heard = 0;
  onFailedAssertion(() => heard++);
  try {
    const failures = [
      () => suiteExpect(201, 'Flex Flow create status').toBe(200),
      () => suiteExpect(201, 'Flex Flow create status').not.toBe(201),
      () => suiteExpect({ a: [1] }, 'the flow').toEqual({ a: [2] }),
      () => suiteExpect('FOabc', 'the sid').toMatch(/^FW/),
    ];
    for (const fail of failures) {
      expect(fail, 'the assertion throws').toThrow(/Expected/);
    }
    expect(() => suiteExpect(201, 'Flex Flow create status').toBe(200), 'the label').toThrow(
      /Flex Flow create status/,
    );
    expect(heard, 'failures the listener heard of').toBe(failures.length + 1);
  } finally {
    onFailedAssertion(undefined);
  }
});

test('the expect that configure makes is watched too: it passes, fails with its label and tells the listener', () => {
  let heard = 0;
  onFailedAssertion(() => heard++);
  try {
    const configured = suiteExpect.configure({ timeout: 1_000 });
    configured({ sid: 'FO1' }, 'the flow').toEqual({ sid: 'FO1' });
    expect(() => configured(201, 'Flex Flow create status').toBe(200), 'the label').toThrow(
      /Flex Flow create status/,
    );
    expect(heard, 'failures the listener heard of').toBe(1);
  } finally {
    onFailedAssertion(undefined);
  }
});

test('poll, resolves and rejects still go through Playwright', async () => {
  let reads = 0;
  await suiteExpect.poll(() => ++reads, { intervals: [1] }).toBe(3);
  expect(reads, 'polls until the value arrives').toBe(3);
  await suiteExpect(Promise.resolve(2)).resolves.toBe(2);
  await expect(suiteExpect(Promise.resolve(2)).resolves.toBe(3), 'a wrong resolved value').rejects.toThrow();
  await suiteExpect(Promise.reject(new Error('x'))).rejects.toThrow('x');
});

function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyOf(item)]));
  return value;
}

function partOf(value: unknown): unknown {
  if (Array.isArray(value)) return value[0];
  if (typeof value === 'string') return value.slice(1);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).slice(1));
  return value;
}

/** Values one small step away: one item or key more or fewer, the other container, sign, case, form. */
function neighboursOf(value: unknown): unknown[] {
  if (Array.isArray(value))
    return [value.slice(0, -1), [...value, undefined], Object.assign({}, value), value.map(copyOf)];
  if (typeof value === 'number') return [-value, value + 1, String(value)];
  if (typeof value === 'string')
    return [value.toUpperCase(), value.normalize('NFD'), `${value}x`, Number(value)];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return [
      { ...value, extra: undefined },
      Object.fromEntries(entries.slice(0, -1)),
      entries.map(([, item]) => item),
      Object.fromEntries(entries.map(([key, item]) => [key, neighboursOf(item)[0] ?? item])),
    ];
  }
  return [value === undefined ? null : undefined, !value];
}

function lengthOf(value: unknown): unknown {
  return typeof value === 'string' || Array.isArray(value) ? value.length : value;
}
