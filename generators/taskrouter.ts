import fc from 'fast-check';

/**
 * Arbitraries for TaskRouter requests, from the documented ranges (twilio_taskrouter_v1):
 * Priority 0..2,147,483,647, Timeout up to 1,209,600 seconds, Attributes a JSON object string.
 */
export const MAX_PRIORITY = 2_147_483_647;
export const MAX_TIMEOUT = 1_209_600;
export const DEFAULT_TIMEOUT = 86_400;

export const taskStatuses = ['pending', 'reserved', 'assigned', 'canceled', 'wrapping', 'completed'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Any documented priority, the two ends of the range included. */
export const priority = () =>
  fc.oneof(fc.constantFrom(0, MAX_PRIORITY), fc.integer({ min: 0, max: MAX_PRIORITY }));

/** Priorities close together, so that ties and reorderings are frequent. */
export const queuePriority = () => fc.integer({ min: 0, max: 5 });

/** Priorities outside the documented range: negative, or beyond 2^31 − 1. */
export const outOfRangePriority = () =>
  fc.oneof(
    fc.constantFrom(-1, MAX_PRIORITY + 1),
    fc.integer({ min: -1_000_000, max: -1 }),
    fc.integer({ min: MAX_PRIORITY + 1, max: 2 ** 40 }),
  );

/** Timeouts past the documented maximum: its neighbour, and far beyond. */
export const overMaxTimeout = () =>
  fc.oneof(fc.constant(MAX_TIMEOUT + 1), fc.integer({ min: MAX_TIMEOUT + 1, max: 2 ** 31 - 1 }));

/** Any documented timeout, the two ends of the range included. */
export const taskTimeout = () =>
  fc.oneof(fc.constantFrom(1, MAX_TIMEOUT), fc.integer({ min: 1, max: MAX_TIMEOUT }));

const attributeKey = () => fc.string({ minLength: 1, maxLength: 12 }).filter((key) => key !== '__proto__');

/** Task attributes: a JSON object of any JSON values, nested a little. */
export const taskAttributes = () =>
  fc.dictionary(attributeKey(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 });

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
