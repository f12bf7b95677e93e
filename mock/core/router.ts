import type { IncomingHttpHeaders } from 'node:http';
import type { Domain } from '../../contracts/domains';
import type { Params } from './params';

export interface MockRequest {
  readonly method: string;
  readonly domain: Domain;
  /** Path without query, e.g. `/v1/FlexFlows/FO…`. */
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly form: Params;
  /** The origin this request reached, used for self-referencing URLs (`url`, paging `meta`). */
  readonly origin: string;
  readonly headers: IncomingHttpHeaders;
}

export interface MockResponse {
  readonly status: number;
  readonly body?: unknown;
  /** A non-JSON body (TwiML), sent with `contentType`. */
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (request: MockRequest) => MockResponse | Promise<MockResponse>;

export interface Route {
  readonly domain: Domain;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** `/v1/FlexFlows/:Sid`: `:Name` segments become `pathParams.Name`. */
  readonly pattern: string;
  readonly handler: Handler;
  /** Twilio's platform calls webhook routes (Studio's voice webhook) without Basic auth. */
  readonly public?: boolean;
}

interface CompiledRoute extends Route {
  readonly segments: readonly string[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly pathParams: Record<string, string> }
  | { readonly kind: 'method-not-allowed' }
  | { readonly kind: 'not-found' };

export class Router {
  private readonly byDomain = new Map<Domain, CompiledRoute[]>();

  add(routes: readonly Route[]): this {
    for (const route of routes) {
      const list = this.byDomain.get(route.domain) ?? [];
      list.push({ ...route, segments: route.pattern.split('/').filter(Boolean) });
      this.byDomain.set(route.domain, list);
    }
    return this;
  }

  /** Every route of `domain`, in the order they were added. */
  routesOf(domain: Domain): readonly Route[] {
    return this.byDomain.get(domain) ?? [];
  }

  /** The domains that serve some route at `path`, for requests that do not name their domain. */
  domainsServing(path: string): Domain[] {
    const parts = path.split('/').filter(Boolean);
    const found: Domain[] = [];
    for (const [domain, routes] of this.byDomain) {
      if (routes.some((route) => matchSegments(route.segments, parts))) found.push(domain);
    }
    return found;
  }

  match(domain: Domain, method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.byDomain.get(domain) ?? []) {
      const pathParams = matchSegments(route.segments, parts);
      if (!pathParams) continue;
      if (route.method === method) return { kind: 'found', route, pathParams };
      pathMatched = true;
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

function matchSegments(
  pattern: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = parts[i] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(actual);
    else if (expected !== actual) return undefined;
  }
  return params;
}

/** A resource collection's operations, as methods of the object that serves it. */
export interface Collection {
  list: Handler;
  create: Handler;
  fetch: Handler;
  update: Handler;
  remove: Handler;
}

/** The list, create, fetch, update and delete routes of a collection at `path` (and `path/:Sid`). */
export function collectionRoutes(domain: Domain, path: string, resource: Collection): Route[] {
  return [
    { domain, method: 'GET', pattern: path, handler: (r) => resource.list(r) },
    { domain, method: 'POST', pattern: path, handler: (r) => resource.create(r) },
    { domain, method: 'GET', pattern: `${path}/:Sid`, handler: (r) => resource.fetch(r) },
    { domain, method: 'POST', pattern: `${path}/:Sid`, handler: (r) => resource.update(r) },
    { domain, method: 'DELETE', pattern: `${path}/:Sid`, handler: (r) => resource.remove(r) },
  ];
}
