import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Listings of the suite's checks, kept on disk under a key made of everything a listing depends
 * on: the content of every source file Playwright loads to list the checks (the spec files and all
 * they import), the Playwright and Node versions, and the filters, with the content of a test-list
 * file. A listing takes Playwright a runner start-up and a load of every spec file; each `run`
 * narrowed by a filter needs two (the selection and the whole suite).
 */

/** The folders (of the package root) whose files the listing loads; `out` folders are reports. */
const sourceFolders = ['suites', 'contracts', 'generators', 'support', 'targets', 'mock', 'reports'];
const sourceFiles = ['playwright.config.ts', 'package.json'];
const sourceExtensions = /\.(?:[cm]?[jt]s|json)$/;
const keptListings = 200;

export class ListingCache {
  private fingerprint: string | undefined;

  constructor(
    private readonly root: string,
    readonly dir: string = defaultListingCacheDir(),
  ) {}

  read<T>(filters: readonly string[]): T | undefined {
    const file = this.fileFor(filters);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Keeps a listing (written whole, then renamed: concurrent runs never read half of one). */
  write(filters: readonly string[], listing: unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = this.fileFor(filters);
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(listing));
      renameSync(partial, file);
      this.prune();
    } catch {
      // a listing that cannot be kept is listed again next time
    }
  }

  private fileFor(filters: readonly string[]): string {
    const hash = createHash('sha256').update(this.sourcesFingerprint());
    filters.forEach((filter, index) => {
      hash.update(`\0${filter}`);
      if (filters[index - 1] === '--test-list' && existsSync(filter)) hash.update(readFileSync(filter));
    });
    return join(this.dir, `${hash.digest('hex').slice(0, 32)}.json`);
  }

  private sourcesFingerprint(): string {
    if (this.fingerprint) return this.fingerprint;
    const hash = createHash('sha256');
    const playwright = createRequire(import.meta.url)('@playwright/test/package.json') as { version: string };
    // CI forbids test.only: a listing made outside CI might not hold under it
    hash.update(`node ${process.version}\0playwright ${playwright.version}\0ci ${Boolean(process.env.CI)}\0`);
    const files = [
      ...sourceFiles.filter((file) => existsSync(join(this.root, file))),
      ...sourceFolders.flatMap((folder) => filesUnder(this.root, folder)),
    ];
    for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(this.root, file)));
    this.fingerprint = hash.digest('hex');
    return this.fingerprint;
  }

  private prune(): void {
    const listings = readdirSync(this.dir).filter((name) => name.endsWith('.json'));
    if (listings.length <= keptListings) return;
    const byAge = listings
      .map((name) => ({ name, mtime: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => a.mtime - b.mtime);
    for (const { name } of byAge.slice(0, listings.length - keptListings))
      rmSync(join(this.dir, name), { force: true });
  }
}

/** Source files under `folder` (root-relative, sorted), leaving out `out` and `node_modules`. */
function filesUnder(root: string, folder: string): string[] {
  if (!existsSync(join(root, folder))) return [];
  const files: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'out' && entry.name !== 'node_modules') files.push(...filesUnder(root, path));
    } else if (sourceExtensions.test(entry.name)) files.push(path);
  }
  return files.sort();
}

export function defaultListingCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.FLEXCONF_LISTING_CACHE_DIR ?? join(tmpdir(), `flexconf-listings-${process.getuid?.() ?? 'user'}`)
  );
}
