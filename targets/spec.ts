import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Domain, domains } from '../contracts/domains';
import { ConfigError } from './types';

/** A parsed `--target` value. */
export type TargetSpec =
  | { readonly kind: 'mock' }
  | {
      readonly kind: 'url';
      readonly label: string;
      readonly bases: Readonly<Partial<Record<Domain, string>>>;
    }
  | { readonly kind: 'twilio' }
  | { readonly kind: 'replay'; readonly dir: string };

/**
 * `mock` | `http(s)://host:port` (one origin serving every domain) | `path/to/domains.json`
 * (a base URL per domain) | `twilio` | `replay:DIR`.
 */
export function parseTargetSpec(value: string): TargetSpec {
  if (value === '' || value === 'mock') return { kind: 'mock' };
  if (value === 'twilio') return { kind: 'twilio' };
  if (value.startsWith('replay:')) {
    const dir = value.slice('replay:'.length);
    if (!dir) throw new ConfigError('--target replay:DIR needs a cassette directory');
    // absolute: Playwright's processes do not start in the caller's directory
    return { kind: 'replay', dir: resolve(dir) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const base = parseBaseUrl(value, '--target');
    return { kind: 'url', label: base, bases: Object.fromEntries(domains.map((d) => [d, base])) };
  }
  if (value.endsWith('.json')) return readDomainMap(value);
  throw new ConfigError(
    `--target must be mock, twilio, replay:DIR, an http(s) URL or a domains .json file (got "${value}")`,
  );
}

function parseBaseUrl(value: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${where}: "${value}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${where}: "${value}" must use http or https`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${where}: "${value}" must be a base URL without query, fragment or credentials`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readDomainMap(file: string): TargetSpec {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not readable JSON';
    throw new ConfigError(`--target ${file}: ${reason}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`--target ${file}: must be a JSON object mapping domains to base URLs`);
  }
  const bases: Partial<Record<Domain, string>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(domains as readonly string[]).includes(key)) {
      throw new ConfigError(`--target ${file}: unknown domain "${key}" (expected ${domains.join(', ')})`);
    }
    if (typeof value !== 'string') throw new ConfigError(`--target ${file}: "${key}" must be a URL string`);
    bases[key as Domain] = parseBaseUrl(value, `--target ${file} "${key}"`);
  }
  if (Object.keys(bases).length === 0) throw new ConfigError(`--target ${file}: maps no domain`);
  return { kind: 'url', label: file, bases };
}
