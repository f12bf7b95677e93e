import type { CheckResult, ExchangeEvidence } from './model';

/** What a replay command needs to know about the run. */
export interface ReplayContext {
  readonly targetKind: string;
  readonly targetArg: string;
  readonly faults: readonly string[];
  readonly seed: number;
}

/**
 * One line that reruns just this check against the same target with the same seed (and, on the
 * mock, the same deliberate faults), so a failure and its fast-check counterexample come back.
 */
export function replayCommand(testTitle: string, context: ReplayContext): string {
  const parts = ['npx flex-conformance run', '--grep', shellQuote(escapeRegExp(testTitle))];
  if (context.targetKind !== 'mock') parts.push('--target', shellQuote(context.targetArg));
  for (const fault of context.faults) parts.push('--fault', fault);
  parts.push('--seed', String(context.seed));
  return parts.join(' ');
}

/**
 * The exchange a check failed on: the one its failing assertion was about (`exchanges.failedOn`),
 * or, in a report that does not record it, the heuristic below.
 */
export function failedExchangeOf(check: Pick<CheckResult, 'exchanges'>): ExchangeEvidence | undefined {
  const kept = check.exchanges?.kept ?? [];
  const index = check.exchanges?.failedOn;
  return index !== undefined ? kept[index] : failingExchange(kept);
}

/**
 * The request a failed check most likely failed on: its last request, not counting the DELETEs
 * its cleanup sent afterwards for resources the check created (a DELETE the check itself sent is
 * followed by the cleanup's DELETE of the same URL, so it is kept).
 */
export function failingExchange(kept: readonly ExchangeEvidence[]): ExchangeEvidence | undefined {
  let end = kept.length;
  while (end > 1 && isCleanup(kept, end - 1)) end--;
  return kept[end - 1];
}

function isCleanup(kept: readonly ExchangeEvidence[], index: number): boolean {
  const exchange = kept[index];
  if (exchange?.method !== 'DELETE') return false;
  const path = pathOf(exchange.url);
  const createdHere = kept
    .slice(0, index)
    .some(
      (earlier) =>
        earlier.method === 'POST' && earlier.status < 300 && path.startsWith(`${pathOf(earlier.url)}/`),
    );
  const deletedAgainLater = kept
    .slice(index + 1)
    .some((later) => later.method === 'DELETE' && pathOf(later.url) === path);
  return createdHere && !deletedAgainLater;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The port `flex-conformance mock` listens on by default: a curl for a mock run is aimed there. */
export const defaultMockOrigin = 'http://127.0.0.1:4010';

/**
 * A `curl` command that re-sends a recorded request. Credentials come from the environment
 * (never the secret itself); the X-Forwarded-Host header names the Twilio domain so one origin
 * serving every domain can route it. A mock run's ephemeral origin is replaced by the default
 * origin of `flex-conformance mock`.
 */
export function curlCommand(exchange: ExchangeEvidence, targetKind: string): string {
  const url = targetKind === 'mock' ? withOrigin(exchange.url, defaultMockOrigin) : exchange.url;
  const parts = ['curl', '-sS', '-X', exchange.method, shellQuote(url)];
  const headers = lowerCaseKeys(exchange.requestHeaders);
  if (headers.authorization !== undefined) parts.push('-u', '"$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN"');
  const forwardedHost = headers['x-forwarded-host'];
  if (forwardedHost) parts.push('-H', shellQuote(`X-Forwarded-Host: ${forwardedHost}`));
  if (exchange.requestBody !== undefined && exchange.requestBody !== '') {
    const contentType = headers['content-type'] ?? 'application/x-www-form-urlencoded';
    parts.push(
      '-H',
      shellQuote(`Content-Type: ${contentType}`),
      '--data-raw',
      shellQuote(exchange.requestBody),
    );
  }
  return parts.join(' ');
}

function withOrigin(url: string, origin: string): string {
  try {
    const parsed = new URL(url);
    return origin + parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

/** POSIX shell single quoting: the text is taken literally. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
