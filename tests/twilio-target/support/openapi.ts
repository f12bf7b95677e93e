import { readFileSync } from 'node:fs';
import type { Domain } from '../../../contracts/domains';

/**
 * Twilio's OpenAPI descriptions (contracts/sources/reference/twilio-oai, MIT), read to check what
 * a run puts on the wire: that each request is an operation Twilio describes, with the query and
 * form parameters that operation declares.
 */

const specFiles: Partial<Record<Domain, string>> = {
  api: 'twilio_api_v2010_calls_numbers_messages.json',
  'flex-api': 'twilio_flex_v1.json',
  studio: 'twilio_studio_v2.json',
  taskrouter: 'twilio_taskrouter_v1.json',
  conversations: 'twilio_conversations_v1.json',
  proxy: 'twilio_proxy_v1.json',
  chat: 'twilio_chat_v2.json',
};

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}
export interface Spec {
  paths: Record<string, Record<string, Operation | unknown>>;
}

export interface DescribedOperation {
  /** The path template, `/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}`. */
  readonly template: string;
  readonly query: ReadonlySet<string>;
  readonly form: ReadonlySet<string>;
}

const specs = new Map<Domain, Spec>();

/** The parsed description of a domain, or undefined when none is vendored. */
export function specOf(domain: Domain): Spec | undefined {
  const file = specFiles[domain];
  if (!file) return undefined;
  if (!specs.has(domain)) {
    const url = new URL(`../../../contracts/sources/reference/twilio-oai/${file}`, import.meta.url);
    specs.set(domain, JSON.parse(readFileSync(url, 'utf8')) as Spec);
  }
  return specs.get(domain);
}

/** Whether Twilio publishes an OpenAPI description of this domain among the vendored ones. */
export function isDescribed(domain: Domain): boolean {
  return specFiles[domain] !== undefined;
}

const templatePattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/**
 * The operation Twilio describes for `method` on `path` (no query string), or undefined. Where
 * templates overlap, the one with the fewest path parameters wins (`/v2/Flows/Validate` over
 * `/v2/Flows/{Sid}`).
 */
export function describedOperation(
  domain: Domain,
  method: string,
  path: string,
): DescribedOperation | undefined {
  const spec = specOf(domain);
  if (!spec) return undefined;
  const candidates = Object.keys(spec.paths)
    .filter((template) => templatePattern(template).test(path))
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  for (const template of candidates) {
    const operation = spec.paths[template]?.[method.toLowerCase()] as Operation | undefined;
    if (!operation) continue;
    const formSchema = operation.requestBody?.content?.['application/x-www-form-urlencoded']?.schema;
    return {
      template,
      query: new Set((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)),
      form: new Set(Object.keys(formSchema?.properties ?? {})),
    };
  }
  return undefined;
}
