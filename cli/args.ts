import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;
type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/**
 * node:util parseArgs in strict mode, every mistake a one-line usage error: an unknown flag, a flag
 * without its value (or with an empty one), a value given to a switch, a single-valued flag given
 * twice, an unexpected argument. A value may start with one dash (`--seed -5`; `--runs -3` is then
 * refused for its range, not for its dash); one starting with two is taken for a forgotten value.
 */
export function parseFlags<T extends Options>(
  command: string,
  argv: readonly string[],
  options: T,
  positionals = false,
) {
  const args = withDashValuesAttached(argv, options);
  let parsed: ReturnType<typeof parseWith<T>>;
  try {
    parsed = parseWith(args, options, positionals);
  } catch (error) {
    throw new UsageError(`${command}: ${describeParseError(error as Error)}`);
  }
  checkOptionTokens(command, parsed.tokens, options);
  return parsed;
}

function parseWith<T extends Options>(args: string[], options: T, positionals: boolean) {
  return parseArgs({ args, options, strict: true, allowPositionals: positionals, tokens: true });
}

/** `--runs -3` as `--runs=-3`: parseArgs would call the value ambiguous and stop there. */
function withDashValuesAttached(argv: readonly string[], options: Options): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-[^-]/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  return args;
}

function describeParseError(error: Error): string {
  const message = error.message;
  const flag = /^Option '(-[^ ']+)/.exec(message)?.[1];
  if (flag && /argument missing|argument is ambiguous/.test(message)) return `${flag} needs a value`;
  if (flag && /does not take an argument/.test(message)) return `${flag} takes no value`;
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown) return `unknown option ${unknown}`;
  const unexpected = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
  if (unexpected !== undefined) return `unexpected argument "${unexpected}"`;
  return message.split('\n')[0] ?? 'invalid arguments';
}

/** What parseArgs lets through: an empty value (`--out ''` would mean the current directory), a repeated flag. */
function checkOptionTokens(command: string, tokens: readonly Token[], options: Options): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (option?.type !== 'string') continue;
    if (token.value === '' || token.value === undefined)
      throw new UsageError(`${command}: ${token.rawName} needs a value`);
    if (!option.multiple && seen.has(token.name))
      throw new UsageError(`${command}: ${token.rawName} is given twice`);
    seen.add(token.name);
  }
}

/** An integer flag within [min, max]; `fallback` when not given. */
export function readInteger(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} must be an integer (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max} (got ${n})`);
  return n;
}
