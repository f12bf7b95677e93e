import { Liquid } from 'liquidjs';

/**
 * Studio's Liquid: liquidjs with Twilio's `to_json` filter. Unknown filters are errors
 * (`strictFilters`), as in Studio, where a misspelt filter fails the widget instead of passing the
 * value through; a missing variable renders empty.
 */
function studioLiquid(toJson: (value: unknown) => string): Liquid {
  const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true });
  engine.registerFilter('to_json', toJson);
  return engine;
}

/** `{{ value | to_json }}`: the JSON text of any value; an absent value is `null`. */
const toJson = (value: unknown) => JSON.stringify(value ?? null);

const engines = {
  faithful: studioLiquid(toJson),
  /** Fault `liquid-to-json-string`: to_json wraps its output in a JSON string. */
  quoting: studioLiquid((value) => JSON.stringify(toJson(value))),
};

export type LiquidDialect = keyof typeof engines;

export class TemplateError extends Error {}

/** Renders a template against an execution's context, or throws TemplateError. */
export async function renderTemplate(
  template: string,
  scope: object,
  dialect: LiquidDialect = 'faithful',
): Promise<string> {
  try {
    return String(await engines[dialect].parseAndRender(template, scope));
  } catch (error) {
    throw new TemplateError(error instanceof Error ? error.message : String(error));
  }
}

/** Renders a widget property that may be a template; numbers and booleans are used as written. */
export async function renderProperty(
  value: unknown,
  scope: object,
  dialect: LiquidDialect = 'faithful',
): Promise<string | undefined> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return renderTemplate(value, scope, dialect);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
