import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { RunFacts } from './build';

/** Name and version from package.json, and the git commit the suite ran from (null outside a checkout). */
export function suiteFacts(): RunFacts['suite'] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  let commit: string | null = null;
  // installed as a package, the suite is no checkout: git would name the commit of the project around it
  if (!existsSync(new URL('../.git', import.meta.url)))
    return { name: pkg.name, version: pkg.version, commit };
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    commit = null;
  }
  return { name: pkg.name, version: pkg.version, commit };
}
