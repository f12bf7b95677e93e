import { callOut } from '../../core/call-outs';
import { parseJsonObject } from '../../core/json';
import type { WidgetHandler, WidgetRun } from '../engine';

/** Studio gives a request 10 seconds and parses at most 64 kB. */
const TIMEOUT_MS = 10_000;
const MAX_BODY = 64 * 1024;

interface Parameter {
  readonly key?: unknown;
  readonly value?: unknown;
}

/**
 * `make-http-request` and `run-function`: the response becomes `widgets.<name>.status_code`,
 * `content_type`, `body`, and `parsed` when it is an application/json object. A 2xx answer takes
 * `success`, anything else `failed` (`fail` for run-function). The mock only ever reaches loopback.
 */
export const makeHttpRequest: WidgetHandler = {
  async run(run) {
    const properties = run.widget.properties;
    const method = String((await run.render(properties.method)) ?? 'GET').toUpperCase();
    const contentType = String(properties.content_type ?? 'application/x-www-form-urlencoded;charset=utf-8');
    let body: string | undefined;
    if (method !== 'GET') {
      body = contentType.startsWith('application/json')
        ? ((await run.render(properties.body)) ?? '')
        : await formOf(run, properties.parameters);
    }
    return request(run, method, contentType, body, 'failed');
  },
};

export const runFunction: WidgetHandler = {
  async run(run) {
    const body = await formOf(run, run.widget.properties.parameters);
    return request(run, 'POST', 'application/x-www-form-urlencoded;charset=utf-8', body, 'fail');
  },
};

async function formOf(run: WidgetRun, parameters: unknown): Promise<string> {
  const form = new URLSearchParams();
  for (const parameter of Array.isArray(parameters) ? (parameters as Parameter[]) : []) {
    if (typeof parameter.key === 'string')
      form.append(parameter.key, (await run.render(parameter.value)) ?? '');
  }
  return form.toString();
}

async function request(
  run: WidgetRun,
  method: string,
  contentType: string,
  body: string | undefined,
  failEvent: string,
) {
  const url = (await run.render(run.widget.properties.url)) ?? '';
  if (!run.ctx.callOuts.locate(url)) return { kind: 'transition' as const, event: failEvent };
  try {
    const response = await callOut(run.ctx.callOuts, url, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = (await response.text()).slice(0, MAX_BODY);
    const responseType = response.headers.get('content-type') ?? '';
    const variables: Record<string, unknown> = {
      status_code: response.status,
      content_type: responseType,
      body: text,
    };
    const { parsedContentTypes, parsedContentTypesFor } = run.ctx.behaviour.studio.httpRequest;
    const [data = ''] = Object.keys(run.execution.context.trigger);
    const parses = parsedContentTypesFor(data, parsedContentTypes).some((type) =>
      responseType.includes(type),
    );
    const parsed = parses ? parseJsonObject(text) : undefined;
    if (parsed !== undefined) variables.parsed = parsed;
    const ok = response.status >= 200 && response.status < 300;
    return { kind: 'transition' as const, event: ok ? 'success' : failEvent, variables };
  } catch {
    return { kind: 'transition' as const, event: failEvent };
  }
}
