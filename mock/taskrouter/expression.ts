/**
 * TaskRouter's expression language, as used by TaskQueue `TargetWorkers`, Workflow filter
 * `expression`s and the Tasks list's `EvaluateTaskAttributes`: comparisons (`==`, `=`, `!=`, `>`,
 * `>=`, `<`, `<=`), `IN`, `NOT IN`, `HAS`, `CONTAINS`, `AND`/`&&`, `OR`/`||`, parentheses, string,
 * number, boolean and list literals, and dotted attribute paths (`skills.languages`).
 */

export type Expression =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'path'; readonly path: readonly string[] }
  | { readonly kind: 'list'; readonly items: readonly Expression[] }
  | { readonly kind: 'and' | 'or'; readonly left: Expression; readonly right: Expression }
  | {
      readonly kind: 'compare';
      readonly op: Operator;
      readonly left: Expression;
      readonly right: Expression;
    };

type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'has' | 'contains';

/** Resolves an attribute path (`["skills", "languages"]`) to its value, or undefined. */
export type Resolver = (path: readonly string[]) => unknown;

export class ExpressionError extends Error {}

type Token =
  | { readonly type: 'string' | 'number'; readonly value: string | number }
  | { readonly type: 'word'; readonly value: string }
  | { readonly type: 'symbol'; readonly value: string };

const symbols = ['==', '!=', '<>', '>=', '<=', '&&', '||', '=', '>', '<', '(', ')', '[', ']', ','];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) throw new ExpressionError(`unterminated string at ${i}`);
      tokens.push({ type: 'string', value: source.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(source.slice(i));
    if (number && (ch !== '-' || !lastIsOperand(tokens))) {
      tokens.push({ type: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_0-9][A-Za-z0-9_-]*)*/.exec(source.slice(i));
    if (word) {
      tokens.push({ type: 'word', value: word[0] });
      i += word[0].length;
      continue;
    }
    const symbol = symbols.find((candidate) => source.startsWith(candidate, i));
    if (!symbol) throw new ExpressionError(`unexpected character "${ch}" at ${i}`);
    tokens.push({ type: 'symbol', value: symbol });
    i += symbol.length;
  }
  return tokens;
}

function lastIsOperand(tokens: readonly Token[]): boolean {
  const last = tokens.at(-1);
  return last !== undefined && (last.type !== 'symbol' || last.value === ')' || last.value === ']');
}

const comparisonSymbols: Record<string, Operator> = {
  '==': '==',
  '=': '==',
  '!=': '!=',
  '<>': '!=',
  '>': '>',
  '>=': '>=',
  '<': '<',
  '<=': '<=',
};

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Expression {
    if (this.tokens.length === 0) throw new ExpressionError('empty expression');
    const expression = this.or();
    if (this.position < this.tokens.length)
      throw new ExpressionError('unexpected input after the expression');
    return expression;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isKeyword(token: Token | undefined, keyword: string): boolean {
    return token?.type === 'word' && token.value.toLowerCase() === keyword;
  }

  private or(): Expression {
    let left = this.and();
    while (this.isKeyword(this.peek(), 'or') || this.peekSymbol('||')) {
      this.position++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expression {
    let left = this.comparison();
    while (this.isKeyword(this.peek(), 'and') || this.peekSymbol('&&')) {
      this.position++;
      left = { kind: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private peekSymbol(symbol: string): boolean {
    const token = this.peek();
    return token?.type === 'symbol' && token.value === symbol;
  }

  private comparison(): Expression {
    if (this.peekSymbol('(')) {
      this.position++;
      const inner = this.or();
      this.expectSymbol(')');
      return inner;
    }
    const left = this.operand();
    const op = this.operator();
    if (!op) return left;
    return { kind: 'compare', op, left, right: this.operand() };
  }

  private operator(): Operator | undefined {
    const token = this.peek();
    if (!token) return undefined;
    if (token.type === 'symbol' && token.value in comparisonSymbols) {
      this.position++;
      return comparisonSymbols[token.value];
    }
    if (token.type !== 'word') return undefined;
    const word = token.value.toLowerCase();
    if (word === 'in' || word === 'has' || word === 'contains') {
      this.position++;
      return word;
    }
    if (word === 'not' && this.isKeyword(this.tokens[this.position + 1], 'in')) {
      this.position += 2;
      return 'not in';
    }
    return undefined;
  }

  private operand(): Expression {
    const token = this.peek();
    if (!token) throw new ExpressionError('expression ends too early');
    this.position++;
    if (token.type === 'string' || token.type === 'number') return { kind: 'literal', value: token.value };
    if (token.type === 'word') {
      const lower = token.value.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      if (lower === 'null') return { kind: 'literal', value: null };
      return { kind: 'path', path: token.value.split('.') };
    }
    if (token.value === '[') {
      const items: Expression[] = [];
      while (!this.peekSymbol(']')) {
        items.push(this.operand());
        if (!this.peekSymbol(',')) break;
        this.position++;
      }
      this.expectSymbol(']');
      return { kind: 'list', items };
    }
    throw new ExpressionError(`unexpected "${token.value}"`);
  }

  private expectSymbol(symbol: string): void {
    if (!this.peekSymbol(symbol)) throw new ExpressionError(`expected "${symbol}"`);
    this.position++;
  }
}

/** Parses an expression; throws ExpressionError when it is malformed. */
export function parseExpression(source: string): Expression {
  return new Parser(tokenize(source)).parse();
}

/** True when the expression holds for the attributes the resolver reads. */
export function evaluate(expression: Expression, resolve: Resolver): boolean {
  return truthy(valueIn(expression, resolve));
}

function valueIn(expression: Expression, resolve: Resolver): unknown {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'path':
      return resolve(expression.path);
    case 'list':
      return expression.items.map((item) => valueIn(item, resolve));
    case 'and':
      return evaluate(expression.left, resolve) && evaluate(expression.right, resolve);
    case 'or':
      return evaluate(expression.left, resolve) || evaluate(expression.right, resolve);
    case 'compare':
      return compare(expression.op, valueIn(expression.left, resolve), valueIn(expression.right, resolve));
  }
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== '';
}

/** A missing attribute makes every comparison false, `!=` included. */
function compare(op: Operator, left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return false;
  switch (op) {
    case '==':
      return same(left, right);
    case '!=':
      return !same(left, right);
    case '>':
    case '>=':
    case '<':
    case '<=':
      return ordered(op, left, right);
    case 'in':
      return (
        Array.isArray(right) &&
        (Array.isArray(left) ? left : [left]).some((l) => right.some((r) => same(l, r)))
      );
    case 'not in':
      return (
        Array.isArray(right) &&
        !(Array.isArray(left) ? left : [left]).some((l) => right.some((r) => same(l, r)))
      );
    case 'has':
      return Array.isArray(left) && left.some((item) => same(item, right));
    case 'contains':
      if (typeof left === 'string') return left.includes(String(right));
      return (
        Array.isArray(left) && left.some((item) => typeof item === 'string' && item.includes(String(right)))
      );
  }
}

function same(left: unknown, right: unknown): boolean {
  if (typeof left === 'number' || typeof right === 'number') {
    const [l, r] = [Number(left), Number(right)];
    return !Number.isNaN(l) && !Number.isNaN(r) && l === r && left !== '' && right !== '';
  }
  if (typeof left === 'boolean' || typeof right === 'boolean') return String(left) === String(right);
  if (typeof left === 'string' && typeof right === 'string') return left === right;
  return left === right;
}

function ordered(op: '>' | '>=' | '<' | '<=', left: unknown, right: unknown): boolean {
  const numeric = typeof left === 'number' || typeof right === 'number';
  const l = numeric ? Number(left) : String(left);
  const r = numeric ? Number(right) : String(right);
  if (numeric && (Number.isNaN(l) || Number.isNaN(r))) return false;
  if (op === '>') return l > r;
  if (op === '>=') return l >= r;
  if (op === '<') return l < r;
  return l <= r;
}

/** A resolver over a parsed attributes object; `prefix` (e.g. `worker`) may lead a path. */
export function attributeResolver(
  attributes: Record<string, unknown>,
  scopes: Readonly<Record<string, Record<string, unknown>>> = {},
): Resolver {
  return (path) => {
    const [head, ...rest] = path;
    if (head !== undefined && head in scopes && !(head in attributes)) {
      return dig(scopes[head] as Record<string, unknown>, rest);
    }
    return dig(attributes, path);
  };
}

function dig(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
