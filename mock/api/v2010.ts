import { notFound } from '../core/errors';
import type { Sequenced } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import type { Table } from '../core/table';

/** The five routes of an api v2010 collection (`…/Name.json`, `…/Name/{Sid}.json`). */
export function collectionRoutes(
  base: string,
  handlers: {
    readonly list: Route['handler'];
    readonly create: Route['handler'];
    readonly fetch: Route['handler'];
    readonly update: Route['handler'];
    readonly remove: Route['handler'];
  },
): Route[] {
  const route = (method: 'GET' | 'POST' | 'DELETE', pattern: string, handler: Route['handler']): Route => ({
    domain: 'api',
    method,
    pattern,
    handler,
  });
  return [
    route('GET', `${base}.json`, handlers.list),
    route('POST', `${base}.json`, handlers.create),
    route('GET', `${base}/:SidJson`, handlers.fetch),
    route('POST', `${base}/:SidJson`, handlers.update),
    route('DELETE', `${base}/:SidJson`, handlers.remove),
  ];
}

/** A v2010 date: RFC 2822 in GMT, `Mon, 01 Jun 2026 00:00:00 +0000`. */
export const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

/** The SID a v2010 instance path names (`CA….json`). */
export const sidOf = (request: MockRequest) => (request.pathParams.SidJson ?? '').replace(/\.json$/, '');

/** One page of a v2010 list, in its paging fields (no `meta`: api v2010 predates it). */
export function v2010Page(
  request: MockRequest,
  uri: string,
  key: string,
  items: readonly unknown[],
): MockResponse {
  const pageSize = Number(request.query.get('PageSize') ?? 50);
  return {
    status: 200,
    body: {
      [key]: items.slice(0, pageSize),
      page: 0,
      page_size: pageSize,
      start: 0,
      end: Math.max(0, Math.min(items.length, pageSize) - 1),
      first_page_uri: `${uri}?PageSize=${pageSize}&Page=0`,
      next_page_uri: null,
      previous_page_uri: null,
      uri: `${uri}?PageSize=${pageSize}&Page=0`,
    },
  };
}

/** The record a v2010 instance path names, or Twilio's 404. */
export function recordOf<T extends Sequenced & { readonly sid: string }>(
  table: Table<T>,
  request: MockRequest,
): T {
  const record = table.get(sidOf(request));
  if (!record) throw notFound(request.path);
  return record;
}

/** The routes of a v2010 collection kept in `table`: fetch and delete by SID, the rest as given. */
export function tableRoutes<T extends Sequenced & { readonly sid: string }>(
  base: string,
  table: Table<T>,
  render: (record: T) => unknown,
  handlers: Pick<Parameters<typeof collectionRoutes>[1], 'list' | 'create' | 'update'>,
): Route[] {
  return collectionRoutes(base, {
    ...handlers,
    fetch: (r) => ({ status: 200, body: render(recordOf(table, r)) }),
    remove: (r) => {
      table.delete(recordOf(table, r).sid);
      return { status: 204 };
    },
  });
}

/** A v2010 date (RFC 2822, as `Tue, 01 Dec 2026 06:38:46 +0000`), null for none. */
export const v2010Date = (ms: number | null) =>
  ms === null ? null : new Date(ms).toUTCString().replace('GMT', '+0000');

/**
 * What a platform does after Twilio answered (a call connecting, a message being delivered): each
 * piece starts on the next turn, and `settled` resolves once all started so far are done.
 */
export class PlatformWork {
  private readonly pending = new Set<Promise<void>>();

  later(work: () => Promise<void>): void {
    const running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
