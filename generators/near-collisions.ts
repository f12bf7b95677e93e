import fc from 'fast-check';

/**
 * Values that nearly collide: the inputs that catch an implementation matching by prefix, ignoring
 * letter case or normalising Unicode where the documents speak of one exact value.
 */

/**
 * A name that nearly collides with `name`: `name` as its prefix (a suffix added, ASCII or not, an
 * accented letter precomposed or decomposed) or another letter case of it. It can equal `name`
 * (a name without letters): `nearlyColliding` filters such pairs out.
 */
export const nearCollision = (name: string) =>
  fc.oneof(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 4 })
      .filter((suffix) => suffix.trimEnd() === suffix)
      .map((suffix) => `${name}${suffix}`),
    fc.constant(name.toUpperCase()),
    fc.constant(name.toLowerCase()),
    fc.constant(`${name}é`),
    fc.constant(`${name}e\u0301`),
  );

/** Two different values of `base` that nearly collide (prefixes, case variants, non-ASCII). */
export const nearlyColliding = (base: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> =>
  base.chain((name) => fc.tuple(fc.constant(name), nearCollision(name))).filter(([a, b]) => a !== b);
