import fc from 'fast-check';
import { chatIdentity } from '../../generators/callers';
import { firstMessage } from '../../generators/conversations';
import { eventually } from '../drivers/eventually';
import { fieldsOf, type HttpStub } from '../drivers/http-stub';
import type { LegacyMessaging } from '../drivers/legacy-messaging';
import { fieldTypes as is, mistypedFields } from '../drivers/webhook-payload';
import { expect, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** 004's example webhook request: each field with the type of its example value. */
const exampleFields = {
  EventType: is.nonEmptyText,
  InstanceSid: is.sid('IS'),
  Attributes: is.jsonObjectText,
  DateCreated: is.dateTime,
  Index: is.integerText,
  From: is.text,
  MessageSid: is.sid('IM'),
  AccountSid: is.sid('AC'),
  Source: is.nonEmptyText,
  ChannelSid: is.sid('CH'),
  RetryCount: is.integerText,
  WebhookType: is.nonEmptyText,
  Body: is.text,
  WebhookSid: is.sid('WH'),
};

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
  const [identity] = samplesOf(chatIdentity(), 1, 151);
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
          expect(
            arrived?.map((request) => request.method),
            'methods of the requests to Integration.Url, one per inbound message',
          ).toEqual(Array(count).fill('POST'));
        }),
        scaled(weights.resource),
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
          expect(
            fieldsOf(request!).Body,
            'Body of the request to Integration.Url against the message text',
          ).toBe(body);
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'the request carries every field of the example, each with the example value’s type',
    verifies('MSG-EXTERNAL-WEBHOOK-PAYLOAD-FIELDS'),
    async ({ messaging, httpStub }) => {
      httpStub.respond('/external', { status: 200, body: '' });
      const { channel, identity } = await externalChannel(messaging, httpStub, '/external');
      await fc.assert(
        fc.asyncProperty(firstMessage(), async (body) => {
          const before = httpStub.requestsTo('/external').length;
          await messaging.say(channel, identity, body);
          const request = await eventually(async () => httpStub.requestsTo('/external')[before]);
          expect(request, 'the webhook was not called').toBeDefined();
          expect(
            mistypedFields(fieldsOf(request!), exampleFields),
            'the example’s fields missing or of another type',
          ).toEqual([]);
        }),
        scaled(weights.resource),
      );
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
      expect(
        JSON.parse(String(fields.Attributes)),
        "Attributes of the request to Integration.Url against the message's attributes",
      ).toEqual({ proxied: true });
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
          expect(
            httpStub.requestsTo(path),
            'attempts of a failing Integration.Url against RetryCount + 1',
          ).toHaveLength(retryCount + 1);
        }),
        scaled(weights.resource),
      );
    },
  );
});
