import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { default as Ajv, ErrorObject } from 'ajv';
import type { ConformanceReport } from './model';

export const schemaPath = new URL('./schema/conformance.schema.json', import.meta.url);

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator() {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    // required on first use: `run` imports this module (to read a previous report for
    // --last-failed), and most runs never validate one
    const AjvClass = (createRequire(import.meta.url)('ajv') as { default: typeof Ajv }).default;
    compiled = new AjvClass({
      allErrors: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    }).compile(schema);
  }
  return compiled;
}

/** Problems of a conformance.json against reports/schema/conformance.schema.json (empty when it conforms). */
export function schemaErrors(report: unknown): string[] {
  const validate = validator();
  if (validate(report)) return [];
  return (validate.errors ?? []).map(describe);
}

export function isConformanceReport(value: unknown): value is ConformanceReport {
  return schemaErrors(value).length === 0;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}
