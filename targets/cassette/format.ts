import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CallOut, ConfigError, type Prerequisites, type TestIdentity } from '../types';

/**
 * A recorded run: `cassette.json` (what replay needs to repeat the run: seed, run id, property
 * runs, the prerequisites discovered) and one file per test under `tests/`, each a list of nock
 * definitions in the order the test made its requests. Everything is scrubbed before it is written.
 */
export interface CassetteMeta {
  readonly format: 'flex-conformance-cassette';
  readonly version: 1;
  readonly seed: number;
  readonly runs: number;
  readonly runId: string;
  readonly recordedAt: string;
  /** The placeholder the recorded account's SID was replaced by. */
  readonly accountSid: string;
  /** The placeholder `--voice-number` was replaced by, when the run had one. */
  readonly voiceNumber?: string;
  /** The placeholders `--sms-numbers` were replaced by, when the run had them. */
  readonly smsNumbers?: readonly string[];
  readonly prerequisites?: Prerequisites;
  /** The `--grep` values of the recorded run: its replay runs the same checks. */
  readonly grep?: readonly string[];
}

/** One exchange as `nock.define()` reads it (`response` is the body text, sent back verbatim on replay). */
export interface CassetteInterceptor {
  readonly scope: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly status: number;
  readonly response: string;
  readonly rawHeaders: readonly string[];
}

/**
 * A call-out the account sent to one of the test's stubs (through `--public-url`), scrubbed: which
 * stub (1 for the test's first), how many of the test's exchanges had been answered before it, and
 * whether the next one was already on its way (the account called out before answering it).
 */
export interface RecordedCallOut {
  readonly stub: number;
  readonly after: number;
  readonly inFlight: boolean;
  readonly callOut: CallOut;
}

export interface TestCassette {
  readonly test: TestIdentity;
  readonly interceptors: readonly CassetteInterceptor[];
  readonly callOuts?: readonly RecordedCallOut[];
}

/** What a cassette shows for `--public-url` and a stub's key under it: the test's stub number. */
export const publishedStubPlaceholder = (stub: number) => `https://public-url.flexconf.invalid/stub-${stub}`;

const metaFile = (dir: string) => join(dir, 'cassette.json');

/** `tests/<the test's own title>-<test id>.json`: the id keeps it unique, the title lets a person find it. */
export function testCassetteFile(dir: string, test: TestIdentity): string {
  const readable = (test.title.split(' › ').at(-1) ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const id = test.id.replace(/[^A-Za-z0-9_-]/g, '');
  return join(dir, 'tests', `${readable || 'test'}-${id}.json`);
}

export function writeCassetteMeta(dir: string, meta: CassetteMeta): void {
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(metaFile(dir), `${JSON.stringify(meta, null, 2)}\n`);
}

export function readCassetteMeta(dir: string): CassetteMeta {
  if (!existsSync(metaFile(dir)))
    throw new ConfigError(`--target replay:${dir}: no cassette.json (record one with --record DIR)`);
  let meta: CassetteMeta;
  try {
    meta = JSON.parse(readFileSync(metaFile(dir), 'utf8')) as CassetteMeta;
  } catch {
    throw new ConfigError(`--target replay:${dir}: cassette.json is not readable JSON`);
  }
  if (meta.format !== 'flex-conformance-cassette' || meta.version !== 1) {
    throw new ConfigError(
      `--target replay:${dir}: cassette.json is not a flex-conformance cassette (version 1)`,
    );
  }
  return meta;
}

export function writeTestCassette(dir: string, cassette: TestCassette): void {
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(testCassetteFile(dir, cassette.test), `${JSON.stringify(cassette, null, 2)}\n`);
}

export function readTestCassette(dir: string, test: TestIdentity): TestCassette | undefined {
  const file = testCassetteFile(dir, test);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as TestCassette;
}
