import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors';

const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
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
    makeDirectory(dir);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(
      `${flag} ${dir}: cannot create or write this directory (${reasons[code] ?? (code || 'unknown error')})`,
    );
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir loops forever where a parent exists but
 * refuses children (`/proc/nope`); a plain mkdir fails with the reason.
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const path of missing) mkdirSync(path);
}
