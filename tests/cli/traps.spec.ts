/**
 * Ways to call the CLI that used to hang, destroy earlier results or end in a stack trace. Each
 * ends with one line and its documented exit code: 2 for a usage error, 0 for a reader that
 * stopped reading (`… | head`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cleanEnv, expect, expectUsageError, finished, runCli, test } from './cli-fixtures';

/** Longer than the CLI needs to load and refuse, far shorter than the test's time limit. */
const hangsAfterMs = 60_000;

test.describe('--out is checked before the run starts', () => {
  test('a directory that cannot be created (/proc/nope) is refused at once, not waited on forever', async () => {
    const result = await runCli(['run', '--out', '/proc/nope'], cleanEnv(), hangsAfterMs);
    expectUsageError(result, /^flex-conformance: --out \/proc\/nope: cannot create or write this directory/);
  });

  test('a file in the way is refused', async ({ outDir }) => {
    writeFileSync(join(outDir, 'file'), '');
    const result = await runCli(['run', '--out', join(outDir, 'file', 'reports')], cleanEnv(), hangsAfterMs);
    expectUsageError(result, /--out .*: cannot create or write this directory \(a file is in the way\)/);
  });

  test('selftest refuses it before running anything', async () => {
    const result = await runCli(['selftest', '--out', '/proc/nope'], cleanEnv(), hangsAfterMs);
    expectUsageError(result, /--out \/proc\/nope: cannot create or write this directory/);
  });
});

test.describe('every argument is checked before the previous reports are touched', () => {
  const previous = ['conformance.json', 'index.html', 'junit.xml', 'summary.md', 'manifest.json'];
  const mistakes: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
    ['an invalid --grep pattern', ['--grep', '('], /--grep "\(" is neither/],
    ['a negative --runs', ['--runs', '-3'], /--runs must be between/],
    ['a --seed that is no integer', ['--seed', 'x'], /--seed must be an integer/],
    ['an unknown --fault', ['--fault', 'no-such-fault'], /unknown fault/],
    ['a missing --expected-failures file', ['--expected-failures', '/nonexistent.json'], /no such file/],
    ['a --shard past its total', ['--shard', '4/3'], /--shard must be/],
    ['no --workers', ['--workers', '0'], /--workers must be/],
    ['a --target of another scheme', ['--target', 'ftp://127.0.0.1:21'], /http or https/],
  ];
  for (const [mistake, args, message] of mistakes) {
    test(`${mistake}: exit 2, the previous reports left as they were`, async ({ outDir }) => {
      const dir = join(outDir, 'reports');
      mkdirSync(dir);
      for (const file of previous) writeFileSync(join(dir, file), `previous ${file}`);
      const result = await runCli(['run', ...args, '--out', dir], cleanEnv(), hangsAfterMs);
      expectUsageError(result, message);
      for (const file of previous) expect(readFileSync(join(dir, file), 'utf8')).toBe(`previous ${file}`);
    });
  }
});

test.describe('a reader that stops early ends the output quietly (exit 0, nothing on stderr)', () => {
  /** `flex-conformance ARGS | head -c 20` in bash with pipefail: the exit code is the CLI's. */
  async function pipedToHead(args: readonly string[]) {
    const command = `set -o pipefail; "${process.execPath}" "${bin}" ${args.join(' ')} | head -c 20 > /dev/null`;
    const { code, stderr } = await finished(spawn('bash', ['-c', command], { env: cleanEnv() }));
    return { code, stderr };
  }

  for (const args of [['rules'], ['rules', '--json'], ['mock', '--list-faults']]) {
    test(`${args.join(' ')} | head`, async () => {
      expect(await pipedToHead(args)).toEqual({ code: 0, stderr: '' });
    });
  }
});

test.describe('numbers, negative ones included, are checked for what they mean', () => {
  test('--runs -3 is out of range, not an ambiguous argument', async () => {
    expectUsageError(
      await runCli(['run', '--runs', '-3']),
      /^flex-conformance: --runs must be between 1 and 100000 \(got -3\)\n$/,
    );
  });

  test('--seed -5 is a seed (the run goes on to the next mistake)', async () => {
    expectUsageError(await runCli(['run', '--seed', '-5', '--grep', '(']), /--grep "\(" is neither/);
  });

  test('mock --port -1 is out of range', async () => {
    expectUsageError(await runCli(['mock', '--port', '-1']), /--port must be between 0 and 65535 \(got -1\)/);
  });

  test('selftest --runs -3 is out of range', async () => {
    expectUsageError(await runCli(['selftest', '--runs', '-3']), /--runs must be between 1 and 100000/);
  });

  test('cleanup --older-than -2h is no duration', async () => {
    expectUsageError(
      await runCli(['cleanup', '--target', 'twilio', '--older-than', '-2h']),
      /--older-than must be a duration/,
    );
  });
});

test.describe('flags given wrongly', () => {
  test('a flag without its value', async () => {
    expectUsageError(await runCli(['run', '--runs']), /^flex-conformance: run: --runs needs a value\n$/);
  });

  test('a flag followed by another flag instead of its value', async () => {
    expectUsageError(await runCli(['run', '--out', '--grep', 'wire']), /run: --out needs a value/);
  });

  test('an empty --out (it would mean the current directory)', async () => {
    expectUsageError(await runCli(['run', '--out', '']), /run: --out needs a value/);
  });

  test('a single-valued flag given twice', async () => {
    expectUsageError(await runCli(['run', '--runs', '5', '--runs', '7']), /run: --runs is given twice/);
  });

  test('a value given to a switch', async () => {
    expectUsageError(await runCli(['rules', '--json=yes']), /rules: --json takes no value/);
  });

  test('an argument a command does not take', async () => {
    expectUsageError(await runCli(['rules', 'wire']), /rules: unexpected argument "wire"/);
  });
});

test('--version prints the version of package.json', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const result = await runCli(['--version']);
  expect({ code: result.code, stdout: result.stdout }).toEqual({
    code: 0,
    stdout: `flex-conformance ${version}\n`,
  });
});
