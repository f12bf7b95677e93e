import type { IncomingHttpHeaders } from 'node:http';
import type { Domain } from '../../contracts/domains';
import type { RuleId } from '../../contracts/rules';
import type { BehaviourOverride } from '../behaviour';
import type { MockContext } from '../context';
import type { MockResponse } from '../core/router';

/** A request as it arrives on the wire, before it is routed, authenticated and parsed. */
export interface WireRequest {
  readonly method: string;
  /** The Twilio domain the request names (forwarded host, Host header) or, failing that, the path's. */
  readonly domain: Domain | undefined;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The raw (form-encoded) body text; empty for GET and DELETE. */
  readonly body: string;
}

/** A route the request matched, as `domain`, `method` and the route's `pattern` (`/v1/FlexFlows/:Sid`). */
export interface MatchedRoute {
  readonly domain: Domain;
  readonly method: string;
  readonly pattern: string;
}

/**
 * A fault that rewrites what crosses the wire: the request before the emulator sees it, or the
 * response after the emulator answered (errors included). The reference emulator never sees it.
 */
export interface WireTransform {
  request?(request: WireRequest, ctx: MockContext): WireRequest;
  response?(
    response: MockResponse,
    request: WireRequest,
    route: MatchedRoute | undefined,
    ctx: MockContext,
  ): MockResponse | Promise<MockResponse>;
}

/**
 * A deliberate implementation bug the mock can be started with (`--fault NAME`): a realistic
 * mistake another implementation could make. `trips` lists the rules whose checks must fail
 * against it; the self-test holds the suite to that. It is made of a behaviour override (the
 * values and named seams the domain code reads: defaults, bounds, page sizes, comparators), a
 * wire transform, or both.
 */
export interface FaultSpec {
  readonly name: string;
  readonly description: string;
  readonly trips: readonly RuleId[];
  readonly behaviour?: BehaviourOverride;
  readonly wire?: WireTransform;
}

/** A response transform limited to one route (`onRoute('flex-api', 'POST', '/v1/FlexFlows', …)`). */
export function onRoute(
  domain: Domain,
  method: string,
  pattern: string,
  transform: NonNullable<WireTransform['response']>,
): WireTransform {
  return {
    response: (response, request, route, ctx) =>
      route?.domain === domain && route.method === method && route.pattern === pattern
        ? transform(response, request, route, ctx)
        : response,
  };
}

/** A JSON response body as a mutable copy, or undefined when the response has none. */
export function jsonBodyOf(response: MockResponse): Record<string, unknown> | undefined {
  const body = response.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? { ...(body as Record<string, unknown>) }
    : undefined;
}

/** Whether a request is a form post to one of `paths` of `domain` (each a path or a pattern of one). */
export function postsTo(domain: Domain, paths: readonly (string | RegExp)[]) {
  return (request: WireRequest) =>
    request.method === 'POST' &&
    request.domain === domain &&
    paths.some((path) => (typeof path === 'string' ? path === request.path : path.test(request.path)));
}

/** A request transform: `rewrite` changes the parameters of the form posts `matches` picks before the emulator reads them. */
export function rewritingForm(
  matches: (request: WireRequest) => boolean,
  rewrite: (form: URLSearchParams) => void,
): WireTransform {
  return {
    request: (request) => {
      if (!matches(request)) return request;
      const form = new URLSearchParams(request.body);
      rewrite(form);
      return { ...request, body: form.toString() };
    },
  };
}

/** A request transform that supplies `name` as `value` where a form post `matches` picks leaves it out. */
export function defaultingParameter(
  matches: (request: WireRequest) => boolean,
  name: string,
  value: string,
): WireTransform {
  return rewritingForm(matches, (form) => {
    if (!form.has(name)) form.append(name, value);
  });
}
