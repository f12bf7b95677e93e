import fc from 'fast-check';

/**
 * Values and templates for Liquid in widget properties. Text that is rendered inside a JSON string
 * of a template must not break the JSON: no quotes, backslashes or control characters, and no
 * Liquid delimiters.
 */

/** Text that stays valid inside a JSON string literal after rendering (unicode included). */
export const jsonSafeText = () =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
    .filter((text) => text.trim() === text && [...text].every(jsonSafeCharacter));

/** Not a quote, backslash, control character or Liquid delimiter. */
const jsonSafeCharacter = (character: string) => {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !'"\\{}%'.includes(character);
};

/** A JSON object key as people name task attributes. */
export const attributeKey = () =>
  fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
      fc.string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'),
        maxLength: 12,
      }),
    )
    .map(([first, rest]) => first + rest)
    .filter((key) => !['constructor', 'prototype'].includes(key));

/** Any JSON value: null, booleans, numbers, strings, arrays and objects, nested a few levels. */
export const jsonValue = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.string({ unit: 'grapheme', maxLength: 16 }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(attributeKey(), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

/** A non-empty array or object: the values an implementation flattens or stringifies by mistake. */
const nestedValue = () =>
  fc.oneof(
    fc.array(jsonValue(), { minLength: 1, maxLength: 4 }),
    fc.dictionary(attributeKey(), jsonValue(), { minKeys: 1, maxKeys: 4 }),
  );

/** A JSON object of custom task attributes; every one holds at least one nested array or object. */
export const customAttributes = () =>
  fc
    .tuple(fc.dictionary(attributeKey(), jsonValue(), { maxKeys: 4 }), attributeKey(), nestedValue())
    .map(([others, key, nested]) => ({ ...others, [key]: nested }));

/**
 * One character to fill attributes up to a length limit: ASCII, or non-ASCII text of two and three
 * UTF-8 bytes (a limit counted in characters is not one counted in bytes). Each is one UTF-16 unit.
 */
export const attributesFiller = () => fc.constantFrom('x', 'é', 'ж', '中', '€', 'ア');

/** Studio's message attributes: a JSON object, sent as its text. */
export const messageAttributes = () =>
  fc
    .dictionary(attributeKey(), jsonSafeText(), { minKeys: 1, maxKeys: 3 })
    .map((value) => JSON.stringify(value));

/** Where a rendered attribute value comes from: text written in the template, or a call variable. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'variable';
      readonly path: 'trigger.call.From' | 'trigger.call.To' | 'flow.variables.queue';
    };

const templatePart = (): fc.Arbitrary<TemplatePart> =>
  fc.oneof(
    jsonSafeText().map((text) => ({ kind: 'text' as const, text })),
    fc
      .constantFrom('trigger.call.From', 'trigger.call.To', 'flow.variables.queue')
      .map((path) => ({ kind: 'variable' as const, path: path as 'trigger.call.From' })),
  );

/** An attributes template: keys whose string values mix literal text and output tags. */
export const attributesTemplate = () =>
  fc.dictionary(attributeKey(), fc.array(templatePart(), { minLength: 1, maxLength: 3 }), {
    minKeys: 1,
    maxKeys: 4,
  });

export type AttributesTemplate = Record<string, TemplatePart[]>;

/** The template text of an attributes template (`{"key": "text{{trigger.call.From}}"}`). */
export function templateText(template: AttributesTemplate): string {
  const entries = Object.entries(template).map(
    ([key, parts]) =>
      `${JSON.stringify(key)}: "${parts.map((part) => (part.kind === 'text' ? part.text : `{{${part.path}}}`)).join('')}"`,
  );
  return `{${entries.join(', ')}}`;
}

/** What the template renders to for these variable values. */
export function renderedAttributes(
  template: AttributesTemplate,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template).map(([key, parts]) => [
      key,
      parts.map((part) => (part.kind === 'text' ? part.text : (values[part.path] ?? ''))).join(''),
    ]),
  );
}
