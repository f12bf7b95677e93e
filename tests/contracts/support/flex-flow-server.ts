import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second, independent implementation of the Flex Flow resource (create, fetch, list by
 * FriendlyName, update, delete, Twilio's error bodies), written from Twilio's documentation with
 * node:http alone, so `pact verify` is shown to work on something other than the embedded mock.
 * `mutation` breaks it in one named way, for the failing case.
 */
export type Mutation = 'list-key-camelcase' | 'delete-answers-200';

export interface FlexFlowServer {
  readonly url: string;
  close(): Promise<void>;
}

type Flow = Record<string, unknown> & { sid: string; friendly_name: string };

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export async function startFlexFlowServer(
  credentials: { accountSid: string; authToken: string },
  mutation?: Mutation,
): Promise<FlexFlowServer> {
  const flows = new Map<string, Flow>();
  const expectedAuth = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;

  const server = createServer(async (req, res) => {
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.authorization !== expectedAuth) return error(res, 401, 20003, 'Authenticate');
    const form = new URLSearchParams(await bodyOf(req));
    const match = /^\/v1\/FlexFlows(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return error(res, 404, 20404, `The requested resource ${url.pathname} was not found`);
    const sid = match[1];
    if (!sid && req.method === 'POST') {
      for (const required of ['FriendlyName', 'ChatServiceSid', 'ChannelType']) {
        if (!form.get(required))
          return error(res, 400, 20001, `Missing required parameter ${required} in the post body`);
      }
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const flow: Flow = {
        account_sid: credentials.accountSid,
        sid: `FO${hex(16)}`,
        friendly_name: form.get('FriendlyName') ?? '',
        chat_service_sid: form.get('ChatServiceSid'),
        channel_type: form.get('ChannelType'),
        contact_identity: form.get('ContactIdentity'),
        enabled: form.get('Enabled') === 'true',
        integration_type: form.get('IntegrationType') ?? 'studio',
        integration: integrationOf(form),
        long_lived: form.get('LongLived') === 'true',
        janitor_enabled: form.get('JanitorEnabled') === 'true',
        date_created: now,
        date_updated: now,
        url: '',
      };
      flow.url = `${origin}/v1/FlexFlows/${flow.sid}`;
      flows.set(flow.sid, flow);
      return json(res, 201, flow);
    }
    if (!sid && req.method === 'GET') {
      const name = url.searchParams.get('FriendlyName');
      const items = [...flows.values()].filter((flow) => name === null || flow.friendly_name === name);
      const pageUrl = `${origin}/v1/FlexFlows?${url.searchParams}${url.search ? '&' : ''}PageSize=50&Page=0`;
      const meta = {
        page: 0,
        page_size: 50,
        first_page_url: pageUrl,
        previous_page_url: null,
        url: pageUrl,
        next_page_url: null,
        key: 'flex_flows',
      };
      return json(res, 200, {
        [mutation === 'list-key-camelcase' ? 'flexFlows' : 'flex_flows']: items,
        meta,
      });
    }
    const flow = sid ? flows.get(sid) : undefined;
    if (!flow) return error(res, 404, 20404, `The requested resource /FlexFlows/${sid} was not found`);
    if (req.method === 'GET') return json(res, 200, flow);
    if (req.method === 'POST') {
      if (form.has('FriendlyName')) flow.friendly_name = form.get('FriendlyName') ?? '';
      flow.date_updated = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      return json(res, 200, flow);
    }
    if (req.method === 'DELETE') {
      flows.delete(flow.sid);
      if (mutation === 'delete-answers-200') return json(res, 200, flow);
      res.writeHead(204).end();
      return;
    }
    return error(res, 405, 20004, 'Method not allowed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function integrationOf(form: URLSearchParams): Record<string, unknown> {
  const integration: Record<string, unknown> = { retry_count: 3 };
  const fields: Record<string, string> = {
    'Integration.FlowSid': 'flow_sid',
    'Integration.WorkspaceSid': 'workspace_sid',
    'Integration.WorkflowSid': 'workflow_sid',
    'Integration.Channel': 'channel',
    'Integration.Url': 'url',
  };
  for (const [param, field] of Object.entries(fields))
    if (form.has(param)) integration[field] = form.get(param);
  const numbers: Record<string, string> = {
    'Integration.Priority': 'priority',
    'Integration.Timeout': 'timeout',
    'Integration.RetryCount': 'retry_count',
  };
  for (const [param, field] of Object.entries(numbers))
    if (form.has(param)) integration[field] = Number(form.get(param));
  if (form.get('IntegrationType') === 'task') integration.channel ??= 'default';
  return integration;
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: number, message: string): void {
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}
