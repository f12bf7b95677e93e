import type { MatcherSpec, MatchingRules } from './pact-file';

/**
 * Pact V4 response matching, as a provider verifier applies it: the status exactly, each expected
 * header, and the body with its matching rules (`type` with `min`/`max`, `regex`, `integer`,
 * `number`, `decimal`, `boolean`, `equality`, `include`). Unexpected object keys are allowed; a
 * `type` rule carries down to the values below it; every other value must equal the pact's.
 * Each mismatch is one line: where, what the pact expects, what the target answered.
 */
export type Mismatches = string[];

type PathToken = string | number | '*';

function parseRulePath(path: string): PathToken[] {
  const tokens: PathToken[] = [];
  const pattern = /\.([^.[\]]+)|\['([^']*)'\]|\[(\d+|\*)\]/g;
  for (const match of path.slice(1).matchAll(pattern)) {
    if (match[1] !== undefined) tokens.push(match[1] === '*' ? '*' : match[1]);
    else if (match[2] !== undefined) tokens.push(match[2]);
    else tokens.push(match[3] === '*' ? '*' : Number(match[3]));
  }
  return tokens;
}

function showPath(tokens: readonly PathToken[]): string {
  return `$${tokens.map((t) => (typeof t === 'number' ? `[${t}]` : /^[A-Za-z_][\w]*$/.test(t) ? `.${t}` : `['${t}']`)).join('')}`;
}

/** The rule for a value's path: equal length, `*` matching any key or index; the least wildcarded wins. */
function ruleAt(
  rules: MatchingRules | undefined,
  at: readonly PathToken[],
): readonly MatcherSpec[] | undefined {
  let best: { matchers: readonly MatcherSpec[]; wildcards: number } | undefined;
  for (const [path, rule] of Object.entries(rules ?? {})) {
    const tokens = parseRulePath(path);
    if (tokens.length !== at.length) continue;
    if (!tokens.every((token, i) => token === '*' || token === at[i] || String(token) === String(at[i])))
      continue;
    const wildcards = tokens.filter((token) => token === '*').length;
    if (!best || wildcards < best.wildcards) best = { matchers: rule.matchers, wildcards };
  }
  return best?.matchers;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

export function matchBody(expected: unknown, actual: unknown, rules: MatchingRules | undefined): Mismatches {
  const out: Mismatches = [];
  compare(expected, actual, [], false, rules, out);
  return out;
}

function compare(
  expected: unknown,
  actual: unknown,
  at: PathToken[],
  byType: boolean,
  rules: MatchingRules | undefined,
  out: Mismatches,
): void {
  const where = showPath(at);
  const matchers = ruleAt(rules, at);
  if (matchers) {
    let cascade = false;
    for (const matcher of matchers) {
      const failure = applyMatcher(matcher, expected, actual);
      if (failure) {
        out.push(`${where}: expected ${failure}, got ${show(actual)}`);
        return;
      }
      if (matcher.match === 'type') cascade = true;
    }
    if (!cascade) return;
    byType = true;
  }
  if (kind(expected) !== kind(actual)) {
    out.push(`${where}: expected ${kind(expected)} ${show(expected)}, got ${kind(actual)} ${show(actual)}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (matchers && expected.length > 0) {
      for (const [i, item] of actual.entries()) compare(expected[0], item, [...at, i], byType, rules, out);
      return;
    }
    if (expected.length !== actual.length) {
      out.push(`${where}: expected an array of ${expected.length} items, got ${actual.length}`);
      return;
    }
    for (const [i, item] of expected.entries()) compare(item, actual[i], [...at, i], byType, rules, out);
    return;
  }
  if (kind(expected) === 'object') {
    const actualObject = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
      if (!(key in actualObject)) {
        out.push(`${showPath([...at, key])}: expected ${show(value)}, got no such key`);
        continue;
      }
      compare(value, actualObject[key], [...at, key], byType, rules, out);
    }
    return;
  }
  if (!byType && expected !== actual) out.push(`${where}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Why the value fails the matcher, or undefined when it passes. */
function applyMatcher(matcher: MatcherSpec, expected: unknown, actual: unknown): string | undefined {
  switch (matcher.match) {
    case 'type': {
      if (kind(expected) !== kind(actual)) return `a value of type ${kind(expected)}`;
      if (Array.isArray(actual)) {
        if (matcher.min !== undefined && actual.length < matcher.min) return `at least ${matcher.min} items`;
        if (matcher.max !== undefined && actual.length > matcher.max) return `at most ${matcher.max} items`;
      }
      return undefined;
    }
    case 'regex': {
      const scalar = ['string', 'number', 'boolean'].includes(kind(actual));
      return scalar && new RegExp(matcher.regex ?? '').test(String(actual))
        ? undefined
        : `a value matching /${matcher.regex}/`;
    }
    case 'integer':
      return Number.isInteger(actual) ? undefined : 'an integer';
    case 'number':
      return typeof actual === 'number' ? undefined : 'a number';
    case 'decimal':
      return typeof actual === 'number' ? undefined : 'a decimal number';
    case 'boolean':
      return typeof actual === 'boolean' ? undefined : 'a boolean';
    case 'equality':
      return JSON.stringify(actual) === JSON.stringify(expected) ? undefined : show(expected);
    case 'include':
      return typeof actual === 'string' && actual.includes(String(matcher.value ?? ''))
        ? undefined
        : `a string including ${show(matcher.value)}`;
    default:
      return `a value the unsupported matcher "${matcher.match}" accepts`;
  }
}

/** The media type and its parameters, lower-cased: `application/json; charset=utf-8`. */
function mediaType(value: string): { type: string; params: Map<string, string> } {
  const [type = '', ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  return { type, params: new Map(params.map((p) => p.split('=', 2) as [string, string])) };
}

/** Each expected header present with the pact's value (Content-Type: its media type and any parameters it names). */
export function matchHeaders(
  expected: Readonly<Record<string, readonly string[]>> | undefined,
  actual: Headers,
  rules: MatchingRules | undefined,
): Mismatches {
  const out: Mismatches = [];
  for (const [name, values] of Object.entries(expected ?? {})) {
    const want = values.join(', ');
    const got = actual.get(name);
    if (got === null) {
      out.push(`header ${name}: expected "${want}", got none`);
      continue;
    }
    const matchers = rules?.[name]?.matchers;
    if (matchers) {
      for (const matcher of matchers) {
        const failure = applyMatcher(matcher, want, got);
        if (failure) out.push(`header ${name}: expected ${failure}, got "${got}"`);
      }
      continue;
    }
    if (name.toLowerCase() === 'content-type') {
      const w = mediaType(want);
      const g = mediaType(got);
      const paramsAgree = [...w.params].every(([key, value]) => g.params.get(key) === value);
      if (w.type !== g.type || !paramsAgree) out.push(`header ${name}: expected "${want}", got "${got}"`);
      continue;
    }
    if (got !== want) out.push(`header ${name}: expected "${want}", got "${got}"`);
  }
  return out;
}
