import { invalidParameter, missingParameter } from './errors';
import { isSid } from './sids';
import { referenceWireBehaviour, type WireBehaviour } from './wire-behaviour';

/**
 * Readers for form-encoded request parameters. Each throws the Twilio error a real account
 * answers with (status 400, code 20001) when a value is missing or malformed.
 */
export class Params {
  constructor(
    readonly raw: URLSearchParams,
    private readonly wire: WireBehaviour = referenceWireBehaviour,
  ) {}

  has(name: string): boolean {
    return this.raw.has(name);
  }

  string(name: string): string | undefined {
    return this.raw.get(name) ?? undefined;
  }

  required(name: string): string {
    const value = this.raw.get(name);
    if (value === null || value === '') throw missingParameter(name);
    return value;
  }

  sid(name: string, prefix: string, required = false): string | undefined {
    const value = required ? this.required(name) : this.string(name);
    if (value === undefined) return undefined;
    if (!isSid(value, prefix)) throw invalidParameter(name, `must match ^${prefix}[0-9a-fA-F]{32}$`);
    return value;
  }

  /** A value that must match `pattern` (a SID, for instance). */
  matching(name: string, pattern: RegExp, required = false): string | undefined {
    const value = required ? this.required(name) : this.string(name);
    if (value === undefined) return undefined;
    if (!pattern.test(value)) throw invalidParameter(name, `must match ${pattern.source}`);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], required = false): T | undefined {
    const value = required ? this.required(name) : this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidParameter(name, `must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  /** An integer parameter in `range`; `read` says how its text reads (undefined: not an integer, refused). */
  integer(
    name: string,
    range: { min?: number; max?: number } = {},
    read: (text: string) => number | undefined = decimalInteger,
  ): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const n = read(value);
    if (n === undefined) throw invalidParameter(name, 'must be an integer');
    if (range.min !== undefined && n < range.min)
      throw invalidParameter(name, `must be at least ${range.min}`);
    if (range.max !== undefined && n > range.max)
      throw invalidParameter(name, `must be at most ${range.max}`);
    return n;
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parsed = this.wire.booleanOf(value);
    if (parsed === undefined) throw invalidParameter(name, 'must be true or false');
    return parsed;
  }

  url(name: string, required = false): string | undefined {
    const value = required ? this.required(name) : this.string(name);
    if (value === undefined) return undefined;
    if (!isAbsoluteHttpUrl(value)) throw invalidParameter(name, 'must be an absolute URL');
    return value;
  }

  json(name: string, required = false): unknown {
    const value = required ? this.required(name) : this.string(name);
    if (value === undefined) return undefined;
    if (jsonDepth(value) > maxJsonDepth) {
      throw invalidParameter(name, `must not nest deeper than ${maxJsonDepth} levels`);
    }
    try {
      return JSON.parse(value);
    } catch {
      throw invalidParameter(name, 'must be valid JSON');
    }
  }
}

/** A decimal integer, optionally signed, with surrounding blanks ignored; anything else is no integer. */
export function decimalInteger(text: string): number | undefined {
  return /^-?\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/** Deeper JSON is refused: the emulator walks parameters recursively, and its stack is finite. */
export const maxJsonDepth = 256;

/** The deepest nesting of objects and arrays in a JSON text, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
