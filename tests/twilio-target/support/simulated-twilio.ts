import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { type Domain, domainOfHost, forwardedHostHeader, twilioHost } from '../../../contracts/domains';
import { flowDefinition, sendToFlexWidget } from '../../../generators/studio';
import { type CallOutReach, onThisMachine, throughPublicUrl } from '../../../mock/core/call-outs';
import type { FaultName } from '../../../mock/faults';
import { type RunningMock, startMock } from '../../../mock/server';
import { apiOperation } from '../../../targets/http/rate-limits';

/**
 * A staging Twilio account, simulated on loopback: the embedded mock answers the API, a thin layer
 * in front of it logs every request as Twilio's edge would see it (host, path, form, auth header),
 * answers the account's Flex configuration, and can be scripted to throttle, fail, hang or refuse
 * (end of life). Requests reach it from nock (see intercept-twilio.ts), which stands in for
 * Twilio's hosts: nothing leaves loopback.
 */

export const stagingAccountSid = `AC${'5ea1'.repeat(8)}`;
/** Distinctive, so tests can search every output byte for it. */
export const stagingAuthToken = 'flexconf-staging-token-9d2e7c41b6';
/** The Flex configuration's Conversations service (answered, not modelled by the mock). */
export const conversationsServiceSid = `IS${'c0c0'.repeat(8)}`;

/** What the simulated account was provisioned with, as installing Flex does (all untagged). */
export interface FlexAccount {
  readonly workspaceSid: string;
  readonly workflowSid: string;
  readonly chatServiceSid: string;
  readonly studioFlowSids: readonly string[];
  readonly flexFlowSids: readonly string[];
  /** The account's voice number, answered by the Voice IVR flow (what `--voice-number` names). */
  readonly voiceNumber: string;
  /** That number's voice URL as provisioned, which a run must leave as it found it. */
  readonly voiceUrl: string;
  /** The account's two SMS numbers (what `--sms-numbers` names), answered by the Messaging flow. */
  readonly smsNumbers: readonly string[];
  /** Their SMS URL as provisioned, which a run must leave as it found it. */
  readonly smsUrl: string;
}

/** The phone number the simulated account owns for voice. */
export const stagingVoiceNumber = '+14155550199';
/** The phone numbers the simulated account owns for SMS. */
export const stagingSmsNumbers: readonly string[] = ['+14155550197', '+14155550198'];

export interface LoggedRequest {
  /** ms since the simulator started. */
  readonly at: number;
  readonly method: string;
  readonly host: string;
  readonly domain: Domain;
  /** Path with query string. */
  readonly path: string;
  readonly body: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  /** Who sent it: the checks' client, or a tool with its own HTTP client. */
  readonly userAgent: string | undefined;
  /** `flex-api /v1/FlexFlows create`. */
  readonly operation: string;
  status?: number;
  /** The answer's body (what the account sent back). */
  response?: string;
}

/** A scripted answer in place of the mock's; undefined lets the mock answer. `hang` never answers. */
export type Script = (
  request: LoggedRequest,
) => { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | undefined;

export interface SimulatedTwilio {
  /** Where nock forwards Twilio's hosts to. */
  readonly url: string;
  readonly mock: RunningMock;
  readonly flex: FlexAccount;
  readonly log: LoggedRequest[];
  /** Replaces the current script (the account's canned answers stay underneath). */
  script(next: Script | undefined): void;
  /** Requests straight to the mock's API (seeding, inspecting), outside the log. */
  call(
    domain: Domain,
    method: string,
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface StagingAccount {
  /** Programmable Chat for Flex answers 410 with an end-of-life message. */
  readonly endOfLife?: boolean;
  /** The account has no Flex configuration (not a Flex account). */
  readonly withoutFlex?: boolean;
  /**
   * The tunnel the run was given (`--public-url`, `--stub-port`): the account's call-outs to the
   * public URL land on that loopback port. Absent: its call-outs reach nothing here, and never
   * loopback, which a cloud platform cannot reach either.
   */
  readonly tunnel?: Tunnel;
  /** Reached as a URL target (another implementation on this machine): its call-outs reach loopback. */
  readonly onThisMachine?: boolean;
}

export interface Tunnel {
  readonly publicUrl: string;
  readonly stubPort: number;
}

/** A public URL the simulated account reaches (the tunnel itself is the simulator's forwarding). */
export const stagingPublicUrl = 'https://flexconf-tunnel.example.net/suite';

/** A platform in the cloud without a tunnel to this machine reaches none of its URLs. */
const reachesNothingHere: CallOutReach = { locate: () => undefined };

const endOfLifeBody = {
  code: 20410,
  message: 'Programmable Chat for Flex has reached end of life on June 1, 2026 and is no longer available',
  more_info: 'https://www.twilio.com/docs/errors/20410',
  status: 410,
};

/** The answers a real Flex account gives that the mock does not model: its Flex and Conversations configurations. */
function accountAnswers(account: StagingAccount, flex: FlexAccount): Script {
  return (request) => {
    const path = request.path.split('?')[0];
    if (request.method !== 'GET' || path !== '/v1/Configuration') return undefined;
    if (account.withoutFlex) {
      // An account without Flex has no Flex configuration (the mock serves one for every account).
      return request.domain === 'flex-api'
        ? {
            status: 404,
            body: {
              code: 20404,
              message: 'The requested resource /v1/Configuration was not found',
              more_info: 'https://www.twilio.com/docs/errors/20404',
              status: 404,
            },
          }
        : undefined;
    }
    if (request.domain === 'flex-api') {
      return {
        status: 200,
        body: {
          account_sid: stagingAccountSid,
          taskrouter_workspace_sid: flex.workspaceSid,
          chat_service_instance_sid: flex.chatServiceSid,
          ui_version: '2.13.0',
          url: 'https://flex-api.twilio.com/v1/Configuration',
        },
      };
    }
    if (request.domain === 'conversations') {
      return {
        status: 200,
        body: {
          account_sid: stagingAccountSid,
          default_chat_service_sid: conversationsServiceSid,
          url: 'https://conversations.twilio.com/v1/Configuration',
        },
      };
    }
    return undefined;
  };
}

/** Programmable Chat for Flex after its end: every Flex Flow and chat request refused. */
function endOfLifeAnswers(account: StagingAccount): Script {
  return (request) =>
    account.endOfLife &&
    ((request.domain === 'flex-api' && request.path.startsWith('/v1/FlexFlows')) || request.domain === 'chat')
      ? { status: 410, body: endOfLifeBody }
      : undefined;
}

export async function startSimulatedTwilio(
  account: StagingAccount = {},
  faults: readonly FaultName[] = [],
): Promise<SimulatedTwilio> {
  const mock = await startMock({
    credentials: { accountSid: stagingAccountSid, authToken: stagingAuthToken },
    faults,
    callOuts: account.onThisMachine
      ? onThisMachine
      : account.tunnel
        ? throughPublicUrl(account.tunnel.publicUrl, `http://127.0.0.1:${account.tunnel.stubPort}`)
        : reachesNothingHere,
  });
  const flex = await provisionFlex(mock);
  const started = performance.now();
  const log: LoggedRequest[] = [];
  let scripted: Script | undefined;
  const layers: Script[] = [(r) => scripted?.(r), accountAnswers(account, flex), endOfLifeAnswers(account)];

  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await text(incoming);
    const host = String(incoming.headers[forwardedHostHeader] ?? '');
    const path = incoming.url ?? '/';
    const domain = domainOfHost(host);
    if (!domain) {
      outgoing.writeHead(502).end(`not a Twilio host: ${host}`);
      return;
    }
    const method = incoming.method ?? 'GET';
    const entry: LoggedRequest = {
      at: performance.now() - started,
      method,
      host,
      domain,
      path,
      body,
      authorization: incoming.headers.authorization,
      contentType: incoming.headers['content-type'],
      userAgent: incoming.headers['user-agent'],
      operation: apiOperation(method, domain, `https://${host}${path}`).key,
    };
    log.push(entry);
    for (const layer of layers) {
      const answer = layer(entry);
      if (answer === 'hang') return;
      if (answer) {
        entry.status = answer.status;
        const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
        entry.response = text;
        outgoing
          .writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
          .end(text);
        return;
      }
    }
    const answer = await forward(mock, domain, method, path, body, incoming.headers);
    entry.status = answer.status;
    entry.response = asTwilioUrls(answer.text, mock, domain);
    outgoing.writeHead(answer.status, answer.headers).end(entry.response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    mock,
    flex,
    log,
    script: (next) => {
      scripted = next;
    },
    async call(domain, method, path, form) {
      const body = form ? new URLSearchParams(form).toString() : '';
      const answer = await forward(mock, domain, method, path, body, stagingHeaders);
      return {
        status: answer.status,
        json: answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {},
      };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
    },
  };
}

/**
 * What installing Flex creates, made through the mock's API: the Flex TaskRouter workspace with
 * a queue and the "Assign to Anyone" workflow, the Flex chat service, the Voice IVR, Messaging and
 * Webchat Studio flows (each with a send-to-flex widget), the SMS and web chat Flex Flows, a voice
 * number and two SMS numbers.
 */
async function provisionFlex(mock: RunningMock): Promise<FlexAccount> {
  const post = async (domain: Domain, path: string, form: Record<string, string>) => {
    const answer = await forward(
      mock,
      domain,
      'POST',
      path,
      new URLSearchParams(form).toString(),
      stagingHeaders,
    );
    if (answer.status >= 300) throw new Error(`provisioning ${path}: ${answer.status} ${answer.text}`);
    return JSON.parse(answer.text) as { sid: string };
  };
  const workspace = await post('taskrouter', '/v1/Workspaces', { FriendlyName: 'Flex Task Assignment' });
  const queue = await post('taskrouter', `/v1/Workspaces/${workspace.sid}/TaskQueues`, {
    FriendlyName: 'Everyone',
    TargetWorkers: '1==1',
  });
  const workflow = await post('taskrouter', `/v1/Workspaces/${workspace.sid}/Workflows`, {
    FriendlyName: 'Assign to Anyone',
    Configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
  });
  const chatService = await post('chat', '/v2/Services', { FriendlyName: 'Flex Chat Service' });
  const studioFlowSids: string[] = [];
  for (const [name, trigger] of [
    ['Voice IVR', 'incomingCall'],
    ['Messaging Flow', 'incomingMessage'],
    ['Webchat Flow', 'incomingMessage'],
  ] as const) {
    const definition = flowDefinition(trigger, [
      sendToFlexWidget('SendToFlex', { workflow: workflow.sid, channel: 'default' }),
    ]);
    const flow = await post('studio', '/v2/Flows', {
      FriendlyName: name,
      Status: 'published',
      Definition: JSON.stringify(definition),
    });
    studioFlowSids.push(flow.sid);
  }
  const flexFlowSids: string[] = [];
  for (const [name, channelType, flowSid] of [
    ['Flex Messaging Channel', 'sms', studioFlowSids[1]],
    ['Flex Web Channel', 'web', studioFlowSids[2]],
  ] as const) {
    const flexFlow = await post('flex-api', '/v1/FlexFlows', {
      FriendlyName: name,
      ChatServiceSid: chatService.sid,
      ChannelType: channelType,
      IntegrationType: 'studio',
      'Integration.FlowSid': String(flowSid),
    });
    flexFlowSids.push(flexFlow.sid);
  }
  const voiceUrl = `https://${twilioHost('webhooks')}/v1/Accounts/${stagingAccountSid}/Flows/${studioFlowSids[0]}`;
  await post('api', `/2010-04-01/Accounts/${stagingAccountSid}/IncomingPhoneNumbers.json`, {
    PhoneNumber: stagingVoiceNumber,
    FriendlyName: 'Flex voice',
    VoiceUrl: voiceUrl,
  });
  const smsUrl = `https://${twilioHost('webhooks')}/v1/Accounts/${stagingAccountSid}/Flows/${studioFlowSids[1]}`;
  for (const phoneNumber of stagingSmsNumbers)
    await post('api', `/2010-04-01/Accounts/${stagingAccountSid}/IncomingPhoneNumbers.json`, {
      PhoneNumber: phoneNumber,
      FriendlyName: 'Flex SMS',
      SmsUrl: smsUrl,
    });
  return {
    workspaceSid: workspace.sid,
    workflowSid: workflow.sid,
    chatServiceSid: chatService.sid,
    studioFlowSids,
    flexFlowSids,
    voiceNumber: stagingVoiceNumber,
    voiceUrl,
    smsNumbers: stagingSmsNumbers,
    smsUrl,
  };
}

const stagingHeaders = {
  authorization: `Basic ${Buffer.from(`${stagingAccountSid}:${stagingAuthToken}`).toString('base64')}`,
  'content-type': 'application/x-www-form-urlencoded',
};

/** Headers of the connection, not of the request (and the forwarding header this layer sets itself). */
const notForwarded = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  forwardedHostHeader,
]);

/** The mock serves every domain from one origin: the domain goes in X-Forwarded-Host. */
function forward(
  mock: RunningMock,
  domain: Domain,
  method: string,
  path: string,
  body: string,
  headers: IncomingMessage['headers'],
): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, mock.url);
    const outgoing = httpRequest(
      target,
      {
        method,
        headers: {
          ...Object.fromEntries(Object.entries(headers).filter(([name]) => !notForwarded.has(name))),
          [forwardedHostHeader]: twilioHost(domain),
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        text(response).then((body) => {
          const contentType = response.headers['content-type'];
          resolve({
            status: response.statusCode ?? 502,
            headers: contentType ? { 'content-type': contentType } : {},
            text: body,
          });
        }, reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The mock's own URLs, as Twilio would give them: https on the domain that serves the path. */
function asTwilioUrls(text: string, mock: RunningMock, requested: Domain): string {
  const origin = mock.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${origin}(/[^"\\s<]*)`, 'g'), (_all, path: string) => {
    const pathname = path.split('?')[0] ?? '';
    const serving = mock.app.router.domainsServing(pathname);
    const domain = serving.includes(requested) ? requested : (serving[0] ?? requested);
    return `https://${twilioHost(domain)}${path}`;
  });
}
