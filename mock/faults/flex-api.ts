import { randomUUID } from 'node:crypto';
import type { MockContext } from '../context';
import { missingParameter } from '../core/errors';
import { isJsonObject } from '../core/json';
import type { MockResponse } from '../core/router';
import { isoNow } from '../core/sids';
import {
  type FaultSpec,
  jsonBodyOf,
  type MatchedRoute,
  onRoute,
  rewritingForm,
  type WireRequest,
  type WireTransform,
} from './fault';

type Json = Record<string, unknown>;

const flowsPath = '/v1/FlexFlows';
const flowPath = /^\/v1\/FlexFlows\/[^/]+$/;
/** The account SID of the documentation's examples. */
const exampleAccountSid = `AC${'a'.repeat(32)}`;

/** Whether a request is a Flex Flow create or update (a form post to /v1/FlexFlows or /v1/FlexFlows/FO…). */
function postsFlexFlow(request: WireRequest): boolean {
  return (
    request.method === 'POST' &&
    request.domain === 'flex-api' &&
    (request.path === flowsPath || flowPath.test(request.path))
  );
}

/**
 * A request transform over HTTP Basic credentials: `rewrite` gets the user and password a request
 * carries and gives those the emulator sees, or undefined to drop the Authorization header.
 */
function rewritingBasicAuth(
  rewrite: (
    user: string,
    password: string,
    credentials: MockContext['credentials'],
  ) => readonly [string, string] | undefined,
): WireTransform {
  return {
    request: (request, ctx) => {
      const header = request.headers.authorization;
      if (!header?.startsWith('Basic ')) return request;
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return request;
      const rewritten = rewrite(decoded.slice(0, colon), decoded.slice(colon + 1), ctx.credentials);
      const { authorization: _sent, ...others } = request.headers;
      return {
        ...request,
        headers: rewritten
          ? { ...others, authorization: `Basic ${Buffer.from(rewritten.join(':')).toString('base64')}` }
          : others,
      };
    },
  };
}

/** Required Integration parameters a careless update fills in when a type change lacks them. */
export const placeholderIntegration: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  studio: { 'Integration.FlowSid': `FW${'0'.repeat(32)}` },
  external: { 'Integration.Url': 'https://example.invalid/flex' },
  task: {
    'Integration.WorkspaceSid': `WS${'0'.repeat(32)}`,
    'Integration.WorkflowSid': `WW${'0'.repeat(32)}`,
  },
};

/** Whether a route is one of the Flex Flow routes. */
function isFlexFlowRoute(route: MatchedRoute): boolean {
  return (
    route.domain === 'flex-api' && (route.pattern === flowsPath || route.pattern === `${flowsPath}/:Sid`)
  );
}

/**
 * A response transform: `rewrite` changes every Flex Flow a successful answer of the Flex Flow
 * routes `where` picks carries (one flow, or a page of them).
 */
function rewritingFlexFlows(
  rewrite: (flow: Json) => Json,
  where: (route: MatchedRoute) => boolean = isFlexFlowRoute,
): WireTransform {
  return {
    response: (response, _request, route) => {
      const body = jsonBodyOf(response);
      if (!body || response.status >= 400 || !route || !isFlexFlowRoute(route) || !where(route)) {
        return response;
      }
      const key = isJsonObject(body.meta) ? body.meta.key : undefined;
      if (typeof key !== 'string') return { ...response, body: rewrite(body) };
      const flows = Array.isArray(body[key]) ? (body[key] as unknown[]) : [];
      return {
        ...response,
        body: { ...body, [key]: flows.map((flow) => (isJsonObject(flow) ? rewrite({ ...flow }) : flow)) },
      };
    },
  };
}

/** The task-flow parameters whose documented defaults the echo shows: the member, the default, what is stored instead. */
const taskDefaultsStoredOtherwise = [
  { parameter: 'Integration.Timeout', member: 'timeout', shown: 86_400, stored: '3600' },
  { parameter: 'Integration.Priority', member: 'priority', shown: 0, stored: '1' },
  { parameter: 'Integration.Channel', member: 'channel', shown: 'default', stored: 'chat' },
] as const;

/**
 * A task flow created without Integration.Timeout, Priority or Channel stores other values (the
 * widget's timeout 3600, priority 1, the chat channel) yet every answer shows the documented
 * defaults: the echo is right, the tasks the flow creates are not.
 */
function taskDefaultsShownNotApplied(): WireTransform {
  const substituted = new WeakMap<WireRequest, Json>();
  const shownBySid = new Map<string, Json>();
  const showDefaults = rewritingFlexFlows((flow) => {
    const shown = typeof flow.sid === 'string' ? shownBySid.get(flow.sid) : undefined;
    return shown && isJsonObject(flow.integration)
      ? { ...flow, integration: { ...flow.integration, ...shown } }
      : flow;
  });
  return {
    request: (request) => {
      if (!postsFlexFlow(request)) return request;
      const form = new URLSearchParams(request.body);
      const updated =
        request.path === flowsPath ? undefined : shownBySid.get(request.path.split('/').pop() ?? '');
      if (updated) {
        for (const { parameter, member } of taskDefaultsStoredOtherwise)
          if (form.has(parameter)) delete updated[member];
        return request;
      }
      if (request.path !== flowsPath || form.get('IntegrationType') !== 'task') return request;
      const shown: Json = {};
      for (const { parameter, member, shown: value, stored } of taskDefaultsStoredOtherwise) {
        if (form.has(parameter)) continue;
        form.set(parameter, stored);
        shown[member] = value;
      }
      const rewritten = { ...request, body: form.toString() };
      substituted.set(rewritten, shown);
      return rewritten;
    },
    response: (response, request, route, ctx) => {
      const shown = substituted.get(request);
      const created = jsonBodyOf(response);
      if (shown && response.status === 201 && typeof created?.sid === 'string')
        shownBySid.set(created.sid, shown);
      return showDefaults.response ? showDefaults.response(response, request, route, ctx) : response;
    },
  };
}

/** A response transform on the Flex Flow list: `rewrite` changes the page (its `meta` is a copy). */
function rewritingFlexFlowPage(rewrite: (page: Json & { meta: Json }) => Json): WireTransform {
  return onRoute('flex-api', 'GET', flowsPath, (response) => {
    const page = jsonBodyOf(response);
    if (!page || !isJsonObject(page.meta) || response.status >= 400) return response;
    return { ...response, body: rewrite({ ...page, meta: { ...page.meta } }) };
  });
}

/** The error body of a response, or undefined for a success or a body that is not a JSON object. */
function errorBodyOf(response: MockResponse): Json | undefined {
  return response.status >= 400 ? jsonBodyOf(response) : undefined;
}

/** A response transform: `rewrite` changes every JSON error body (the status comes back with it). */
function rewritingErrors(
  rewrite: (error: Json, status: number) => { status: number; body: Json },
): WireTransform {
  return {
    response: (response) => {
      const error = errorBodyOf(response);
      return error ? { ...response, ...rewrite(error, response.status) } : response;
    },
  };
}

/**
 * A delete of a Flex Flow that reaches the emulator as a fetch of it: `answer` makes the response
 * from the fetched flow (a 404 or 401 is the delete's own answer, the same for both).
 */
function deleteAnsweredFromFetch(
  answer: (
    fetched: MockResponse,
    request: WireRequest,
    ctx: MockContext,
  ) => Promise<MockResponse> | MockResponse,
): WireTransform {
  const marker = 'x-mock-delete-as-fetch';
  return {
    request: (request) =>
      request.method === 'DELETE' && request.domain === 'flex-api' && flowPath.test(request.path)
        ? { ...request, method: 'GET', headers: { ...request.headers, [marker]: 'true' } }
        : request,
    response: (response, request, _route, ctx) =>
      request.headers[marker] === 'true' && response.status === 200
        ? answer(response, request, ctx)
        : response,
  };
}

/** The JSON body of a response as text, sent with the response's content type (JSON unless a transform said otherwise). */
function jsonText(response: MockResponse, serialize: (body: unknown) => string): MockResponse {
  if (response.body === undefined) return response;
  const { body, ...rest } = response;
  return {
    ...rest,
    text: serialize(body),
    contentType: response.contentType ?? 'application/json; charset=utf-8',
  };
}

/** A form body percent-decoded byte by byte as Latin-1, written back as a form the emulator decodes as UTF-8. */
function latin1Decoded(body: string): string {
  const form = new URLSearchParams();
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    form.append(latin1Decode(name), latin1Decode(value));
  }
  return form.toString();
}

function latin1Decode(text: string): string {
  return text
    .replace(/\+/g, ' ')
    .replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** A flow's date in RFC 2822 ("Sat, 01 Aug 2026 22:10:40 +0000"). */
function rfc2822(date: unknown): unknown {
  return typeof date === 'string' ? new Date(date).toUTCString().replace('GMT', '+0000') : date;
}

function camelCaseKeys(record: unknown): unknown {
  if (!isJsonObject(record)) return record;
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}

function withoutIntegration({ integration: _dropped, ...flow }: Json): Json {
  return flow;
}

/** A URL without its scheme and host. */
function pathOf(url: unknown): unknown {
  return typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+/, '') : url;
}

/** The flow an upsert would create for an update of an unknown SID: a web studio flow named after its SID, with what the update sent. */
function upsertedFlow(request: WireRequest, ctx: MockContext): Json {
  const form = new URLSearchParams(request.body);
  const sid = decodeURIComponent(request.path.slice(`${flowsPath}/`.length));
  const now = isoNow(ctx.clock.now());
  return {
    account_sid: ctx.accountSid,
    sid,
    date_created: now,
    date_updated: now,
    friendly_name: form.get('FriendlyName') || sid,
    chat_service_sid: form.get('ChatServiceSid'),
    channel_type: form.get('ChannelType') || 'web',
    contact_identity: form.get('ContactIdentity'),
    enabled: form.get('Enabled')?.toLowerCase() === 'true',
    integration_type: form.get('IntegrationType') || 'studio',
    integration: { flow_sid: form.get('Integration.FlowSid'), retry_count: 3 },
    long_lived: form.get('LongLived')?.toLowerCase() === 'true',
    janitor_enabled: form.get('JanitorEnabled')?.toLowerCase() === 'true',
    url: `http://${request.headers.host ?? '127.0.0.1'}${request.path}`,
  };
}

/**
 * The studio flow an implementation that stores before it validates keeps of a refused create:
 * the FriendlyName sent, with whatever else it needed made up.
 */
function storedDespiteRefusal(request: WireRequest): Record<string, string> | undefined {
  const name = new URLSearchParams(request.body).get('FriendlyName');
  if (!name) return undefined;
  return {
    FriendlyName: name,
    ChatServiceSid: `IS${'0'.repeat(32)}`,
    ChannelType: 'web',
    IntegrationType: 'studio',
    'Integration.FlowSid': `FW${'0'.repeat(32)}`,
  };
}

/** The `Integration.*` parameters of a task flow but CreationOnMessage. */
const taskParametersButCreationOnMessage = [
  'WorkspaceSid',
  'WorkflowSid',
  'Channel',
  'Timeout',
  'Priority',
] as const;

/**
 * Deliberate bugs in the Flex API (Flex Flows) and in the wire conventions every domain shares.
 * Each is a mistake a real implementation could make; `trips` names only rules whose checks
 * fail against it (the self-test holds the list to that), so every `must` rule of the flex-flow
 * and wire areas is shown to be checked by a check that can fail.
 */
export const flexApiFaults = [
  // Wire conventions: auth, error bodies, encodings, paging meta.
  {
    name: 'auth-not-enforced',
    description: 'Requests without valid Basic auth are served instead of answered 401/20003.',
    trips: ['WIRE-AUTH-BASIC-REQUIRED', 'WIRE-AUTH-WRONG-CREDENTIALS-401'],
    // Every request arrives with the account's credentials, whatever it sent.
    wire: {
      request: (request, ctx) => ({
        ...request,
        headers: {
          ...request.headers,
          authorization: `Basic ${Buffer.from(`${ctx.credentials.accountSid}:${ctx.credentials.authToken}`).toString('base64')}`,
        },
      }),
    },
  },
  {
    name: 'auth-api-key-refused',
    description:
      'HTTP Basic with an API key SID and its secret is answered 401: only the Account SID authenticates.',
    trips: ['WIRE-AUTH-API-KEY-ACCEPTED'],
    wire: rewritingBasicAuth((user, password) => (user.startsWith('SK') ? undefined : [user, password])),
  },
  {
    name: 'auth-api-key-secret-unchecked',
    description: "The account's API key SID authenticates whatever secret it carries.",
    trips: ['WIRE-AUTH-WRONG-CREDENTIALS-401'],
    wire: rewritingBasicAuth((user, password, credentials) =>
      user === credentials.apiKey && credentials.apiSecret ? [user, credentials.apiSecret] : [user, password],
    ),
  },
  {
    name: 'auth-api-key-sid-unchecked',
    description:
      "Any SK… key SID carrying the account's key secret authenticates (a key of another account is served).",
    trips: ['WIRE-AUTH-WRONG-CREDENTIALS-401'],
    wire: rewritingBasicAuth((user, password, credentials) =>
      user.startsWith('SK') && password === credentials.apiSecret && credentials.apiKey
        ? [credentials.apiKey, password]
        : [user, password],
    ),
  },
  {
    name: 'auth-secrets-interchangeable',
    description:
      "Any of the account's SIDs authenticates with any of its secrets (the auth token with the API key, the key's secret with the Account SID).",
    trips: ['WIRE-AUTH-WRONG-CREDENTIALS-401'],
    wire: rewritingBasicAuth((user, password, credentials) => {
      const sids = [credentials.accountSid, credentials.apiKey];
      const secrets = [credentials.authToken, credentials.apiSecret];
      if (!sids.includes(user) || !secrets.includes(password)) return [user, password];
      return [credentials.accountSid, credentials.authToken];
    }),
  },
  {
    name: 'errors-without-more-info',
    description: 'Error bodies omit more_info.',
    trips: ['WIRE-ERROR-BODY-SHAPE'],
    wire: rewritingErrors(({ more_info: _dropped, ...error }, status) => ({ status, body: error })),
  },
  {
    name: 'missing-param-answered-422',
    description: 'A missing required parameter is answered 422 Unprocessable Entity instead of 400.',
    trips: [
      'WIRE-MISSING-PARAM-400-20001',
      'FLEXFLOW-CREATE-REQUIRES-FRIENDLYNAME',
      'FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID',
      'FLEXFLOW-CREATE-REQUIRES-CHANNELTYPE',
    ],
    wire: rewritingErrors((error, status) =>
      error.code === 20001 && String(error.message).startsWith('Missing required parameter')
        ? { status: 422, body: { ...error, status: 422 } }
        : { status, body: error },
    ),
  },
  {
    name: 'not-found-code-is-http-status',
    description: 'An unknown resource is answered 404 with code 404 (the HTTP status) instead of 20404.',
    trips: [
      'WIRE-UNKNOWN-RESOURCE-404-20404',
      'FLEXFLOW-FETCH-UNKNOWN-404',
      'FLEXFLOW-UPDATE-UNKNOWN-404',
      'FLEXFLOW-DELETE-THEN-404',
    ],
    wire: rewritingErrors((error, status) => ({
      status,
      body: error.code === 20404 ? { ...error, code: 404 } : error,
    })),
  },
  {
    name: 'form-percent-decoded-as-latin1',
    description: 'Form values are percent-decoded byte by byte as Latin-1 (unescape): "é" arrives as "Ã©".',
    trips: ['WIRE-FORM-ENCODED-REQUESTS', 'FLEXFLOW-CREATE-ECHOES-PARAMS'],
    wire: { request: (request) => ({ ...request, body: latin1Decoded(request.body) }) },
  },
  {
    name: 'booleans-truthy-strings',
    description: 'Boolean parameters are read as "any non-empty string is true": "false" becomes true.',
    trips: ['WIRE-FORM-BOOLEANS', 'FLEXFLOW-ENABLED-BOOLEAN', 'FLEXFLOW-CREATE-ECHOES-PARAMS'],
    behaviour: { wire: { booleanOf: (text) => text !== '' } },
  },
  {
    name: 'json-served-as-text-html',
    description: 'JSON bodies are sent with Content-Type text/html.',
    trips: ['WIRE-JSON-RESPONSES'],
    wire: {
      response: (response) =>
        response.body !== undefined || response.contentType?.startsWith('application/json')
          ? { ...response, contentType: 'text/html; charset=utf-8' }
          : response,
    },
  },
  {
    name: 'json-drops-null-fields',
    description:
      'The JSON serializer leaves out null fields (previous_page_url on page 0, next_page_url on the last).',
    trips: ['WIRE-PAGING-META-FIELDS', 'WIRE-PAGING-ENDS-NULL'],
    wire: {
      response: (response) =>
        jsonText(response, (body) =>
          JSON.stringify(body, (_key, value) => (value === null ? undefined : value)),
        ),
    },
  },
  {
    name: 'paging-urls-relative',
    description: 'Paging meta URLs are paths (/v1/FlexFlows?…) without scheme and host.',
    trips: ['WIRE-PAGING-URLS-ABSOLUTE', 'WIRE-PAGING-META-FIELDS'],
    wire: rewritingFlexFlowPage((page) => {
      for (const name of ['first_page_url', 'previous_page_url', 'url', 'next_page_url']) {
        page.meta[name] = pathOf(page.meta[name]);
      }
      return page;
    }),
  },
  {
    name: 'paging-first-page-has-previous',
    description: 'Page 0 carries a previous_page_url (pointing at itself) instead of null.',
    trips: ['WIRE-PAGING-ENDS-NULL', 'WIRE-PAGING-META-FIELDS'],
    wire: rewritingFlexFlowPage((page) => {
      if (page.meta.previous_page_url === null) page.meta.previous_page_url = page.meta.url;
      return page;
    }),
  },

  // The Flex Flow representation.
  {
    name: 'flexflow-stores-refused-create',
    description:
      'A create refused for a missing or invalid parameter (4xx) is stored anyway: the list then holds a flow under its FriendlyName.',
    trips: [
      'FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID',
      'FLEXFLOW-CREATE-REQUIRES-CHANNELTYPE',
      'FLEXFLOW-STUDIO-REQUIRES-FLOWSID',
      'FLEXFLOW-EXTERNAL-REQUIRES-URL',
      'FLEXFLOW-TASK-REQUIRES-WORKSPACESID',
      'FLEXFLOW-TASK-REQUIRES-WORKFLOWSID',
      'FLEXFLOW-CHANNEL-TYPE-ENUM',
      'FLEXFLOW-INTEGRATION-TYPE-ENUM',
      'FLEXFLOW-INVALID-ENUM-REJECTED',
      'FLEXFLOW-CHATSERVICESID-PATTERN',
      'FLEXFLOW-FLOWSID-PATTERN',
      'FLEXFLOW-WORKSPACESID-PATTERN',
      'FLEXFLOW-WORKFLOWSID-PATTERN',
      'FLEXFLOW-INVALID-SID-REJECTED',
      'FLEXFLOW-RETRYCOUNT-RANGE',
      'FLEXFLOW-CREATION-ON-MESSAGE-OUTBOUND-ONLY',
    ],
    wire: onRoute('flex-api', 'POST', flowsPath, async (response, request, _route, ctx) => {
      const stored =
        response.status >= 400 && response.status < 500 ? storedDespiteRefusal(request) : undefined;
      if (stored) await ctx.call('flex-api', 'POST', flowsPath, stored);
      return response;
    }),
  },
  {
    name: 'flexflow-create-returns-200',
    description: 'Create answers 200 instead of 201.',
    trips: ['FLEXFLOW-CREATE-RETURNS-201', 'WIRE-CREATE-201'],
    wire: onRoute('flex-api', 'POST', flowsPath, (response) =>
      response.status === 201 ? { ...response, status: 200 } : response,
    ),
  },
  {
    name: 'flexflow-omits-date-updated',
    description: 'date_updated is left out of a flow that was never updated.',
    trips: ['FLEXFLOW-RESPONSE-FIELDS', 'FLEXFLOW-DATES-ISO8601'],
    wire: rewritingFlexFlows((flow) => {
      if (flow.date_updated === flow.date_created) delete flow.date_updated;
      return flow;
    }),
  },
  {
    name: 'flexflow-dates-rfc2822',
    description: 'Dates are written in RFC 2822 ("Sat, 01 Aug 2026 22:10:40 +0000"), as the 2010 API does.',
    trips: ['FLEXFLOW-DATES-ISO8601'],
    wire: rewritingFlexFlows((flow) => ({
      ...flow,
      date_created: rfc2822(flow.date_created),
      date_updated: rfc2822(flow.date_updated),
    })),
  },
  {
    name: 'flexflow-account-sid-placeholder',
    description: "account_sid is the documentation's example ACaaaa… instead of the owning account.",
    trips: ['FLEXFLOW-ACCOUNT-SID-PATTERN'],
    wire: rewritingFlexFlows((flow) => ({ ...flow, account_sid: exampleAccountSid })),
  },
  {
    name: 'flexflow-account-sid-studio-only',
    description:
      'account_sid is filled on studio flows only: external and task flows answer it null (the studio path was built first).',
    trips: ['FLEXFLOW-ACCOUNT-SID-PATTERN'],
    wire: rewritingFlexFlows((flow) =>
      flow.integration_type === 'studio' ? flow : { ...flow, account_sid: null },
    ),
  },
  {
    name: 'flexflow-sid-uuid',
    description: 'Flex Flow SIDs are FO followed by a dashed UUID (38 characters).',
    trips: ['FLEXFLOW-SID-PATTERN'],
    behaviour: { flexFlows: { newSid: () => `FO${randomUUID()}` } },
  },
  {
    name: 'flexflow-relative-url',
    description: 'url is the path /v1/FlexFlows/FO… without scheme and host.',
    trips: ['FLEXFLOW-URL-ABSOLUTE'],
    wire: rewritingFlexFlows((flow) => ({ ...flow, url: pathOf(flow.url) })),
  },
  {
    name: 'flexflow-url-is-integration-url',
    description:
      "An external flow's url is its Integration.Url (the resource's url and the integration's url mixed up).",
    trips: ['FLEXFLOW-URL-PATH-ENDS-WITH-SID'],
    wire: rewritingFlexFlows((flow) =>
      isJsonObject(flow.integration) && typeof flow.integration.url === 'string'
        ? { ...flow, url: flow.integration.url }
        : flow,
    ),
  },
  {
    name: 'flexflow-integration-camelcase',
    description:
      'The integration object is serialized with camelCase keys (flowSid, retryCount, workspaceSid).',
    trips: ['WIRE-SNAKE-CASE-FIELDS', 'FLEXFLOW-RETRYCOUNT-DEFAULT', 'FLEXFLOW-RETRYCOUNT-RANGE'],
    wire: rewritingFlexFlows((flow) => ({ ...flow, integration: camelCaseKeys(flow.integration) })),
  },

  // Validation of create and update parameters.
  {
    name: 'flexflow-friendlyname-optional',
    description: 'A create without FriendlyName is accepted (named after its SID).',
    trips: ['FLEXFLOW-CREATE-REQUIRES-FRIENDLYNAME'],
    behaviour: { flexFlows: { requiredOnCreate: ['ChatServiceSid', 'ChannelType'] } },
  },
  {
    name: 'flexflow-chatservicesid-optional',
    description: 'A create without ChatServiceSid is accepted with chat_service_sid null.',
    trips: ['FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID'],
    behaviour: { flexFlows: { requiredOnCreate: ['FriendlyName', 'ChannelType'] } },
  },
  {
    name: 'flexflow-channeltype-defaults-web',
    description: 'A create without ChannelType is accepted as a web flow.',
    trips: ['FLEXFLOW-CREATE-REQUIRES-CHANNELTYPE'],
    behaviour: { flexFlows: { requiredOnCreate: ['FriendlyName', 'ChatServiceSid'] } },
  },
  {
    name: 'flexflow-channeltype-any-string',
    description: 'ChannelType accepts any string (a loose enum).',
    trips: ['FLEXFLOW-CHANNEL-TYPE-ENUM', 'FLEXFLOW-INVALID-ENUM-REJECTED'],
    behaviour: { flexFlows: { channelTypeIsEnum: false } },
  },
  {
    name: 'flexflow-unknown-integrationtype-as-studio',
    description: 'An IntegrationType outside studio, external, task is taken as studio instead of refused.',
    trips: ['FLEXFLOW-INTEGRATION-TYPE-ENUM', 'FLEXFLOW-INVALID-ENUM-REJECTED'],
    wire: rewritingForm(postsFlexFlow, (form) => {
      const type = form.get('IntegrationType');
      if (type !== null && !['studio', 'external', 'task'].includes(type))
        form.set('IntegrationType', 'studio');
    }),
  },
  {
    name: 'flexflow-chatservicesid-prefix-unchecked',
    description: 'ChatServiceSid is checked for 32 hex digits but not for its IS prefix.',
    trips: ['FLEXFLOW-CHATSERVICESID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
    behaviour: { flexFlows: { sidPatterns: { ChatServiceSid: /^[A-Za-z]{2}[0-9a-fA-F]{32}$/ } } },
  },
  {
    name: 'flexflow-flowsid-any-prefix',
    description: 'Integration.FlowSid accepts any string (a loose SID pattern).',
    trips: ['FLEXFLOW-FLOWSID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
    behaviour: { flexFlows: { sidPatterns: { 'Integration.FlowSid': /^/ } } },
  },
  {
    name: 'flexflow-workspacesid-prefix-only',
    description: 'Integration.WorkspaceSid is only checked to start with WS (any length, any characters).',
    trips: ['FLEXFLOW-WORKSPACESID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
    behaviour: { flexFlows: { sidPatterns: { 'Integration.WorkspaceSid': /^WS/ } } },
  },
  {
    name: 'flexflow-workflowsid-any-length',
    description: 'Integration.WorkflowSid is checked for WW and hex digits but not for length 34.',
    trips: ['FLEXFLOW-WORKFLOWSID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
    behaviour: { flexFlows: { sidPatterns: { 'Integration.WorkflowSid': /^WW[0-9a-fA-F]+$/ } } },
  },
  {
    name: 'flexflow-studio-skips-flowsid-check',
    description: 'A studio Flex Flow is accepted without Integration.FlowSid.',
    trips: ['FLEXFLOW-STUDIO-REQUIRES-FLOWSID'],
    behaviour: { flexFlows: { requiredIntegration: { studio: [] } } },
  },
  {
    name: 'flexflow-external-skips-url-check',
    description: 'An external Flex Flow is accepted without Integration.Url.',
    trips: ['FLEXFLOW-EXTERNAL-REQUIRES-URL'],
    behaviour: { flexFlows: { requiredIntegration: { external: [] } } },
  },
  {
    name: 'flexflow-task-skips-workspace-check',
    description: 'A task Flex Flow is accepted without Integration.WorkspaceSid.',
    trips: ['FLEXFLOW-TASK-REQUIRES-WORKSPACESID'],
    behaviour: { flexFlows: { requiredIntegration: { task: ['WorkflowSid'] } } },
  },
  {
    name: 'flexflow-task-skips-workflow-check',
    description: 'A task Flex Flow is accepted without Integration.WorkflowSid.',
    trips: ['FLEXFLOW-TASK-REQUIRES-WORKFLOWSID'],
    behaviour: { flexFlows: { requiredIntegration: { task: ['WorkspaceSid'] } } },
  },
  {
    name: 'flexflow-retrycount-off-by-one',
    description: 'Integration.RetryCount accepts 4.',
    trips: ['FLEXFLOW-RETRYCOUNT-RANGE'],
    behaviour: { flexFlows: { retryCount: { max: 4 } } },
  },
  {
    name: 'flexflow-contact-identity-required',
    description: 'A create without ContactIdentity is refused 400/20001 as a missing parameter.',
    trips: ['FLEXFLOW-CONTACT-IDENTITY-OPTIONAL'],
    wire: onRoute('flex-api', 'POST', flowsPath, async (response, request, _route, ctx) => {
      if (response.status !== 201 || new URLSearchParams(request.body).get('ContactIdentity'))
        return response;
      const sid = jsonBodyOf(response)?.sid;
      if (typeof sid === 'string') await ctx.call('flex-api', 'DELETE', `${flowsPath}/${sid}`);
      return { status: 400, body: missingParameter('ContactIdentity').toBody() };
    }),
  },
  {
    name: 'flexflow-contact-identity-empty-string',
    description: 'A flow created without ContactIdentity has contact_identity "" instead of null.',
    trips: ['FLEXFLOW-CONTACT-IDENTITY-OMITTED'],
    behaviour: { flexFlows: { createDefaults: { contactIdentity: '' } } },
  },
  {
    name: 'flexflow-creation-on-message-dropped',
    description: 'Integration.CreationOnMessage is accepted but not stored.',
    trips: ['FLEXFLOW-CREATION-ON-MESSAGE-OUTBOUND-ONLY'],
    behaviour: { flexFlows: { integrationParameters: { task: taskParametersButCreationOnMessage } } },
  },
  {
    name: 'flexflow-echoes-inapplicable-params',
    description: 'Task-only Integration.Timeout/Priority are stored on studio and external flows.',
    trips: ['FLEXFLOW-TASK-ONLY-PARAMS-NOT-APPLICABLE'],
    behaviour: {
      flexFlows: {
        integrationParameters: {
          studio: ['FlowSid', 'RetryCount', 'Timeout', 'Priority'],
          external: ['Url', 'RetryCount', 'Timeout', 'Priority'],
        },
      },
    },
  },

  // Defaults.
  {
    name: 'flexflow-longlived-default-true',
    description: 'LongLived defaults to true on create (the example value, not the documented default).',
    trips: ['FLEXFLOW-LONGLIVED-DEFAULT-FALSE'],
    behaviour: { flexFlows: { createDefaults: { longLived: true } } },
  },
  {
    name: 'flexflow-janitor-default-true',
    description: 'JanitorEnabled defaults to true on create (the example value, not the documented default).',
    trips: ['FLEXFLOW-JANITOR-DEFAULT-FALSE'],
    behaviour: { flexFlows: { createDefaults: { janitorEnabled: true } } },
  },
  {
    name: 'flexflow-retrycount-default-1',
    description: 'Integration.RetryCount defaults to 1 (the example value) instead of 3.',
    trips: ['FLEXFLOW-RETRYCOUNT-DEFAULT'],
    behaviour: { flexFlows: { retryCount: { default: 1 } } },
  },
  {
    name: 'flexflow-task-timeout-default-3600',
    description:
      "A task flow's Integration.Timeout defaults to 3600 (the widget's default) instead of 86,400.",
    trips: ['FLEXFLOW-TASK-TIMEOUT-DEFAULT'],
    behaviour: { flexFlows: { taskTimeout: { default: 3600 } } },
  },
  {
    name: 'flexflow-task-priority-unset',
    description: "A task flow's Integration.Priority is left unset instead of defaulting to 0.",
    trips: ['FLEXFLOW-TASK-DEFAULTS-ECHOED'],
    behaviour: { flexFlows: { taskPriority: { default: undefined } } },
  },
  {
    name: 'flexflow-task-channel-no-default',
    description: 'A task flow created without Integration.Channel has channel null instead of "default".',
    trips: ['FLEXFLOW-TASK-DEFAULTS-ECHOED'],
    behaviour: { flexFlows: { taskChannelDefault: null } },
  },

  {
    name: 'flexflow-task-defaults-not-applied',
    description:
      'A task flow created without Integration.Timeout/Priority/Channel shows 86400, 0 and "default" but creates its tasks with timeout 3600, priority 1 and the chat channel.',
    trips: [
      'FLEXFLOW-TASK-TIMEOUT-DEFAULT',
      'FLEXFLOW-TASK-PRIORITY-DEFAULT',
      'FLEXFLOW-TASK-CHANNEL-DEFAULT',
    ],
    wire: taskDefaultsShownNotApplied(),
  },

  {
    name: 'flexflow-creation-on-message-default-true',
    description:
      'A task flow created without Integration.CreationOnMessage takes it as true, and no chat of it ever gets a task.',
    trips: ['FLEXFLOW-CREATION-ON-MESSAGE-DEFAULT'],
    wire: rewritingForm(
      (request) =>
        request.method === 'POST' &&
        request.domain === 'flex-api' &&
        request.path === flowsPath &&
        new URLSearchParams(request.body).get('IntegrationType') === 'task',
      (form) => {
        if (!form.has('Integration.CreationOnMessage')) form.set('Integration.CreationOnMessage', 'true');
      },
    ),
  },

  // Fetch, update, delete.
  {
    name: 'flexflow-type-change-placeholder-integration',
    description:
      "An update changing IntegrationType without the new type's required parameters is accepted, with placeholder values for them.",
    trips: ['FLEXFLOW-UPDATE-INTEGRATION-TYPE-CHANGE'],
    wire: rewritingForm(
      (request) => request.method === 'POST' && request.domain === 'flex-api' && flowPath.test(request.path),
      (form) => {
        const type = form.get('IntegrationType');
        const placeholders = type === null ? undefined : placeholderIntegration[type];
        if (!placeholders || [...form.keys()].some((key) => key.startsWith('Integration.'))) return;
        for (const [name, value] of Object.entries(placeholders)) form.set(name, value);
      },
    ),
  },
  {
    name: 'flexflow-fetch-without-integration',
    description: 'Fetch serves a summary of the flow without its integration object.',
    trips: ['FLEXFLOW-FETCH-RETURNS-RESOURCE'],
    wire: rewritingFlexFlows(
      withoutIntegration,
      (route) => route.method === 'GET' && route.pattern === `${flowsPath}/:Sid`,
    ),
  },
  {
    name: 'flexflow-update-returns-201',
    description: 'Update answers 201 Created instead of 200.',
    trips: ['FLEXFLOW-UPDATE-RETURNS-200', 'FLEXFLOW-UPDATE-PARTIAL'],
    wire: onRoute('flex-api', 'POST', `${flowsPath}/:Sid`, (response) =>
      response.status === 200 ? { ...response, status: 201 } : response,
    ),
  },
  {
    name: 'flexflow-task-update-returns-201',
    description:
      'Update of a task flow answers 201 Created instead of 200 (studio and external flows get 200).',
    trips: ['FLEXFLOW-UPDATE-RETURNS-200'],
    wire: onRoute('flex-api', 'POST', `${flowsPath}/:Sid`, (response) =>
      response.status === 200 && jsonBodyOf(response)?.integration_type === 'task'
        ? { ...response, status: 201 }
        : response,
    ),
  },
  {
    name: 'flexflow-update-resets-unsent',
    description: 'Update resets fields it was not sent (LongLived, integration) to defaults.',
    trips: ['FLEXFLOW-UPDATE-PARTIAL'],
    behaviour: { flexFlows: { partialUpdate: false } },
  },
  {
    name: 'flexflow-update-unknown-creates',
    description:
      'Update of an unknown SID is answered 200 as if it created a flow under that SID (an upsert) instead of 404.',
    trips: ['FLEXFLOW-UPDATE-UNKNOWN-404'],
    wire: onRoute('flex-api', 'POST', `${flowsPath}/:Sid`, (response, request, _route, ctx) =>
      errorBodyOf(response)?.code === 20404 ? { status: 200, body: upsertedFlow(request, ctx) } : response,
    ),
  },
  {
    name: 'flexflow-refused-update-applied',
    description: 'An update refused for one invalid value (400) still applies the FriendlyName it carried.',
    trips: ['FLEXFLOW-INVALID-ENUM-REJECTED', 'FLEXFLOW-INVALID-SID-REJECTED', 'FLEXFLOW-RETRYCOUNT-RANGE'],
    wire: onRoute('flex-api', 'POST', `${flowsPath}/:Sid`, async (response, request, _route, ctx) => {
      const name = new URLSearchParams(request.body).get('FriendlyName');
      if (response.status === 400 && name)
        await ctx.call('flex-api', 'POST', request.path, { FriendlyName: name });
      return response;
    }),
  },
  {
    name: 'flexflow-task-refused-update-applied',
    description:
      'An update of a task flow refused for one invalid value (400) still applies the FriendlyName it carried.',
    trips: ['FLEXFLOW-INVALID-ENUM-REJECTED', 'FLEXFLOW-INVALID-SID-REJECTED'],
    wire: onRoute('flex-api', 'POST', `${flowsPath}/:Sid`, async (response, request, _route, ctx) => {
      const name = new URLSearchParams(request.body).get('FriendlyName');
      if (response.status !== 400 || !name) return response;
      const flow = await ctx.call('flex-api', 'GET', request.path);
      if (jsonBodyOf(flow)?.integration_type === 'task')
        await ctx.call('flex-api', 'POST', request.path, { FriendlyName: name });
      return response;
    }),
  },
  {
    name: 'flexflow-delete-returns-200',
    description: 'Delete answers 200 with the deleted flow instead of 204 with no body.',
    trips: ['FLEXFLOW-DELETE-RETURNS-204', 'WIRE-DELETE-204'],
    // The flow is fetched, then deleted in-process, and the fetched flow is the answer.
    wire: deleteAnsweredFromFetch(async (fetched, request, ctx) => {
      await ctx.call('flex-api', 'DELETE', request.path);
      return fetched;
    }),
  },
  {
    name: 'flexflow-delete-not-persisted',
    description: 'Delete answers 204 but the flow stays: fetch still finds it.',
    trips: ['FLEXFLOW-DELETE-THEN-404'],
    // The delete reaches the emulator as a fetch: the flow stays.
    wire: deleteAnsweredFromFetch(() => ({ status: 204 })),
  },

  // Listing and paging.
  {
    name: 'flexflow-list-key-results',
    description:
      'The list puts its records under "results" (and meta.key "results") instead of "flex_flows".',
    trips: [
      'FLEXFLOW-LIST-KEY-FLEX-FLOWS',
      'FLEXFLOW-LIST-CONTAINS-CREATED',
      'FLEXFLOW-PAGING-EVERY-ITEM-ONCE',
    ],
    wire: rewritingFlexFlowPage(({ meta, flex_flows: flows, ...page }) => ({
      ...page,
      meta: { ...meta, key: 'results' },
      results: flows,
    })),
  },
  {
    name: 'flexflow-list-without-integration',
    description: 'List records are summaries without the integration object.',
    trips: ['FLEXFLOW-LIST-CONTAINS-CREATED'],
    wire: rewritingFlexFlows(
      withoutIntegration,
      (route) => route.method === 'GET' && route.pattern === flowsPath,
    ),
  },
  {
    name: 'flexflow-list-external-without-url',
    description: 'List records of external flows leave the webhook url out of their integration object.',
    trips: ['FLEXFLOW-LIST-CONTAINS-CREATED'],
    wire: rewritingFlexFlows(
      (flow) => {
        if (flow.integration_type !== 'external' || !isJsonObject(flow.integration)) return flow;
        const { url: _left, ...integration } = flow.integration;
        return { ...flow, integration };
      },
      (route) => route.method === 'GET' && route.pattern === flowsPath,
    ),
  },
  {
    name: 'flexflow-friendlyname-filter-prefix-any-case',
    description: 'The FriendlyName filter lists every flow whose name starts with it, in any letter case.',
    trips: ['FLEXFLOW-LIST-FILTER-FRIENDLYNAME'],
    behaviour: {
      flexFlows: {
        friendlyNameMatches: (friendlyName, filter) =>
          friendlyName.toLowerCase().startsWith(filter.toLowerCase()),
      },
    },
  },
  {
    name: 'flexflow-friendlyname-filter-ignored',
    description: 'The FriendlyName query parameter is ignored: the list holds every flow.',
    trips: ['FLEXFLOW-LIST-FILTER-FRIENDLYNAME', 'FLEXFLOW-PAGING-EVERY-ITEM-ONCE'],
    wire: {
      request: (request) => {
        if (request.method !== 'GET' || request.domain !== 'flex-api' || request.path !== flowsPath)
          return request;
        const query = new URLSearchParams(request.query);
        query.delete('FriendlyName');
        return { ...request, query };
      },
    },
  },
  {
    name: 'flexflow-pagesize-default-20',
    description: 'PageSize defaults to 20 instead of 50.',
    trips: ['FLEXFLOW-PAGESIZE-DEFAULT-50'],
    behaviour: { flexFlows: { pageSize: { default: 20 } } },
  },
  {
    name: 'flexflow-pagesize-max-exclusive',
    description: 'PageSize 1000 is refused: the upper bound is checked with < instead of <=.',
    trips: ['FLEXFLOW-PAGESIZE-BOUNDS', 'FLEXFLOW-LIST-CONTAINS-CREATED'],
    behaviour: { flexFlows: { pageSize: { max: 999 } } },
  },
  {
    name: 'flexflow-paging-drops-item',
    description: 'A paged list drops the first item of the second page.',
    trips: ['FLEXFLOW-PAGING-EVERY-ITEM-ONCE'],
    wire: rewritingFlexFlowPage((page) => {
      const key = String(page.meta.key);
      if (page.meta.page === 1 && Array.isArray(page[key])) page[key] = page[key].slice(1);
      return page;
    }),
  },
  {
    name: 'interaction-routing-shows-taskrouter-task',
    description:
      "A created Interaction's routing.properties is the TaskRouter Task resource (task_queue_friendly_name, ISO dates), not the Interactions task object.",
    trips: ['CONV-INTERACTION-ROUTING-TASK-OBJECT'],
    wire: onRoute('flex-api', 'POST', '/v1/Interactions', (response) => {
      const body = jsonBodyOf(response);
      const routing = body && isJsonObject(body.routing) ? body.routing : undefined;
      if (!routing || !isJsonObject(routing.properties) || response.status >= 400) return response;
      const { queue_name, workflow_name, age_in_queue: _age, ...task } = routing.properties;
      const iso = (seconds: unknown) => new Date(Number(seconds) * 1000).toISOString();
      const properties = {
        ...task,
        task_queue_friendly_name: queue_name,
        workflow_friendly_name: workflow_name,
        date_created: iso(task.date_created),
        date_updated: iso(task.date_updated),
        task_queue_entered_date: iso(task.task_queue_entered_date),
      };
      return { ...response, body: { ...body, routing: { properties } } };
    }),
  },
] as const satisfies readonly FaultSpec[];
