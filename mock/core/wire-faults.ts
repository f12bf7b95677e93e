import { isJsonObject } from './json';
import type { MockResponse } from './router';

/**
 * Deliberate bugs in the wire format every domain shares (see mock/flex-api/faults.ts), applied
 * where the server reads a request or writes a response. `active(name)` says whether the mock was
 * started with the fault.
 */
export type WireFault =
  | 'errors-without-more-info'
  | 'missing-param-answered-422'
  | 'not-found-code-is-http-status'
  | 'form-percent-decoded-as-latin1'
  | 'json-served-as-text-html'
  | 'json-drops-null-fields';

export type FaultCheck = (name: WireFault) => boolean;

/** The response as a buggy server would send it: status and error body rewritten by the active faults. */
export function faultyResponse(result: MockResponse, active: FaultCheck): MockResponse {
  if (result.status < 400 || !isJsonObject(result.body)) return result;
  let body: Record<string, unknown> = result.body;
  let status = result.status;
  if (active('errors-without-more-info') && 'more_info' in body) {
    const { more_info: _dropped, ...rest } = body;
    body = rest;
  }
  if (
    active('missing-param-answered-422') &&
    body.code === 20001 &&
    String(body.message).startsWith('Missing required parameter')
  ) {
    status = 422;
    body = { ...body, status };
  }
  if (active('not-found-code-is-http-status') && body.code === 20404) body = { ...body, code: 404 };
  return { ...result, status, body };
}

/** JSON text of a body; with `json-drops-null-fields`, null members are left out. */
export function serializeJson(body: unknown, active: FaultCheck): string {
  return active('json-drops-null-fields')
    ? JSON.stringify(body, (_key, value) => (value === null ? undefined : value))
    : JSON.stringify(body);
}

export function jsonContentType(active: FaultCheck): string {
  return active('json-served-as-text-html') ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
}

/** A form body as URLSearchParams; with `form-percent-decoded-as-latin1`, escapes decode byte by byte. */
export function parseForm(body: string, active: FaultCheck): URLSearchParams {
  if (!active('form-percent-decoded-as-latin1')) return new URLSearchParams(body);
  const form = new URLSearchParams();
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    form.append(latin1Decode(name), latin1Decode(value));
  }
  return form;
}

function latin1Decode(text: string): string {
  return text
    .replace(/\+/g, ' ')
    .replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
