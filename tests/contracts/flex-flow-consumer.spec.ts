/**
 * Consumer side of the Flex Flow contract: what a provisioning client relies on from the Flex Flow
 * API, recorded as a Pact V4 file. The provider side (suites/contracts/flex-flow-provider.spec.ts)
 * verifies the committed copy of that file against whichever target a conformance run selects.
 *
 * The pact is written to a fresh temporary directory (pact files merge, so a stale one would leak
 * old interactions), then compared with the committed file
 * contracts/pacts/flex-provisioning-client-twilio-flex-api.json. After changing an interaction,
 * regenerate the committed file with
 *
 *   FLEXCONF_UPDATE_PACTS=1 npx playwright test tests/contracts/flex-flow-consumer.spec.ts
 *
 * which copies the fresh pact over the committed one (review the diff, then commit it).
 *
 * No SID of a resource the provider must already hold is hard-coded in a path: a real account will
 * not let the provider choose SIDs, so fetch/update/delete/list take theirs (and the FriendlyName,
 * which the provider tags with its run id) from provider-state-injected values.
 */
// Read by the native Pact library when a mock server first starts, so setting it here, before any
// PactV3 is created, is early enough even though the ESM imports below are hoisted.
process.env.PACT_DO_NOT_TRACK = 'true';

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchersV3, PactV3, SpecificationVersion, type V3Interaction } from '@pact-foundation/pact';
import { makeConsumerPact } from '@pact-foundation/pact-core';
import { expect, test } from '@playwright/test';
import { scratchDir } from '../scratch';

const { boolean, eachLike, fromProviderState, integer, like, regex } = MatchersV3;

const consumerName = 'flex-provisioning-client';
const providerName = 'twilio-flex-api';
const pactFileName = `${consumerName}-${providerName}.json`;
const committedPact = join(dirname(fileURLToPath(import.meta.url)), '../../contracts/pacts', pactFileName);

// ---------------------------------------------------------------- the consumer under test

type FormValue = string | number | boolean;

interface FlexFlow {
  sid: string;
  account_sid: string;
  friendly_name: string;
  chat_service_sid: string;
  channel_type: string;
  enabled: boolean;
  integration_type: string;
  integration: Record<string, unknown>;
  long_lived: boolean;
  janitor_enabled: boolean;
  date_created: string;
  date_updated: string;
  url: string;
}

class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly moreInfo: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

/**
 * The tiny provisioning client the pact describes: fetch-based, form-encoded bodies (spaces as %20,
 * as twilio-node sends them), HTTP Basic auth, Twilio error bodies turned into TwilioApiError.
 */
class FlexProvisioningClient {
  constructor(
    private readonly baseUrl: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  createFlow(params: Readonly<Record<string, FormValue>>): Promise<FlexFlow> {
    return this.request<FlexFlow>('POST', '/v1/FlexFlows', params, 201);
  }

  fetchFlow(sid: string): Promise<FlexFlow> {
    return this.request<FlexFlow>('GET', `/v1/FlexFlows/${sid}`, undefined, 200);
  }

  async findFlowsByName(friendlyName: string): Promise<FlexFlow[]> {
    const page = await this.request<{ meta: { key: string }; [key: string]: unknown }>(
      'GET',
      `/v1/FlexFlows?${encodeForm({ FriendlyName: friendlyName })}`,
      undefined,
      200,
    );
    return page[page.meta.key] as FlexFlow[];
  }

  updateFlow(sid: string, params: Readonly<Record<string, FormValue>>): Promise<FlexFlow> {
    return this.request<FlexFlow>('POST', `/v1/FlexFlows/${sid}`, params, 200);
  }

  async deleteFlow(sid: string): Promise<void> {
    await this.request('DELETE', `/v1/FlexFlows/${sid}`, undefined, 204);
  }

  private async request<T>(
    method: string,
    path: string,
    form: Readonly<Record<string, FormValue>> | undefined,
    expectedStatus: number,
  ): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`,
      accept: 'application/json',
    };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: form ? encodeForm(form) : undefined,
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : undefined;
    if (response.status >= 400) {
      throw new TwilioApiError(response.status, body?.code, body?.message, body?.more_info);
    }
    if (response.status !== expectedStatus) {
      throw new Error(`${method} ${path}: expected HTTP ${expectedStatus}, got ${response.status}`);
    }
    return body as T;
  }
}

function encodeForm(form: Readonly<Record<string, FormValue>>): string {
  return Object.entries(form)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

// ---------------------------------------------------------------- example values and matchers

const hex = (seed: string) => seed.repeat(32).slice(0, 32);
const sidPattern = (prefix: string) => `^${prefix}[0-9a-fA-F]{32}$`;
const isoDate = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';

const example = {
  accountSid: `AC${hex('0a1b')}`,
  flowSid: `FO${hex('5e7f')}`,
  unknownFlowSid: `FO${hex('f0')}`,
  chatServiceSid: `IS${hex('1c2d')}`,
  studioFlowSid: `FW${hex('3e4f')}`,
  workspaceSid: `WS${hex('6a7b')}`,
  workflowSid: `WW${hex('8c9d')}`,
  date: '2026-06-01T09:30:00Z',
  friendlyName: 'Provisioned support flow',
};

/** Provider states; the provider test implements them through the public API. */
const states = {
  canCreate: 'the account can create Flex Flows',
  flowExists: 'a Flex Flow exists',
  noFlow: `no Flex Flow ${example.unknownFlowSid} exists`,
} as const;

/** The parameters the `flowExists` state creates its flow with (the fetch/update responses echo them). */
const existingFlowParams = {
  ChatServiceSid: example.chatServiceSid,
  ChannelType: 'web',
  IntegrationType: 'studio',
  'Integration.FlowSid': example.studioFlowSid,
};

const basicAuth = { Authorization: regex('^Basic [A-Za-z0-9+/]+=*$', 'Basic QUMwYTFiOnRva2Vu') };
const formRequest = 'application/x-www-form-urlencoded';
/** `${name}`: a provider-state expression, replaced on the provider side by the value its state handler returns. */
const stateValue = (name: 'sid' | 'friendlyName') => `\${${name}}`;
const injectedName = (suffix = '') =>
  fromProviderState(stateValue('friendlyName') + suffix, example.friendlyName + suffix);
const injectedSid = () => fromProviderState(stateValue('sid'), example.flowSid);
const flowPath = fromProviderState(`/v1/FlexFlows/${stateValue('sid')}`, `/v1/FlexFlows/${example.flowSid}`);

/** A Flex Flow representation; `fields` replaces or adds fields (exact values where the provider must echo them). */
function flexFlowBody(fields: Record<string, unknown>) {
  return {
    account_sid: regex(sidPattern('AC'), example.accountSid),
    sid: regex(sidPattern('FO'), example.flowSid),
    friendly_name: like(example.friendlyName),
    chat_service_sid: regex(sidPattern('IS'), example.chatServiceSid),
    channel_type: 'web',
    enabled: boolean(false),
    integration_type: 'studio',
    long_lived: boolean(false),
    janitor_enabled: boolean(false),
    date_created: regex(isoDate, example.date),
    date_updated: regex(isoDate, example.date),
    url: regex(
      '^https?://\\S+/v1/FlexFlows/FO[0-9a-fA-F]{32}$',
      `https://flex-api.twilio.com/v1/FlexFlows/${example.flowSid}`,
    ),
    ...fields,
  };
}

function twilioError(status: number, code: number, message: string) {
  return {
    code,
    message: like(message),
    more_info: regex('^https?://\\S+$', `https://www.twilio.com/docs/errors/${code}`),
    status,
  };
}

/** Every interaction of the pact, by description (the provider test maps descriptions to rules). */
const interactions = {
  createStudio: {
    states: [{ description: states.canCreate, parameters: { purpose: 'studio' } }],
    uponReceiving: 'a request to create a studio Flex Flow',
    withRequest: {
      method: 'POST',
      path: '/v1/FlexFlows',
      headers: basicAuth,
      contentType: formRequest,
      body: {
        FriendlyName: injectedName(),
        ChatServiceSid: regex(sidPattern('IS'), example.chatServiceSid),
        ChannelType: 'web',
        IntegrationType: 'studio',
        'Integration.FlowSid': regex(sidPattern('FW'), example.studioFlowSid),
      },
    },
    willRespondWith: {
      status: 201,
      body: flexFlowBody({
        friendly_name: injectedName(),
        chat_service_sid: example.chatServiceSid,
        integration: { flow_sid: example.studioFlowSid, retry_count: integer(3) },
      }),
    },
  },
  createTask: {
    states: [{ description: states.canCreate, parameters: { purpose: 'task' } }],
    uponReceiving: 'a request to create a task Flex Flow',
    withRequest: {
      method: 'POST',
      path: '/v1/FlexFlows',
      headers: basicAuth,
      contentType: formRequest,
      body: {
        FriendlyName: injectedName(),
        ChatServiceSid: regex(sidPattern('IS'), example.chatServiceSid),
        ChannelType: 'sms',
        IntegrationType: 'task',
        'Integration.WorkspaceSid': regex(sidPattern('WS'), example.workspaceSid),
        'Integration.WorkflowSid': regex(sidPattern('WW'), example.workflowSid),
        'Integration.Priority': '5',
        'Integration.Timeout': '3600',
      },
    },
    willRespondWith: {
      status: 201,
      body: flexFlowBody({
        friendly_name: injectedName(),
        chat_service_sid: example.chatServiceSid,
        channel_type: 'sms',
        integration_type: 'task',
        integration: {
          workspace_sid: example.workspaceSid,
          workflow_sid: example.workflowSid,
          channel: like('default'),
          priority: 5,
          timeout: 3600,
        },
      }),
    },
  },
  fetch: {
    states: [{ description: states.flowExists, parameters: existingFlowParams }],
    uponReceiving: 'a request to fetch a Flex Flow',
    withRequest: { method: 'GET', path: flowPath, headers: basicAuth },
    willRespondWith: {
      status: 200,
      body: flexFlowBody({
        sid: injectedSid(),
        friendly_name: injectedName(),
        chat_service_sid: example.chatServiceSid,
        integration: { flow_sid: example.studioFlowSid, retry_count: integer(3) },
      }),
    },
  },
  listByName: {
    states: [{ description: states.flowExists, parameters: existingFlowParams }],
    uponReceiving: 'a request to list Flex Flows by FriendlyName',
    withRequest: {
      method: 'GET',
      path: '/v1/FlexFlows',
      query: { FriendlyName: injectedName() },
      headers: basicAuth,
    },
    willRespondWith: {
      status: 200,
      body: {
        meta: {
          key: 'flex_flows',
          page: integer(0),
          page_size: integer(50),
          url: regex(
            '^https?://\\S+/v1/FlexFlows\\?\\S*$',
            'https://flex-api.twilio.com/v1/FlexFlows?PageSize=50&Page=0',
          ),
          first_page_url: regex(
            '^https?://\\S+/v1/FlexFlows\\?\\S*$',
            'https://flex-api.twilio.com/v1/FlexFlows?PageSize=50&Page=0',
          ),
          previous_page_url: null,
          next_page_url: null,
        },
        flex_flows: eachLike(
          flexFlowBody({ integration: { flow_sid: regex(sidPattern('FW'), example.studioFlowSid) } }),
          1,
        ),
      },
    },
  },
  update: {
    states: [{ description: states.flowExists, parameters: existingFlowParams }],
    uponReceiving: 'a request to rename a Flex Flow (a partial update)',
    withRequest: {
      method: 'POST',
      path: flowPath,
      headers: basicAuth,
      contentType: formRequest,
      body: { FriendlyName: injectedName(' (renamed)') },
    },
    willRespondWith: {
      status: 200,
      body: flexFlowBody({
        sid: injectedSid(),
        friendly_name: injectedName(' (renamed)'),
        // Unsent parameters keep the values the flow was created with.
        chat_service_sid: example.chatServiceSid,
        integration: { flow_sid: example.studioFlowSid, retry_count: integer(3) },
      }),
    },
  },
  remove: {
    states: [{ description: states.flowExists, parameters: existingFlowParams }],
    uponReceiving: 'a request to delete a Flex Flow',
    withRequest: { method: 'DELETE', path: flowPath, headers: basicAuth },
    willRespondWith: { status: 204 },
  },
  fetchUnknown: {
    states: [{ description: states.noFlow, parameters: { sid: example.unknownFlowSid } }],
    uponReceiving: 'a request to fetch a Flex Flow that does not exist',
    withRequest: { method: 'GET', path: `/v1/FlexFlows/${example.unknownFlowSid}`, headers: basicAuth },
    willRespondWith: {
      status: 404,
      body: twilioError(
        404,
        20404,
        `The requested resource /FlexFlows/${example.unknownFlowSid} was not found`,
      ),
    },
  },
  createMissingParameter: {
    // The state tags the name so that a provider wrongly creating the flow can still clean it up.
    states: [{ description: states.canCreate, parameters: { purpose: 'missing-chat-service' } }],
    uponReceiving: 'a request to create a Flex Flow without ChatServiceSid',
    withRequest: {
      method: 'POST',
      path: '/v1/FlexFlows',
      headers: basicAuth,
      contentType: formRequest,
      body: { FriendlyName: injectedName(), ChannelType: 'web' },
    },
    willRespondWith: {
      status: 400,
      body: twilioError(400, 20001, 'Missing required parameter ChatServiceSid in the post body'),
    },
  },
} satisfies Record<string, V3Interaction>;

// ---------------------------------------------------------------- the consumer tests

test.describe('Flex Flow contract, consumer side (flex-provisioning-client)', () => {
  // One worker, in order: every interaction is merged into the same temporary pact file.
  test.describe.configure({ mode: 'serial' });

  let pactDir = '';
  test.beforeAll(() => {
    pactDir = scratchDir('pact');
  });
  test.afterAll(() => {
    if (pactDir) rmSync(pactDir, { recursive: true, force: true });
  });

  const newPact = () =>
    new PactV3({
      consumer: consumerName,
      provider: providerName,
      dir: pactDir,
      spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
      logLevel: 'error',
    });
  const clientFor = (url: string) => new FlexProvisioningClient(url, example.accountSid, 'token');
  /** Exercises a mock server that expects `interaction`, then lets it book what it answered before Pact verifies. */
  const verify = (interaction: V3Interaction, exercise: (client: FlexProvisioningClient) => Promise<void>) =>
    newPact()
      .addInteraction(interaction)
      .executeTest(async (server) => {
        await exercise(clientFor(server.url));
        await bookedBy(server.port);
      });

  test('creates a studio Flex Flow: 201 with the new flow', async () => {
    await verify(interactions.createStudio, async (client) => {
      const flow = await client.createFlow({
        FriendlyName: example.friendlyName,
        ChatServiceSid: example.chatServiceSid,
        ChannelType: 'web',
        IntegrationType: 'studio',
        'Integration.FlowSid': example.studioFlowSid,
      });
      expect(flow.sid).toMatch(/^FO[0-9a-fA-F]{32}$/);
      expect(flow.integration.flow_sid).toBe(example.studioFlowSid);
    });
  });

  test('creates a task Flex Flow: 201 with the TaskRouter integration', async () => {
    await verify(interactions.createTask, async (client) => {
      const flow = await client.createFlow({
        FriendlyName: example.friendlyName,
        ChatServiceSid: example.chatServiceSid,
        ChannelType: 'sms',
        IntegrationType: 'task',
        'Integration.WorkspaceSid': example.workspaceSid,
        'Integration.WorkflowSid': example.workflowSid,
        'Integration.Priority': 5,
        'Integration.Timeout': 3600,
      });
      expect(flow.integration_type).toBe('task');
      expect(flow.integration).toMatchObject({
        workflow_sid: example.workflowSid,
        priority: 5,
        timeout: 3600,
      });
    });
  });

  test('fetches a Flex Flow: 200 with the flow', async () => {
    await verify(interactions.fetch, async (client) => {
      const flow = await client.fetchFlow(example.flowSid);
      expect(flow.sid).toBe(example.flowSid);
      expect(flow.chat_service_sid).toBe(example.chatServiceSid);
    });
  });

  test('finds Flex Flows by FriendlyName: 200 with meta.key and the flows under it', async () => {
    await verify(interactions.listByName, async (client) => {
      const flows = await client.findFlowsByName(example.friendlyName);
      expect(flows).toHaveLength(1);
      expect(flows[0]?.sid).toMatch(/^FO[0-9a-fA-F]{32}$/);
    });
  });

  test('renames a Flex Flow with a partial update: 200 with the updated flow', async () => {
    await verify(interactions.update, async (client) => {
      const flow = await client.updateFlow(example.flowSid, {
        FriendlyName: `${example.friendlyName} (renamed)`,
      });
      expect(flow.friendly_name).toBe(`${example.friendlyName} (renamed)`);
      expect(flow.integration.flow_sid).toBe(example.studioFlowSid);
    });
  });

  test('deletes a Flex Flow: 204', async () => {
    await verify(interactions.remove, async (client) => {
      await expect(client.deleteFlow(example.flowSid)).resolves.toBeUndefined();
    });
  });

  test('fetching an unknown Flex Flow fails with 404 / 20404', async () => {
    await verify(interactions.fetchUnknown, async (client) => {
      const error = await client.fetchFlow(example.unknownFlowSid).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TwilioApiError);
      expect(error).toMatchObject({ status: 404, code: 20404 });
    });
  });

  test('creating a Flex Flow without ChatServiceSid fails with 400 / 20001', async () => {
    await verify(interactions.createMissingParameter, async (client) => {
      const error = await client
        .createFlow({ FriendlyName: example.friendlyName, ChannelType: 'web' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TwilioApiError);
      expect(error).toMatchObject({ status: 400, code: 20001 });
    });
  });

  test('the committed pact file matches the interactions recorded here', async () => {
    const fresh = readFileSync(join(pactDir, pactFileName), 'utf8');
    if (process.env.FLEXCONF_UPDATE_PACTS === '1') {
      mkdirSync(dirname(committedPact), { recursive: true });
      writeFileSync(committedPact, fresh);
      test.info().annotations.push({ type: 'pact', description: `updated ${committedPact}` });
    }
    const committed = JSON.parse(readFileSync(committedPact, 'utf8'));
    expect(
      comparable(committed),
      `${committedPact} is out of date: rerun this test with FLEXCONF_UPDATE_PACTS=1 and commit the file`,
    ).toEqual(comparable(JSON.parse(fresh)));
  });
});

/** A pact without what changes between library versions (metadata), interactions in a stable order. */
function comparable(pact: {
  consumer: unknown;
  provider: unknown;
  interactions: Array<{ description: string }>;
  metadata?: { pactSpecification?: unknown };
}) {
  return {
    consumer: pact.consumer,
    provider: pact.provider,
    specification: pact.metadata?.pactSpecification,
    interactions: [...pact.interactions].sort((a, b) => a.description.localeCompare(b.description)),
  };
}

/** Answers about any mock server of this process, by port (the native library keeps them by port). */
let mockServers: ReturnType<typeof makeConsumerPact> | undefined;

/**
 * Waits until the mock server on `port` has booked the requests it answered, for at most two
 * seconds. Since pact-core 16.3 the server can answer a request before booking the match, so on a
 * busy machine a test that returns at once is told the request was expected but not received
 * (pact-foundation/pact-reference#535). A request that never came still fails: executeTest reports
 * it once this wait ends.
 */
async function bookedBy(port: number): Promise<void> {
  mockServers ??= makeConsumerPact('mock-server-probe', providerName, undefined, 'error');
  const deadline = Date.now() + 2_000;
  while (!mockServers.mockServerMatchedSuccessfully(port) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
