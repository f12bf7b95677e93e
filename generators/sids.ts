import fc from 'fast-check';

const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF');

/** `n` hexadecimal digits, mixed case (the documented patterns accept both). */
export const hex = (n: number) => fc.string({ unit: hexDigit, minLength: n, maxLength: n });

/** A well-formed SID: the two-letter prefix and 32 hex digits (e.g. `^FW[0-9a-fA-F]{32}$`). */
export const sid = (prefix: string) => hex(32).map((digits) => prefix + digits);

/** Strings that break a SID pattern in one way each: wrong prefix, wrong length, a non-hex digit. */
export const malformedSid = (prefix: string) =>
  fc.oneof(
    fc
      .constantFrom('AC', 'FO', 'IS', 'FW', 'WS', 'WW', 'WT', 'CH', 'XX', prefix.toLowerCase())
      .filter((other) => other !== prefix)
      .chain((other) => hex(32).map((digits) => other + digits)),
    fc.integer({ min: 0, max: 31 }).chain((length) => hex(length).map((digits) => prefix + digits)),
    fc.integer({ min: 33, max: 40 }).chain((length) => hex(length).map((digits) => prefix + digits)),
    fc
      .tuple(hex(31), fc.constantFrom('g', 'z', 'G', '-', '_', ' '), fc.integer({ min: 0, max: 31 }))
      .map(([digits, bad, at]) => prefix + digits.slice(0, at) + bad + digits.slice(at)),
  );
