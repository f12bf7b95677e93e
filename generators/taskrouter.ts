import fc from 'fast-check';
import { nearlyColliding } from './near-collisions';

/**
 * Arbitraries for TaskRouter requests, from the documented ranges (twilio_taskrouter_v1):
 * Priority 0..2,147,483,647, Timeout up to 1,209,600 seconds, Attributes a JSON object string.
 */
export const MAX_PRIORITY = 2_147_483_647;
export const MAX_TIMEOUT = 1_209_600;
export const DEFAULT_TIMEOUT = 86_400;

export const taskStatuses = ['pending', 'reserved', 'assigned', 'canceled', 'wrapping', 'completed'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Any documented priority: the two ends of the range and their neighbours included. */
export const priority = () =>
  fc.oneof(fc.constantFrom(0, 1, MAX_PRIORITY - 1, MAX_PRIORITY), fc.integer({ min: 0, max: MAX_PRIORITY }));

/** Priorities close together, so that ties and reorderings are frequent. */
export const queuePriority = () => fc.integer({ min: 0, max: 5 });

/**
 * Text sent for an integer parameter that is no decimal integer: fractions, exponents, hex,
 * blanks, padding, trailing letters, a sign alone, digits of another script. A reader that takes
 * `Number(text)` or `parseInt(text)` gives some of them a value.
 */
export const nonIntegerText = () =>
  fc.oneof(
    fc.constantFrom('1.5', '0.5', '1e3', '0x10', '', ' ', '7abc', 'abc', '-', '+-1', '٣', '1,000'),
    fc
      .tuple(fc.nat({ max: 1000 }), fc.integer({ min: 1, max: 99 }))
      .map(([whole, part]) => `${whole}.${part}`),
  );

/** Priorities outside the documented range (negative, beyond 2^31 − 1, and their neighbours), or no integer at all. */
export const outOfRangePriority = (): fc.Arbitrary<number | string> =>
  fc.oneof(
    fc.constantFrom(-1, MAX_PRIORITY + 1),
    fc.integer({ min: -1_000_000, max: -1 }),
    fc.integer({ min: MAX_PRIORITY + 1, max: 2 ** 40 }),
    nonIntegerText(),
  );

/** Timeouts past the documented maximum: its neighbour, and far beyond. */
export const overMaxTimeout = () =>
  fc.oneof(fc.constant(MAX_TIMEOUT + 1), fc.integer({ min: MAX_TIMEOUT + 1, max: 2 ** 31 - 1 }));

/** Any documented timeout: the two ends of the range and their neighbours included. */
export const taskTimeout = () =>
  fc.oneof(fc.constantFrom(1, 2, MAX_TIMEOUT - 1, MAX_TIMEOUT), fc.integer({ min: 1, max: MAX_TIMEOUT }));

/** Timeouts no document allows: 0, negative, or no integer at all (whether they are refused is undocumented). */
export const undocumentedTimeout = (): fc.Arbitrary<number | string> =>
  fc.oneof(fc.constantFrom(0, -1), fc.integer({ min: -1_000_000, max: -1 }), nonIntegerText());

/** Keys that only differ by case, a suffix or Unicode composition from others a task may carry. */
const collidingKeys = [
  'vip',
  'VIP',
  'Vip',
  'customer',
  'customer_',
  'customers',
  'café',
  'cafe\u0301',
  '',
] as const;

/** An attribute key: empty, ASCII, non-ASCII (accents, CJK, emoji), or one of the near-colliding keys. */
const attributeKey = () =>
  fc
    .oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
      fc.constantFrom(...collidingKeys, '名前', 'ключ', '🙂'),
    )
    .filter((key) => key !== '__proto__');

/** Any JSON value, its strings ASCII or not. */
const attributeValue = () =>
  fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme' }));

/** Task attributes: a JSON object of any JSON values, nested a little; keys ASCII or not, empty included. */
export const taskAttributes = () => fc.dictionary(attributeKey(), attributeValue(), { maxKeys: 6 });

/**
 * Task attributes holding two keys that nearly collide (`vip` and `VIP`, `customer` and
 * `customer_`, `café` precomposed and decomposed) with different values, among others.
 */
export const nearlyCollidingAttributes = () =>
  fc
    .tuple(nearlyColliding(attributeKey()), attributeValue(), attributeValue(), taskAttributes())
    .map(([[first, second], firstValue, secondValue, others]) => ({
      ...others,
      [first]: firstValue,
      [second]: secondValue,
    }));

/**
 * A TaskRouter friendly name (a queue, worker, workflow, activity or task channel): non-blank text
 * without surrounding blanks, non-ASCII included, short enough for every resource's limit. Names of
 * ASCII letters come often, so that another letter case of a name is another text.
 */
export const taskRouterName = () =>
  fc.oneof(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .filter((name) => name.trim() === name && name.length > 0),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,18}[A-Za-z]$/).filter((name) => !name.includes('  ')),
  );

/** Two TaskRouter names that differ but nearly collide (prefixes, case variants, accents). */
export const nearlyCollidingTaskRouterNames = () => nearlyColliding(taskRouterName());

/** Attributes of a customer task, the kind list filters select on. */
export interface CustomerAttributes {
  readonly customer: string;
  readonly vip: boolean;
  readonly waited: number;
}

export const customers = ['alice', 'bob', 'carol'] as const;

export const customerAttributes = (): fc.Arbitrary<CustomerAttributes> =>
  fc.record({
    customer: fc.constantFrom(...customers),
    vip: fc.boolean(),
    waited: fc.integer({ min: 0, max: 9 }),
  });

/** A TaskRouter expression over customer attributes, with the predicate it states. */
export interface AttributeExpression {
  readonly text: string;
  readonly holds: (attributes: CustomerAttributes) => boolean;
}

const comparison = (): fc.Arbitrary<AttributeExpression> =>
  fc.oneof(
    fc.constantFrom(...customers).map((name) => ({
      text: `customer == "${name}"`,
      holds: (a: CustomerAttributes) => a.customer === name,
    })),
    fc.constantFrom(...customers).map((name) => ({
      text: `customer != '${name}'`,
      holds: (a: CustomerAttributes) => a.customer !== name,
    })),
    fc.boolean().map((vip) => ({ text: `vip == ${vip}`, holds: (a: CustomerAttributes) => a.vip === vip })),
    fc
      .integer({ min: 0, max: 9 })
      .map((n) => ({ text: `waited > ${n}`, holds: (a: CustomerAttributes) => a.waited > n })),
    fc.subarray([...customers], { minLength: 1 }).map((names) => ({
      text: `customer IN [${names.map((name) => `"${name}"`).join(', ')}]`,
      holds: (a: CustomerAttributes) => names.includes(a.customer as (typeof customers)[number]),
    })),
  );

/** A comparison, or two joined with AND / OR. */
export const attributeExpression = (): fc.Arbitrary<AttributeExpression> =>
  fc.oneof(
    comparison(),
    fc.tuple(comparison(), fc.constantFrom('AND', 'OR'), comparison()).map(([left, op, right]) => ({
      text: `${left.text} ${op} ${right.text}`,
      holds: (a: CustomerAttributes) =>
        op === 'AND' ? left.holds(a) && right.holds(a) : left.holds(a) || right.holds(a),
    })),
  );

/** A non-empty set of assignment statuses to filter a task list by. */
export const statusFilter = () => fc.subarray([...taskStatuses], { minLength: 1 });

/** The values an Available list filter documents as true (Workers, Activities). */
export const availableTrue = ['true', '1', 'yes'] as const;

/**
 * The value of an Available list filter, with what it asks for: `available` for a documented true
 * value, `unavailable` for `false` or any other text, `undocumented` for a documented true value in
 * another letter case or with blanks around it.
 */
export interface AvailableFilterValue {
  readonly text: string;
  readonly asks: 'available' | 'unavailable' | 'undocumented';
}

const spellsTrue = (text: string) => (availableTrue as readonly string[]).includes(text.trim().toLowerCase());

export const availableFilterValue = (): fc.Arbitrary<AvailableFilterValue> =>
  fc.oneof(
    fc.constantFrom(...availableTrue).map((text) => ({ text, asks: 'available' as const })),
    fc.constantFrom('false', '0', 'no', '', 'available', 'truee', 'y').map((text) => ({
      text,
      asks: 'unavailable' as const,
    })),
    fc
      .string({ maxLength: 8 })
      .filter((text) => !spellsTrue(text))
      .map((text) => ({ text, asks: 'unavailable' as const })),
    fc
      .tuple(
        fc.constantFrom(...availableTrue),
        fc.constantFrom('upper', 'capital', 'blank before', 'blank after'),
      )
      .map(([flag, how]) => {
        if (how === 'upper') return flag.toUpperCase();
        if (how === 'capital') return `${flag.charAt(0).toUpperCase()}${flag.slice(1)}`;
        return how === 'blank before' ? ` ${flag}` : `${flag} `;
      })
      .filter((text) => !(availableTrue as readonly string[]).includes(text))
      .map((text) => ({ text, asks: 'undocumented' as const })),
  );

/**
 * Which of a workspace's `count` activities each new worker starts in (indexes into its list):
 * one to five workers, activities repeated or left empty.
 */
export const workerActivities = (count: number) =>
  fc.array(fc.integer({ min: 0, max: count - 1 }), { minLength: 1, maxLength: 5 });
