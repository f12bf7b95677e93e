import { type SpawnOptions, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliResult, cleanEnv, finished } from '../cli/cli-fixtures';
import { scratchDir } from '../scratch';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The environment of a user's shell: nothing of the npm script or Playwright run this test is part of. */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = cleanEnv(extra);
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_') || key.startsWith('TEST_')) delete env[key];
  }
  return env;
}

export function finish(command: string, args: readonly string[], options: SpawnOptions): Promise<CliResult> {
  return finished(spawn(command, args, { env: userEnv(), ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** `npm pack` of this checkout (its `prepack` builds dist/) into `dir`; the tarball's path. */
export async function packProject(dir: string): Promise<string> {
  const packed = await finish('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root });
  if (packed.code !== 0) throw new Error(`npm pack exited ${packed.code}: ${packed.stderr}`);
  const [entry] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
  return join(dir, entry!.filename);
}

/**
 * An empty project with the tarball installed as a dev dependency, as a user would install it;
 * from npm's cache (warm after `npm ci`), the registry only for what the cache lacks. Engine
 * checks are strict: a dependency that does not declare this Node fails the install.
 */
export async function installInEmptyProject(tarball: string): Promise<{ dir: string; install: CliResult }> {
  const dir = scratchDir('user-project');
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'user-project', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  const install = (mode: string) =>
    finish('npm', ['install', '--save-dev', mode, '--engine-strict', '--no-audit', '--no-fund', tarball], {
      cwd: dir,
    });
  let result = await install('--offline');
  if (result.code !== 0 && /ENOTCACHED/.test(result.stderr)) result = await install('--prefer-offline');
  return { dir, install: result };
}

/** The installed `flex-conformance` command, as `npx flex-conformance` runs it. */
export function installedCli(project: string): string {
  return join(project, 'node_modules', '.bin', 'flex-conformance');
}
