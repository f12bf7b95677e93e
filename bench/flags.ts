import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exitCodes, UsageError } from '../cli/errors';

/**
 * A bench command's flags, read before anything is measured, as the CLI reads its own (cli/args.ts):
 * a mistake (an unknown flag, a missing value, a number out of range, a JSON file that could not be
 * written) is one line on stderr and exit code 2, never a stack trace, a flag ignored, or figures
 * lost after minutes of measuring.
 */
export function benchFlags<T>(command: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const line = error.message.startsWith(`${command}: `) ? error.message : `${command}: ${error.message}`;
    process.stderr.write(`${line}\n`);
    process.exit(exitCodes.usage);
  }
}

/** `--json FILE` names a file in a folder that exists: the figures are written there at the end. */
export function jsonFileFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const file = resolve(value);
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`--json: no folder ${folder} to write ${value} in`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--json: ${value} is a folder`);
  return file;
}
