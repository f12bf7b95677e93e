import fc from 'fast-check';
import { chatIdentity } from '../../generators/callers';
import { sid } from '../../generators/sids';
import type { TwilioApi } from '../../targets/http/client';
import { expect, test, verifies } from '../fixtures';
import { watchForTrace } from '../no-trace';
import { samplesOf, scaled, weights } from '../properties';

const required = ['FlexFlowSid', 'Identity', 'ChatUserFriendlyName', 'ChatFriendlyName'] as const;
const requiredWeb = ['FlexFlowSid', 'Identity', 'CustomerFriendlyName', 'ChatFriendlyName'] as const;

/** The sids of the chat channels (`/v1/Channels`) or web channels (`/v1/WebChannels`) a Flex Flow has. */
async function channelsOf(api: TwilioApi, path: string, flexFlowSid: string): Promise<string[]> {
  const page = await api.get<{ flex_chat_channels: { sid: string; flex_flow_sid: string }[] }>(
    'flex-api',
    path,
    { query: { PageSize: 1000 } },
  );
  return page.json.flex_chat_channels
    .filter((channel) => channel.flex_flow_sid === flexFlowSid)
    .map((channel) => channel.sid);
}

test.describe('the Flex chat channel resources', () => {
  test(
    'POST /v1/Channels needs FlexFlowSid, Identity, ChatUserFriendlyName and ChatFriendlyName; with all four: 201, a CH sid on the Flex Flow',
    verifies('MSG-CHANNEL-CREATE-REQUIRED'),
    async ({ api, messaging }) => {
      const [flowSid] = samplesOf(sid('FW'), 1, 127);
      const flexFlow = await messaging.studioFlexFlow('web', flowSid!);
      await fc.assert(
        fc.asyncProperty(chatIdentity(), async (identity) => {
          const form: Record<string, string> = {
            FlexFlowSid: flexFlow.sid,
            Identity: identity,
            ChatUserFriendlyName: identity,
            ChatFriendlyName: 'Support',
          };
          for (const omitted of required) {
            const { [omitted]: _left, ...without } = form;
            const unchanged = await watchForTrace('/v1/Channels of the Flex Flow', () =>
              channelsOf(api, '/v1/Channels', flexFlow.sid),
            );
            const refused = await api.post('flex-api', '/v1/Channels', without);
            expect(refused.status, `POST /v1/Channels without ${omitted}: status`).toBe(400);
            // the message text is not documented (WIRE-MISSING-PARAM-MESSAGE reports it); the code is
            expect(refused.json, `error of POST /v1/Channels without ${omitted}`).toMatchObject({
              code: 20001,
            });
            await unchanged();
          }
          const created = await api.post<{ sid: string; flex_flow_sid: string }>(
            'flex-api',
            '/v1/Channels',
            form,
          );
          expect(created.status, 'POST /v1/Channels status').toBe(201);
          expect(created.json.sid, 'sid of the created chat channel').toMatch(/^CH[0-9a-fA-F]{32}$/);
          expect(created.json.flex_flow_sid, 'flex_flow_sid of the created chat channel').toBe(flexFlow.sid);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'POST /v1/WebChannels needs FlexFlowSid, Identity, CustomerFriendlyName and ChatFriendlyName; with all four: 201',
    verifies('MSG-WEBCHANNEL-CREATE-REQUIRED'),
    async ({ api, messaging }) => {
      const [flowSid] = samplesOf(sid('FW'), 1, 131);
      const flexFlow = await messaging.studioFlexFlow('web', flowSid!);
      await fc.assert(
        fc.asyncProperty(chatIdentity(), async (identity) => {
          const form: Record<string, string> = {
            FlexFlowSid: flexFlow.sid,
            Identity: identity,
            CustomerFriendlyName: identity,
            ChatFriendlyName: 'Web chat',
          };
          for (const omitted of requiredWeb) {
            const { [omitted]: _left, ...without } = form;
            const unchanged = await watchForTrace('/v1/WebChannels of the Flex Flow', () =>
              channelsOf(api, '/v1/WebChannels', flexFlow.sid),
            );
            const refused = await api.post('flex-api', '/v1/WebChannels', without);
            expect(refused.status, `POST /v1/WebChannels without ${omitted}: status`).toBe(400);
            expect(refused.json, `error of POST /v1/WebChannels without ${omitted}`).toMatchObject({
              code: 20001,
            });
            await unchanged();
          }
          const created = await api.post('flex-api', '/v1/WebChannels', form);
          expect(created.status, 'POST /v1/WebChannels status').toBe(201);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a chat channel of a studio or external Flex Flow has task_sid null, even when a TaskSid is sent',
    verifies('MSG-CHANNEL-TASK-SID'),
    async ({ messaging, httpStub }) => {
      const [flowSid, identity, taskSid] = samplesOf(
        fc.tuple(sid('FW'), chatIdentity(), sid('WT')),
        1,
        137,
      )[0]!;
      const studioFlow = await messaging.studioFlexFlow('web', flowSid);
      const external = await messaging.flexFlow('web', {
        IntegrationType: 'external',
        'Integration.Url': httpStub.url('/flex-flow'),
      });
      for (const flexFlow of [studioFlow, external]) {
        const channel = await messaging.channel(flexFlow.sid, identity, { TaskSid: taskSid });
        expect(
          channel.task_sid,
          'task_sid of a chat channel of a studio or external Flex Flow sent a TaskSid',
        ).toBeNull();
      }
    },
  );

  for (const path of ['/v1/Channels', '/v1/WebChannels'] as const) {
    test(`GET ${path} lists under flex_chat_channels`, verifies('MSG-CHANNEL-LIST-KEY'), async ({ api }) => {
      const listed = await api.get<{ meta: { key: string } }>('flex-api', path);
      expect(listed.status, 'GET flex-api/… status').toBe(200);
      expect(listed.json.meta.key, 'meta.key of a list of chat channels').toBe('flex_chat_channels');
      expect(listed.json, 'records of a list of chat channels').toHaveProperty('flex_chat_channels');
    });
  }
});
