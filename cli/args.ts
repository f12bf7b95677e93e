import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, with its errors turned into one-line usage errors. */
export function parseFlags<T extends Options>(
  command: string,
  argv: readonly string[],
  options: T,
  positionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: positionals });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'invalid arguments';
    throw new UsageError(`${command}: ${message.replace(/\. To specify a positional argument.*$/, '')}`);
  }
}
