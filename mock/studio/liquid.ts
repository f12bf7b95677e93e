import { Liquid } from 'liquidjs';

/** The `to_json` filter: the JSON text of a value. */
export type ToJson = (value: unknown) => string;

/** `{{ value | to_json }}`: the JSON text of any value; an absent value is `null`. */
export const toJson: ToJson = (value) => JSON.stringify(value ?? null);

/**
 * Studio's Liquid: liquidjs with Twilio's `to_json` filter. Unknown filters are errors
 * (`strictFilters`), as in Studio, where a misspelt filter fails the widget instead of passing the
 * value through; a missing variable renders empty.
 */
function studioLiquid(filter: ToJson): Liquid {
  const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true });
  engine.registerFilter('to_json', filter);
  return engine;
}

/** One engine per `to_json` filter, made when first used. */
const engines = new Map<ToJson, Liquid>();

function engineFor(filter: ToJson): Liquid {
  let engine = engines.get(filter);
  if (!engine) {
    engine = studioLiquid(filter);
    engines.set(filter, engine);
  }
  return engine;
}

export class TemplateError extends Error {}

/** Renders a template against an execution's context, or throws TemplateError. */
export async function renderTemplate(
  template: string,
  scope: object,
  filter: ToJson = toJson,
): Promise<string> {
  try {
    return String(await engineFor(filter).parseAndRender(template, scope));
  } catch (error) {
    throw new TemplateError(error instanceof Error ? error.message : String(error));
  }
}

/** Renders a widget property that may be a template; numbers and booleans are used as written. */
export async function renderProperty(
  value: unknown,
  scope: object,
  filter: ToJson = toJson,
): Promise<string | undefined> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return renderTemplate(value, scope, filter);
  return writtenAs(value);
}

/** A widget property as written, without Liquid: text as it is, numbers and booleans as text. */
export function writtenAs(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}
