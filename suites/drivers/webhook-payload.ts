/**
 * What a webhook receiver (the customer's own endpoint) expects of a payload: the fields of a
 * documented example, each with the type its example value has. Form-encoded requests carry every
 * value as text, so integers, dates and JSON arrive as text.
 */

/** A field's type, as the example value shows it. */
export interface FieldType {
  readonly type: string;
  readonly holds: (value: unknown) => boolean;
}

const isText = (value: unknown): value is string => typeof value === 'string';

const isJsonObject = (value: unknown): boolean => {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
  if (!isText(value)) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
};

const matching = (type: string, pattern: RegExp): FieldType => ({
  type,
  holds: (value) => isText(value) && pattern.test(value),
});

export const fieldTypes = {
  text: { type: 'text', holds: isText } as FieldType,
  nonEmptyText: matching('a non-empty text', /\S/),
  integerText: matching('an integer as text', /^\d+$/),
  /** A SID: its two-letter prefix and 32 hex digits. */
  sid: (prefix: string) => matching(`a ${prefix}… SID`, new RegExp(`^${prefix}[0-9a-fA-F]{32}$`)),
  dateTime: {
    type: 'an ISO 8601 date-time',
    holds: (value) =>
      isText(value) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value)),
  } as FieldType,
  jsonObjectText: {
    type: 'a JSON object as text',
    holds: (value) => isText(value) && isJsonObject(value),
  } as FieldType,
  jsonObject: { type: 'a JSON object (or its JSON text)', holds: isJsonObject } as FieldType,
  exactly: (expected: string) => matching(JSON.stringify(expected), new RegExp(`^${expected}$`)),
};

/** Each field the payload lacks or carries with another type, as `Field: expected type (got …)`. */
export function mistypedFields(
  payload: Readonly<Record<string, unknown>>,
  expected: Readonly<Record<string, FieldType>>,
): string[] {
  return Object.entries(expected)
    .filter(([field, { holds }]) => !holds(payload[field]))
    .map(([field, { type }]) =>
      field in payload ? `${field}: ${type} (got ${JSON.stringify(payload[field])})` : `${field}: missing`,
    );
}
