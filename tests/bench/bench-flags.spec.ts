import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { type CliResult, finished } from '../cli/cli-fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A bench command (`bench/<script>`) with these flags, as `npm run` starts it. */
function bench(script: string, args: readonly string[]): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return finished(child);
}

/** Refused as the CLI refuses its flags: exit code 2, one line on stderr, nothing measured. */
function expectRefused(result: CliResult, line: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(line);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stdout).toBe('');
}

test.describe('a bench command refuses bad flags before it measures anything', () => {
  const cases: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
    ['main.ts', ['--bogus'], /^bench: unknown option --bogus$/m],
    ['main.ts', ['--workers', 'two'], /^bench: --workers must be an integer \(got "two"\)$/m],
    ['main.ts', ['--full-runs', '0'], /^bench: --full-runs must be between 1 and 20 \(got 0\)$/m],
    ['main.ts', ['--full-runs'], /^bench: --full-runs needs a value$/m],
    [
      'main.ts',
      ['--skip-full-run', '--workers', '2'],
      /^bench: --workers applies to the full run, which --skip-full-run leaves out$/m,
    ],
    [
      'main.ts',
      ['--json', '/nonexistent-folder/figures.json'],
      /^bench: --json: no folder \/nonexistent-folder/m,
    ],
    ['staging-run.ts', ['--runs', 'many'], /^bench:staging: --runs must be an integer \(got "many"\)$/m],
    ['staging-run.ts', ['--voice'], /^bench:staging: unknown option --voice$/m],
    [
      'runs-scaling.ts',
      ['--area', 'flexflow'],
      /^bench:runs: --area: no area "flexflow" \(areas: flex-flow,/m,
    ],
    [
      'runs-scaling.ts',
      ['--low', '100', '--high', '20'],
      /^bench:runs: --high \(20\) must be more than --low \(100\)$/m,
    ],
  ];
  for (const [script, args, line] of cases) {
    test(`${script} ${args.join(' ')}`, async () => {
      expectRefused(await bench(script, args), line);
    });
  }
});
