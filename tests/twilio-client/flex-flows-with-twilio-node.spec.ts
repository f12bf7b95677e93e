/**
 * The official twilio-node client (6.2) against the embedded mock: the mock is useful to people
 * only if the SDK they already use talks to it unchanged. Each test starts its own mock, so lists
 * see only the flows the test created.
 *
 * The SDK builds https://<domain>.twilio.com URLs; an `httpClient` (a RequestClient subclass)
 * sends them to the mock's origin instead, with the original host in X-Forwarded-Host (the mock
 * serves every domain from one origin). `region: ''` and `edge: ''` keep TWILIO_REGION /
 * TWILIO_EDGE from rewriting the host before the httpClient sees it.
 */
import { expect, test } from '@playwright/test';
import twilio from 'twilio';
import type { FlexFlowInstance } from 'twilio/lib/rest/flexApi/v1/flexFlow';
import { type RunningMock, startMock } from '../../mock/server';
import { LocalRequestClient } from './support/local-request-client';

/** What page() and nextPage() resolve to, as far as this test uses it. */
interface FlowPage {
  instances: FlexFlowInstance[];
  nextPageUrl?: string;
  nextPage(): Promise<FlowPage> | undefined;
}

type CreateParams = Parameters<twilio.Twilio['flexApi']['v1']['flexFlow']['create']>[0];

const sid = (prefix: string, seed: number) => prefix + seed.toString(16).padStart(32, '0');
const chatServiceSid = sid('IS', 1);
const studioFlowSid = sid('FW', 2);
const workspaceSid = sid('WS', 3);
const workflowSid = sid('WW', 4);

let mock: RunningMock;
let http: LocalRequestClient;
let client: twilio.Twilio;

const clientWith = (authToken: string) =>
  twilio(mock.credentials.accountSid, authToken, { httpClient: http, region: '', edge: '' });

test.beforeEach(async () => {
  mock = await startMock();
  http = new LocalRequestClient(mock.url);
  client = clientWith(mock.credentials.authToken);
});

test.afterEach(async () => {
  await mock.close();
});

const studioFlow = (name: string): CreateParams => ({
  friendlyName: name,
  chatServiceSid,
  channelType: 'web',
  integrationType: 'studio',
  'integration.flowSid': studioFlowSid,
});

/** The promise rejection (or synchronous throw) of `call`, for asserting on it. */
async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

test.describe('Flex Flows through twilio-node', () => {
  test('creates studio, external and task flows', async () => {
    const studio = await client.flexApi.v1.flexFlow.create({
      ...studioFlow('Studio flow'),
      enabled: true,
      longLived: true,
      'integration.retryCount': 2,
    });
    expect(studio.sid).toMatch(/^FO[0-9a-f]{32}$/);
    expect(studio.accountSid).toBe(mock.credentials.accountSid);
    expect(studio).toMatchObject({
      friendlyName: 'Studio flow',
      chatServiceSid,
      channelType: 'web',
      integrationType: 'studio',
      enabled: true,
      longLived: true,
    });
    expect(studio.integration).toEqual({ flow_sid: studioFlowSid, retry_count: 2 });
    expect(studio.dateCreated).toBeInstanceOf(Date);

    const external = await client.flexApi.v1.flexFlow.create({
      friendlyName: 'External flow',
      chatServiceSid,
      channelType: 'sms',
      integrationType: 'external',
      'integration.url': 'https://example.com/flex webhook?x=1&y=two words',
    });
    expect(external.integrationType).toBe('external');
    // Spaces and reserved characters survive the SDK's form encoding.
    expect(external.integration).toMatchObject({ url: 'https://example.com/flex webhook?x=1&y=two words' });

    const task = await client.flexApi.v1.flexFlow.create({
      friendlyName: 'Task flow',
      chatServiceSid,
      channelType: 'whatsapp',
      integrationType: 'task',
      'integration.workspaceSid': workspaceSid,
      'integration.workflowSid': workflowSid,
      'integration.priority': 7,
      'integration.timeout': 600,
      'integration.creationOnMessage': true,
    });
    expect(task.integrationType).toBe('task');
    expect(task.integration).toMatchObject({
      workspace_sid: workspaceSid,
      workflow_sid: workflowSid,
      priority: 7,
      timeout: 600,
      creation_on_message: true,
    });

    expect(http.issued).toEqual(Array(3).fill('POST https://flex-api.twilio.com/v1/FlexFlows'));
  });

  test('fetches a flow', async () => {
    const created = await client.flexApi.v1.flexFlow.create(studioFlow('To fetch'));
    const fetched = await client.flexApi.v1.flexFlow(created.sid).fetch();
    expect(fetched.toJSON()).toEqual(created.toJSON());
    expect(http.issued.at(-1)).toBe(`GET https://flex-api.twilio.com/v1/FlexFlows/${created.sid}`);
  });

  test('lists several pages, following next_page_url: every flow exactly once', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push((await client.flexApi.v1.flexFlow.create(studioFlow(`Paged flow ${i}`))).sid);
    }
    const sids = (flows: FlexFlowInstance[]) => flows.map((flow) => flow.sid);

    // list(): the SDK pages through everything itself.
    http.issued.length = 0;
    expect(sids(await client.flexApi.v1.flexFlow.list({ pageSize: 2 }))).toEqual(created);
    expect(http.issued).toHaveLength(4);
    expect(http.issued[0]).toBe('GET https://flex-api.twilio.com/v1/FlexFlows');
    // Later pages are the next_page_url the mock handed out, requested verbatim.
    for (const request of http.issued.slice(1)) expect(request).toMatch(/[?&]PageToken=/);

    // each(): streams the same records.
    const streamed = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      client.flexApi.v1.flexFlow.each({
        pageSize: 2,
        callback: (flow) => seen.push(flow.sid),
        done: (error?: Error) => (error ? reject(error) : resolve(seen)),
      });
    });
    expect(streamed).toEqual(created);

    // page() / nextPage(): page by page.
    const pages: FlexFlowInstance[][] = [];
    let page: FlowPage | undefined = await client.flexApi.v1.flexFlow.page({ pageSize: 2 });
    const firstNextPageUrl = page.nextPageUrl;
    while (page) {
      pages.push(page.instances);
      page = await page.nextPage();
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flatMap(sids)).toEqual(created);

    // An absolute https://flex-api.twilio.com next_page_url (what a real account hands out) goes
    // through the same httpClient rewrite.
    const asTwilioUrl = new URL(firstNextPageUrl!);
    const second = await client.flexApi.v1.flexFlow.getPage(
      `https://flex-api.twilio.com${asTwilioUrl.pathname}${asTwilioUrl.search}`,
    );
    expect(sids(second.instances)).toEqual(created.slice(2, 4));
    expect(http.issued.at(-1)).toMatch(/^GET https:\/\/flex-api\.twilio\.com\/v1\/FlexFlows\?.*PageToken=/);
  });

  test('lists by FriendlyName', async () => {
    await client.flexApi.v1.flexFlow.create(studioFlow('wanted name'));
    await client.flexApi.v1.flexFlow.create(studioFlow('other name'));
    const found = await client.flexApi.v1.flexFlow.list({ friendlyName: 'wanted name' });
    expect(found.map((flow) => flow.friendlyName)).toEqual(['wanted name']);
  });

  test('updates only what it sends', async () => {
    const created = await client.flexApi.v1.flexFlow.create({
      ...studioFlow('Before'),
      longLived: true,
      janitorEnabled: true,
    });
    const updated = await client.flexApi.v1.flexFlow(created.sid).update({ friendlyName: 'After' });
    expect(updated.friendlyName).toBe('After');
    const { friendlyName: _before, dateUpdated: _d1, ...unchanged } = created.toJSON();
    const { friendlyName: _after, dateUpdated: _d2, ...afterUpdate } = updated.toJSON();
    expect(afterUpdate).toEqual(unchanged);
    expect((await client.flexApi.v1.flexFlow(created.sid).fetch()).friendlyName).toBe('After');
  });

  test('removes a flow; fetching it afterwards is 404', async () => {
    const created = await client.flexApi.v1.flexFlow.create(studioFlow('To remove'));
    expect(await client.flexApi.v1.flexFlow(created.sid).remove()).toBe(true);
    expect(http.issued.at(-1)).toBe(`DELETE https://flex-api.twilio.com/v1/FlexFlows/${created.sid}`);
    const error = await failureOf(() => client.flexApi.v1.flexFlow(created.sid).fetch());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 404, code: 20404 });
  });
});

test.describe('Twilio errors through twilio-node', () => {
  test('fetching an unknown flow is a RestException 404 / 20404', async () => {
    const unknown = sid('FO', 0xdead);
    const error = await failureOf(() => client.flexApi.v1.flexFlow(unknown).fetch());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({
      status: 404,
      code: 20404,
      message: `The requested resource /FlexFlows/${unknown} was not found`,
      moreInfo: 'https://www.twilio.com/docs/errors/20404',
    });
  });

  test('a create missing FriendlyName is a RestException 400 / 20001', async () => {
    // The SDK itself refuses a create without friendlyName (it checks null/undefined before any
    // request), so that case never reaches the server:
    const withoutName = { chatServiceSid, channelType: 'web' } as unknown as CreateParams;
    expect(() => client.flexApi.v1.flexFlow.create(withoutName)).toThrow(/friendlyName/);
    expect(http.issued).toEqual([]);

    // An empty string passes the SDK's check and is sent as `FriendlyName=`; the server treats it
    // as missing.
    const emptyName = await failureOf(() => client.flexApi.v1.flexFlow.create(studioFlow('')));
    expect(emptyName).toBeInstanceOf(twilio.RestException);
    expect(emptyName).toMatchObject({
      status: 400,
      code: 20001,
      message: 'Missing required parameter FriendlyName in the post body',
    });

    // A parameter the SDK does not check at all: a studio flow without Integration.FlowSid.
    const { 'integration.flowSid': _omitted, ...withoutFlowSid } = studioFlow('No flow sid');
    const noFlowSid = await failureOf(() => client.flexApi.v1.flexFlow.create(withoutFlowSid));
    expect(noFlowSid).toBeInstanceOf(twilio.RestException);
    expect(noFlowSid).toMatchObject({ status: 400, code: 20001 });

    expect(await client.flexApi.v1.flexFlow.list()).toEqual([]);
  });

  test('a wrong auth token is a RestException 401 / 20003', async () => {
    const wrong = clientWith(`${mock.credentials.authToken}x`);
    const error = await failureOf(() => wrong.flexApi.v1.flexFlow.list());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 401, code: 20003, message: 'Authenticate' });
  });
});
