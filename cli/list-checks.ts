import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSettingsVariable } from '../targets/run-settings';
import { ListingCache } from './listing-cache';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A conformance check as Playwright lists it, before anything runs. */
export interface ListedCheck {
  /** Where the check is declared (a helper's file for a check a helper declares for its spec file). */
  readonly file: string;
  /** The spec file holding the check (root-relative). */
  readonly specFile: string;
  readonly line: number;
  /** The spec file, the describe blocks and the test title, joined by ` › ` (as the report names checks). */
  readonly title: string;
  readonly rules: readonly string[];
}

interface JsonSpec {
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly tests: ReadonlyArray<{
    readonly annotations?: ReadonlyArray<{ type: string; description?: string }>;
  }>;
}
interface JsonSuite {
  readonly title: string;
  readonly file: string;
  readonly specs?: readonly JsonSpec[];
  readonly suites?: readonly JsonSuite[];
}
interface JsonList {
  readonly suites?: readonly JsonSuite[];
  readonly errors?: ReadonlyArray<{ readonly message?: string }>;
}

const listings = new ListingCache(root);

/**
 * The checks of the `conformance` project that Playwright would run with these filters
 * (`--grep`, `--shard`, `--test-list`), from `playwright test --list` (kept for the next run while
 * the suite's sources stay the same): no target is opened.
 */
export async function listChecks(filters: readonly string[]): Promise<ListedCheck[]> {
  const kept = listings.read<ListedCheck[]>(filters);
  if (kept) return kept;
  const checks = await listWithPlaywright(filters);
  listings.write(filters, checks);
  return checks;
}

async function listWithPlaywright(filters: readonly string[]): Promise<ListedCheck[]> {
  const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [
    playwrightCli,
    'test',
    '-c',
    join(root, 'playwright.config.ts'),
    '--project',
    'conformance',
    '--list',
    '--reporter=json',
    '--pass-with-no-tests',
    ...filters,
  ];
  const env = { ...process.env };
  delete env[runSettingsVariable];
  delete env.PLAYWRIGHT_JSON_OUTPUT_NAME;
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ stdout: out, stderr: err }));
  });
  let list: JsonList;
  try {
    list = JSON.parse(stdout) as JsonList;
  } catch {
    throw new Error(`listing the checks failed: ${firstLine(stderr || stdout)}`);
  }
  const [error] = list.errors ?? [];
  if (error) throw new Error(`listing the checks failed: ${firstLine(error.message ?? '')}`);
  return (list.suites ?? []).flatMap((file) => checksOf(file, [], file.file));
}

function checksOf(suite: JsonSuite, titles: readonly string[], specFile: string): ListedCheck[] {
  const path = [...titles, suite.title];
  return [
    ...(suite.specs ?? []).map((spec) => ({
      file: spec.file,
      specFile,
      line: spec.line,
      title: [...path, spec.title].join(' › '),
      rules: (spec.tests[0]?.annotations ?? [])
        .filter((annotation) => annotation.type === 'rule')
        .map((annotation) => annotation.description ?? ''),
    })),
    ...(suite.suites ?? []).flatMap((child) => checksOf(child, path, specFile)),
  ];
}

function firstLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  return (
    plain
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'no output'
  );
}
