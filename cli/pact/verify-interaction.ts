import { matchBody, matchHeaders } from './matching';
import type { HttpInteraction, PactBody } from './pact-file';
import { type ProviderClient, UnreachableError } from './provider-client';
import { type StateSetup, setUpState } from './provider-states';

export interface InteractionVerdict {
  readonly description: string;
  readonly mismatches: readonly string[];
}

type Values = Readonly<Record<string, string>>;

/** `${name}` expressions of a ProviderState generator, filled from the states' values. */
function fill(expression: string, values: Values): string {
  return expression.replace(/\$\{([^}]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The expressions of the ProviderState generators of one category (`path`, `query`, `body`, `header`). */
function generated(
  generators: Readonly<Record<string, unknown>> | undefined,
  category: string,
  values: Values,
) {
  const entries = generators?.[category] as
    | Record<string, { type?: string; expression?: string }>
    | undefined;
  if (!entries) return undefined;
  if (typeof entries.expression === 'string') return { '': fill(entries.expression, values) };
  const out: Record<string, string> = {};
  for (const [key, generator] of Object.entries(entries)) {
    if (generator?.type === 'ProviderState' && typeof generator.expression === 'string')
      out[key] = fill(generator.expression, values);
  }
  return out;
}

/** `$.FriendlyName` / `$['Integration.FlowSid']` as the form field name. */
function fieldOf(jsonPath: string): string {
  return /^\$\['(.*)'\]$/.exec(jsonPath)?.[1] ?? jsonPath.replace(/^\$\./, '');
}

function requestFor(interaction: HttpInteraction, values: Values) {
  const { request } = interaction;
  const path = generated(request.generators, 'path', values)?.[''] ?? request.path;
  const query = new URLSearchParams();
  const queryValues = generated(request.generators, 'query', values) ?? {};
  for (const [key, list] of Object.entries(request.query ?? {}))
    for (const value of list) query.append(key, queryValues[key] ?? value);
  const headers: Record<string, string> = {};
  for (const [name, list] of Object.entries(request.headers ?? {}))
    if (name.toLowerCase() !== 'authorization') headers[name] = list.join(', ');
  let body: string | undefined;
  if (request.body?.content !== undefined) {
    const content = request.body.content;
    if (String(request.body.contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(String(content));
      for (const [jsonPath, value] of Object.entries(generated(request.generators, 'body', values) ?? {}))
        form.set(fieldOf(jsonPath), value);
      body = form.toString();
    } else {
      body = typeof content === 'string' ? content : JSON.stringify(content);
    }
  }
  const search = query.toString();
  return { method: request.method, target: search ? `${path}?${search}` : path, headers, body };
}

/** The expected body with the ProviderState generators applied (`$.sid` becomes the created SID). */
function expectedBody(
  body: PactBody | undefined,
  generators: HttpInteraction['response']['generators'],
  values: Values,
) {
  if (body?.content === undefined) return undefined;
  const content = structuredClone(body.content) as Record<string, unknown>;
  for (const [jsonPath, value] of Object.entries(generated(generators, 'body', values) ?? {})) {
    const key = fieldOf(jsonPath);
    if (content && typeof content === 'object' && !key.includes('.')) content[key] = value;
  }
  return content;
}

/**
 * One interaction: its provider states set up, the request sent as the pact has it (the states'
 * values substituted), the response's status, headers and body matched, the states torn down.
 */
export async function verifyInteraction(
  interaction: HttpInteraction,
  client: ProviderClient,
  runTag: string,
): Promise<InteractionVerdict> {
  const setups: StateSetup[] = [];
  const mismatches: string[] = [];
  try {
    let values: Values = {};
    for (const state of interaction.providerStates ?? []) {
      try {
        const setup = await setUpState(state.name, state.params, client, runTag);
        setups.push(setup);
        values = { ...values, ...setup.values };
      } catch (error) {
        if (error instanceof UnreachableError) throw error;
        return {
          description: interaction.description,
          mismatches: [`provider state "${state.name}": ${(error as Error).message}`],
        };
      }
    }
    const request = requestFor(interaction, values);
    const response = await client.send(request.method, request.target, request.body, request.headers);
    const expected = interaction.response;
    if (response.status !== expected.status)
      mismatches.push(`status: expected ${expected.status}, got ${response.status}`);
    mismatches.push(...matchHeaders(expected.headers, response.headers, expected.matchingRules?.header));
    const body = expectedBody(expected.body, expected.generators, values);
    if (body !== undefined) {
      if (String(expected.body?.contentType ?? 'application/json').includes('json')) {
        if (response.json === undefined)
          mismatches.push(`body: expected JSON, got ${JSON.stringify(response.text.slice(0, 120))}`);
        else mismatches.push(...matchBody(body, response.json, expected.matchingRules?.body));
      } else if (response.text !== String(body)) {
        mismatches.push(
          `body: expected ${JSON.stringify(String(body))}, got ${JSON.stringify(response.text)}`,
        );
      }
    }
    return { description: interaction.description, mismatches };
  } finally {
    for (const setup of setups.reverse()) await setup.teardown().catch(() => undefined);
  }
}
