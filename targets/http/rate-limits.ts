import type { Domain } from '../../contracts/domains';

export type Operation = 'list' | 'fetch' | 'create' | 'update' | 'delete';

/** An API as rate limits and counters see it: a resource collection of a domain and the operation on it. */
export interface ApiOperation {
  /** `flex-api /v1/FlexFlows` (SIDs in the path become `{Sid}`). */
  readonly api: string;
  readonly operation: Operation;
  /** `flex-api /v1/FlexFlows create`: the key requests are counted and limited under. */
  readonly key: string;
}

const sidSegment = /^[A-Z]{2}[0-9a-fA-F]{32}$/;
/** Collections and actions are PascalCase (`FlexFlows`, `Validate`), versions `v1` or `2010-04-01`; anything else names one resource. */
const collectionSegment = /^([A-Z][A-Za-z]*|v\d+|\d{4}-\d{2}-\d{2})$/;
/** The v2010 API names its resources with a format suffix (`Calls.json`, `Calls/CA….json`). */
const formatSuffix = /\.json$/;
const isIdentifier = (segment: string) => sidSegment.test(segment) || !collectionSegment.test(segment);

/**
 * Names the API and operation of a request: GET/POST/DELETE on a collection or on one of its
 * instances (named by SID or by unique name, as `TaskChannels/default`).
 */
export function apiOperation(method: string, domain: Domain, url: string): ApiOperation {
  const segments = pathnameOf(url)
    .replace(formatSuffix, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (isIdentifier(segment) ? '{Sid}' : segment));
  const instance = segments.at(-1) === '{Sid}';
  const collection = instance ? segments.slice(0, -1) : segments;
  const verb = method.toUpperCase();
  const operation: Operation =
    verb === 'DELETE'
      ? 'delete'
      : verb === 'POST'
        ? instance
          ? 'update'
          : 'create'
        : instance
          ? 'fetch'
          : 'list';
  const api = `${domain} /${collection.join('/')}`;
  return { api, operation, key: `${api} ${operation}` };
}

export type OperationLimits = Readonly<Record<Operation, number>>;

/**
 * Requests per second Twilio documents, per API and operation. Flex Flows: "list 10, fetch 2,
 * create 2, update 1, delete 2" (Flex messaging limits page; twilio-wire-facts §1.1); TaskRouter
 * Task lists: 3 per second (the EvaluateTaskAttributes correction, §2).
 */
export const documentedLimits: Readonly<Record<string, Partial<OperationLimits>>> = {
  'flex-api /v1/FlexFlows': { list: 10, fetch: 2, create: 2, update: 1, delete: 2 },
  'taskrouter /v1/Workspaces/{Sid}/Tasks': { list: 3 },
};

/** Where Twilio documents no limit, a conservative pace: reads 10 per second, writes 5. */
export const undocumentedLimits: OperationLimits = { list: 10, fetch: 10, create: 5, update: 5, delete: 5 };

/** All requests of a run together, whatever the API: a ceiling well under Twilio's account concurrency. */
export const accountLimitPerSecond = 25;

export function limitFor(operation: ApiOperation): number {
  return documentedLimits[operation.api]?.[operation.operation] ?? undocumentedLimits[operation.operation];
}

/**
 * An http(s) URL (origin, path) whose origin holds only characters an authority may, and whose path
 * only characters URL parsing keeps as they are, with no dot segment.
 */
const plainPathUrl =
  /^(https?:\/\/[\w.~!$&'()*+,;=:@[\]%-]*)((?:\/(?!\.\.?(?:[/?#]|$))[\w.~-]*)+)?(?:[?#].*)?$/;
/** Origins that parse as URLs: a run sends to a handful. */
const parsedOrigins = new Set<string>();

/**
 * The URL's path as `new URL(url).pathname` gives it (or its error), parsing only the origin, and
 * that once, when the path is plain (the suite's own requests): this runs for every request sent.
 */
function pathnameOf(url: string): string {
  const plain = plainPathUrl.exec(url);
  if (!plain || !originParses(plain[1] as string)) return new URL(url).pathname;
  return plain[2] ?? '/';
}

function originParses(origin: string): boolean {
  if (parsedOrigins.has(origin)) return true;
  try {
    new URL(origin);
  } catch {
    return false;
  }
  if (parsedOrigins.size < 64) parsedOrigins.add(origin);
  return true;
}
