import { invalidParameter, TwilioError } from './errors';

/** Every stored record carries an insertion sequence; pages are cut by it so deletions never shift them. */
export interface Sequenced {
  readonly seq: number;
}

export interface PageRequest {
  readonly pageSize: number;
  readonly page: number;
  readonly cursor?: { readonly direction: 'after' | 'before'; readonly seq: number };
}

export interface PageMeta {
  page: number;
  page_size: number;
  first_page_url: string;
  previous_page_url: string | null;
  url: string;
  next_page_url: string | null;
  key: string;
}

export interface PageOptions<T> {
  /** Absolute origin and path of the list, e.g. `http://127.0.0.1:4010` and `/v1/FlexFlows`. */
  readonly origin: string;
  readonly path: string;
  readonly key: string;
  /** Filters echoed into every page URL, in the order they were given. */
  readonly filters: ReadonlyArray<readonly [string, string]>;
  readonly render: (item: T) => unknown;
}

const invalidPageToken = () =>
  new TwilioError(
    400,
    21481,
    'Invalid PageToken. If you are paging, be sure you are requesting the provided paging urls',
  );

export function readPageRequest(
  query: URLSearchParams,
  limits = { defaultSize: 50, maxSize: 1000 },
): PageRequest {
  const pageSize = readInteger(query, 'PageSize', limits.defaultSize, 1, limits.maxSize);
  const page = readInteger(query, 'Page', 0, 0, Number.MAX_SAFE_INTEGER);
  const token = query.get('PageToken');
  if (token === null || token === '') return { pageSize, page };
  return { pageSize, page, cursor: decodeToken(token) };
}

function readInteger(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw invalidParameter(name, 'must be an integer');
  const n = Number(value);
  if (n < min || n > max) throw invalidParameter(name, `must be between ${min} and ${max}`);
  return n;
}

function encodeToken(direction: 'after' | 'before', seq: number): string {
  const prefix = direction === 'after' ? 'PT' : 'PB';
  return prefix + Buffer.from(JSON.stringify({ s: seq })).toString('base64url');
}

function decodeToken(token: string): { direction: 'after' | 'before'; seq: number } {
  const direction = token.startsWith('PT') ? 'after' : token.startsWith('PB') ? 'before' : undefined;
  if (!direction) throw invalidPageToken();
  try {
    const parsed = JSON.parse(Buffer.from(token.slice(2), 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof parsed.s !== 'number' || !Number.isInteger(parsed.s)) throw invalidPageToken();
    return { direction, seq: parsed.s };
  } catch {
    throw invalidPageToken();
  }
}

/** One page of `items` (already filtered, ascending by seq) with Twilio's `meta` block. */
export function pageOf<T extends Sequenced>(
  items: readonly T[],
  request: PageRequest,
  options: PageOptions<T>,
): Record<string, unknown> {
  const { pageSize, page, cursor } = request;
  let start = 0;
  if (cursor?.direction === 'after') {
    start = items.findIndex((item) => item.seq > cursor.seq);
    if (start < 0) start = items.length;
  } else if (cursor?.direction === 'before') {
    let end = items.findIndex((item) => item.seq >= cursor.seq);
    if (end < 0) end = items.length;
    start = Math.max(0, end - pageSize);
  }
  const slice = items.slice(start, start + pageSize);
  const hasNext = start + pageSize < items.length;
  const hasPrevious = start > 0;

  const pageUrl = (pageIndex: number, token?: string) => {
    const search = new URLSearchParams();
    for (const [name, value] of options.filters) search.append(name, value);
    search.set('PageSize', String(pageSize));
    search.set('Page', String(pageIndex));
    if (token) search.set('PageToken', token);
    return `${options.origin}${options.path}?${search.toString()}`;
  };

  const last = slice.at(-1);
  const first = slice[0];
  const meta: PageMeta = {
    page,
    page_size: pageSize,
    first_page_url: pageUrl(0),
    previous_page_url:
      hasPrevious && first ? pageUrl(Math.max(0, page - 1), encodeToken('before', first.seq)) : null,
    url: pageUrl(page, cursor ? encodeToken(cursor.direction, cursor.seq) : undefined),
    next_page_url: hasNext && last ? pageUrl(page + 1, encodeToken('after', last.seq)) : null,
    key: options.key,
  };
  return { meta, [options.key]: slice.map(options.render) };
}
