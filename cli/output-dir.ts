import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { UsageError } from './errors';

const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such directory can be created there',
  EEXIST: 'a file is in the way',
  ENOTDIR: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

/**
 * Makes sure a command can write where `flag` says before it starts anything: creates the directory
 * with its parents, or stops with one line naming the flag and the reason (exit 2) instead of
 * failing, or hanging, once the run is under way.
 */
export function prepareOutputDir(dir: string, flag: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(
      `${flag} ${dir}: cannot write there (${reasons[code] ?? (code || 'unknown error')})`,
    );
  }
}
