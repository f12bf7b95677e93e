import Ajv, { type ValidateFunction } from 'ajv';
import type { Domain } from '../../../contracts/domains';
import { describedOperation, specOf } from '../../twilio-target/support/openapi';

/**
 * The response schemas of Twilio's OpenAPI descriptions (contracts/sources/reference/twilio-oai,
 * MIT), made strict as Twilio answers: every property an object lists is present (null when
 * empty), no property it does not list, `nullable` as JSON Schema's `null` type.
 */

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export const describedDomains: readonly Domain[] = [
  'flex-api',
  'studio',
  'taskrouter',
  'conversations',
  'proxy',
  'api',
  'chat',
];

/** OpenAPI 3.0 to strict JSON Schema: `$ref` inlined, `nullable` as a null type, objects closed. */
export function strictSchema(schema: Schema, components: Record<string, Schema> = {}): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = components[ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unresolved ${ref}`);
    return strictSchema({ ...target, ...withoutRef(schema) }, components);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'format' || key.startsWith('x-') || key === 'description') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Schema>).map(([name, property]) => [
          name,
          strictSchema(property, components),
        ]),
      );
    } else if (key === 'items' && value && typeof value === 'object') {
      out.items = strictSchema(value as Schema, components);
    } else out[key] = value;
  }
  if (out.properties) {
    out.required = Object.keys(out.properties as Schema);
    out.additionalProperties = false;
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

function withoutRef(schema: Schema): Schema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

export interface DescribedResponses {
  /** `GET /v1/Interactions/{InteractionSid}/Channels`. */
  readonly operation: string;
  /** The status codes the operation declares, with the JSON schema of each (undefined: no body). */
  readonly statuses: ReadonlyMap<number, Schema | undefined>;
}

/** What Twilio declares `method` on `path` answers, or undefined when it describes no such operation. */
export function describedResponses(
  domain: Domain,
  method: string,
  path: string,
): DescribedResponses | undefined {
  const template = describedOperation(domain, method, path)?.template;
  const spec = specOf(domain);
  if (!template || !spec) return undefined;
  const operation = spec.paths[template]?.[method.toLowerCase()] as Operation;
  const components = (spec as { components?: { schemas?: Record<string, Schema> } }).components?.schemas;
  const statuses = new Map<number, Schema | undefined>();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const schema = response.content?.['application/json']?.schema;
    statuses.set(Number(status), schema && strictSchema(schema, components));
  }
  return { operation: `${method.toUpperCase()} ${template}`, statuses };
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

export interface Exchange {
  readonly domain: Domain;
  readonly method: string;
  /** Path with query string. */
  readonly path: string;
  readonly status: number;
  readonly body: string;
}

/**
 * What is wrong with a successful answer, held against its operation's description: an operation
 * Twilio does not describe, an undeclared status, or the body's schema violations. Empty: none.
 */
export function responseViolations(exchange: Exchange): string[] {
  const pathname = new URL(exchange.path, 'https://example.invalid').pathname;
  const described = describedResponses(exchange.domain, exchange.method, pathname);
  const where = `${exchange.domain} ${exchange.method} ${pathname}`;
  if (!described) return [`${where}: no such operation`];
  if (!described.statuses.has(exchange.status))
    return [`${described.operation}: status ${exchange.status} is not declared`];
  const schema = described.statuses.get(exchange.status);
  if (!schema)
    return exchange.body.trim() === '' ? [] : [`${described.operation}: a body where none is declared`];
  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return [`${described.operation}: the body is not JSON`];
  }
  const key = `${exchange.domain} ${described.operation} ${exchange.status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const detail = extra ? `${error.message}: ${extra}` : error.message;
    return `${described.operation} ${exchange.status}: ${error.instancePath || '(body)'} ${detail}`;
  });
}
