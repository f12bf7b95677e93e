import fc from 'fast-check';
import { chatIdentity } from '../../generators/callers';
import { firstMessage } from '../../generators/conversations';
import { eventually } from '../send-to-flex/eventually';
import { fieldsOf, type HttpStub } from '../send-to-flex/http-stub';
import { expect, test, verifies } from './fixtures';
import type { LegacyMessaging } from './legacy-messaging';

const exampleFields = [
  'EventType',
  'InstanceSid',
  'Attributes',
  'DateCreated',
  'Index',
  'From',
  'MessageSid',
  'AccountSid',
  'Source',
  'ChannelSid',
  'RetryCount',
  'WebhookType',
  'Body',
  'WebhookSid',
] as const;

async function externalChannel(
  messaging: LegacyMessaging,
  httpStub: HttpStub,
  path: string,
  retryCount?: number,
) {
  const flexFlow = await messaging.flexFlow('custom', {
    IntegrationType: 'external',
    'Integration.Url': httpStub.url(path),
    'Integration.RetryCount': retryCount,
  });
  const [identity] = fc.sample(chatIdentity(), { numRuns: 1, seed: 151 });
  return { channel: await messaging.channel(flexFlow.sid, identity!), identity: identity! };
}

test.describe('external Flex Flows', () => {
  test(
    'each inbound message makes one POST to Integration.Url',
    verifies('MSG-EXTERNAL-WEBHOOK-POST'),
    async ({ messaging, httpStub }) => {
      httpStub.respond('/external', { status: 200, body: '' });
      const { channel, identity } = await externalChannel(messaging, httpStub, '/external');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 3 }), async (count) => {
          const before = httpStub.requestsTo('/external').length;
          for (let i = 0; i < count; i++) await messaging.say(channel, identity, `message ${i}`);
          const arrived = await eventually(async () => {
            const requests = httpStub.requestsTo('/external').slice(before);
            return requests.length >= count ? requests : undefined;
          });
          expect(arrived?.map((request) => request.method)).toEqual(Array(count).fill('POST'));
        }),
        { numRuns: 3 },
      );
    },
  );

  test(
    'the request carries Body = the message text',
    verifies('MSG-EXTERNAL-WEBHOOK-BODY'),
    async ({ messaging, httpStub }) => {
      httpStub.respond('/external', { status: 200, body: '' });
      const { channel, identity } = await externalChannel(messaging, httpStub, '/external');
      await fc.assert(
        fc.asyncProperty(firstMessage(), async (body) => {
          const before = httpStub.requestsTo('/external').length;
          await messaging.say(channel, identity, body);
          const request = await eventually(async () => httpStub.requestsTo('/external')[before]);
          expect(request, 'the webhook was not called').toBeDefined();
          expect(fieldsOf(request!).Body).toBe(body);
        }),
        { numRuns: 4 },
      );
    },
  );

  test(
    'the request has the example’s fields (missing ones reported)',
    verifies('MSG-EXTERNAL-WEBHOOK-PAYLOAD-FIELDS'),
    async ({ messaging, httpStub }, testInfo) => {
      httpStub.respond('/external', { status: 200, body: '' });
      const { channel, identity } = await externalChannel(messaging, httpStub, '/external');
      await messaging.say(channel, identity, 'message goes here');
      const request = await eventually(async () => httpStub.requestsTo('/external')[0]);
      const fields = fieldsOf(request!);
      const missing = exampleFields.filter((field) => !(field in fields));
      testInfo.annotations.push({
        type: 'observation',
        description: `missing fields: ${missing.join(', ') || 'none'}`,
      });
      expect(fields.EventType).toBeDefined();
    },
  );

  test(
    'Index and RetryCount are strings and Attributes is JSON text (reported)',
    verifies('MSG-EXTERNAL-WEBHOOK-STRING-VALUES'),
    async ({ messaging, httpStub }, testInfo) => {
      httpStub.respond('/external', { status: 200, body: '' });
      const { channel, identity } = await externalChannel(messaging, httpStub, '/external');
      await messaging.say(channel, identity, 'hi', '{"proxied":true}');
      const request = await eventually(async () => httpStub.requestsTo('/external')[0]);
      const fields = fieldsOf(request!);
      const strings = typeof fields.Index === 'string' && typeof fields.RetryCount === 'string';
      testInfo.annotations.push({
        type: 'observation',
        description: strings ? 'string values' : 'typed values',
      });
      expect(JSON.parse(String(fields.Attributes))).toEqual({ proxied: true });
    },
  );

  test(
    'a failing webhook is attempted RetryCount + 1 times in all',
    verifies('MSG-RETRY-ON-FAILURE'),
    async ({ messaging, httpStub }) => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 3 }), async (retryCount) => {
          const path = `/failing-${retryCount}-${httpStub.requests.length}`;
          httpStub.respond(path, { status: 500, body: 'down' });
          const { channel, identity } = await externalChannel(messaging, httpStub, path, retryCount);
          await messaging.say(channel, identity, 'anyone?');
          await eventually(async () =>
            httpStub.requestsTo(path).length >= retryCount + 1 ? true : undefined,
          );
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(httpStub.requestsTo(path)).toHaveLength(retryCount + 1);
        }),
        { numRuns: 4 },
      );
    },
  );
});
