import type { MockRequest, MockResponse, Route } from '../core/router';

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
