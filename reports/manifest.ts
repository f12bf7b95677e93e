import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../contracts/rules';
import type { RuleSpec } from '../contracts/rules/types';
import { canonicalJson, sha256 } from './canonical-json';

/**
 * manifest.json: the SHA-256 of every report file and of the rule catalog, so an auditor can tell
 * that a report was not edited after the run (`flex-conformance report verify DIR` recomputes them).
 */
export interface Manifest {
  readonly manifestVersion: 1;
  readonly algorithm: 'sha256';
  readonly generatedAt: string;
  readonly suite: { readonly name: string; readonly version: string; readonly commit: string | null };
  readonly catalog: { readonly rules: number; readonly sha256: string; readonly canonicalization: string };
  /** File name (relative to the report directory) → hex SHA-256 of its bytes. */
  readonly files: Readonly<Record<string, string>>;
}

export const manifestFile = 'manifest.json';

const canonicalization = 'JSON of the catalog array, object keys sorted, no whitespace, UTF-8';

/** SHA-256 of the canonical JSON of the rule catalog (contracts/rules). */
export function catalogSha256(rules: readonly RuleSpec[] = catalog): string {
  return sha256(canonicalJson(rules));
}

export function buildManifest(
  dir: string,
  files: readonly string[],
  suite: Manifest['suite'],
  rules: readonly RuleSpec[] = catalog,
): Manifest {
  const hashes: Record<string, string> = {};
  for (const file of [...files].sort()) hashes[file] = sha256(readFileSync(join(dir, file)));
  return {
    manifestVersion: 1,
    algorithm: 'sha256',
    generatedAt: new Date().toISOString(),
    suite,
    catalog: { rules: rules.length, sha256: catalogSha256(rules), canonicalization },
    files: hashes,
  };
}

export interface ManifestProblem {
  readonly file: string;
  readonly problem: 'missing' | 'modified';
}

/** The files whose bytes no longer match the manifest (empty when the report is intact). */
export function verifyManifest(dir: string): { manifest: Manifest; problems: ManifestProblem[] } {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as Manifest;
  const problems: ManifestProblem[] = [];
  for (const [file, expected] of Object.entries(manifest.files)) {
    const path = join(dir, file);
    if (!existsSync(path)) problems.push({ file, problem: 'missing' });
    else if (sha256(readFileSync(path)) !== expected) problems.push({ file, problem: 'modified' });
  }
  return { manifest, problems };
}
