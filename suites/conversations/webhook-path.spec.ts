import fc from 'fast-check';
import { customer, firstMessage } from '../../generators/conversations';
import { publishConversationFlow } from '../drivers/conversation-customer';
import { eventually } from '../drivers/eventually';
import { fieldsOf } from '../drivers/http-stub';
import { conversationChannel, interactionRouting } from '../drivers/interaction-form';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { fieldTypes as is, mistypedFields } from '../drivers/webhook-payload';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** 002's example onMessageAdded payload: each field with the type of its example value. */
const messageAddedFields = {
  EventType: is.exactly('onMessageAdded'),
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
  Author: is.text,
  To: is.text,
  Body: is.text,
  WebhookSid: is.sid('WH'),
  ConversationSid: is.sid('CH'),
  ChannelAttributes: is.jsonObject,
};

test.describe('inbound conversations through your own webhook', () => {
  test(
    'each new customer message calls the webhook with EventType onMessageAdded, the ConversationSid, Body and Author',
    verifies('CONV-ONMESSAGEADDED-WEBHOOK'),
    async ({ customers, httpStub }) => {
      httpStub.respond('/inbound', { status: 200, body: '' });
      await fc.assert(
        fc.asyncProperty(customer(), firstMessage(), async (who, body) => {
          const conversation = await customers.open(who);
          const hook = await customers.connectWebhook(conversation, httpStub.url('/inbound'));
          expect(hook.status, 'customers.connectWebhook(…) status').toBe(201);
          await customers.say(conversation, body);
          const request = await eventually(async () =>
            httpStub.requestsTo('/inbound').find((r) => fieldsOf(r).ConversationSid === conversation.sid),
          );
          expect(request, 'the webhook was not called for the message').toBeDefined();
          const fields = fieldsOf(request!);
          expect(fields, "fields of the webhook request against the customer's message").toMatchObject({
            EventType: 'onMessageAdded',
            Body: body,
            Author: who.address,
          });
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'the onMessageAdded request carries every field of the example with the example’s type, flat or nested under "conversation" (reading observed)',
    verifies('CONV-ONMESSAGEADDED-PAYLOAD-FIELDS'),
    async ({ customers, httpStub }, testInfo) => {
      httpStub.respond('/inbound', { status: 200, body: '' });
      await fc.assert(
        fc.asyncProperty(customer(), firstMessage(), async (who, body) => {
          const conversation = await customers.open(who);
          await customers.connectWebhook(conversation, httpStub.url('/inbound'));
          await customers.say(conversation, body);
          const request = await eventually(async () =>
            httpStub.requestsTo('/inbound').find((r) => {
              const fields = fieldsOf(r);
              const payload = (fields.conversation ?? fields) as Record<string, unknown>;
              return payload.ConversationSid === conversation.sid;
            }),
          );
          expect(request, 'the webhook was not called for the message').toBeDefined();
          const fields = fieldsOf(request!);
          const nested = typeof fields.conversation === 'object' && fields.conversation !== null;
          observeReading(testInfo, 'CONV-ONMESSAGEADDED-PAYLOAD-FIELDS', nested ? 'nested' : 'flat');
          const payload = (nested ? fields.conversation : fields) as Record<string, unknown>;
          expect(
            mistypedFields(payload, messageAddedFields),
            'the example’s fields missing or of another type',
          ).toEqual([]);
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'the webhook handler’s Interaction for the conversation creates a task',
    verifies('CONV-WEBHOOK-CREATES-INTERACTION'),
    async ({ api, routing, workflow, customers, httpStub }) => {
      httpStub.respond('/inbound', { status: 200, body: '' });
      const [who] = samplesOf(customer(), 1, 101);
      const conversation = await customers.open(who!);
      await customers.connectWebhook(conversation, httpStub.url('/inbound'));
      await customers.say(conversation, 'I need an agent');
      const request = await eventually(async () => httpStub.requestsTo('/inbound')[0]);
      const event = fieldsOf(request!);
      const created = await api.post('flex-api', '/v1/Interactions', {
        Channel: conversationChannel(who!.channel, String(event.ConversationSid)),
        Routing: interactionRouting(routing, workflow, { from: event.Author, channelType: who!.channel }),
      });
      expect(created.status, 'POST /v1/Interactions status').toBe(200);
      const [task] = await awaitNewTasks(api, routing, workflow, new Set());
      expect(task, 'the Interaction created no task').toBeDefined();
      expect(
        attributesOf(task!).from,
        "from of the task the webhook handler's Interaction created against the customer's address",
      ).toBe(who!.address);
    },
  );

  test(
    'both paths, a Studio flow and your own webhook, end in a routed task',
    verifies('CONV-STUDIO-OR-WEBHOOK'),
    async ({ api, studio, routing, workflow, customers, httpStub }) => {
      const [viaStudio, viaWebhook] = samplesOf(customer(), 2, 103, (who) => who.address);
      const seen = new Set<string>();
      const flow = await publishConversationFlow(studio, routing, workflow);
      await customers.startWith(viaStudio!, flow);
      expect(
        await awaitNewTasks(api, routing, workflow, seen),
        'the Studio path routed no task',
      ).toHaveLength(1);

      httpStub.respond('/inbound', { status: 200, body: '' });
      const conversation = await customers.open(viaWebhook!);
      await customers.connectWebhook(conversation, httpStub.url('/inbound'));
      await customers.say(conversation, 'hello');
      const request = await eventually(async () => httpStub.requestsTo('/inbound')[0]);
      expect(request, 'the webhook was not called').toBeDefined();
      await api.post('flex-api', '/v1/Interactions', {
        Channel: conversationChannel(viaWebhook!.channel, conversation.sid),
        Routing: interactionRouting(routing, workflow),
      });
      expect(
        await awaitNewTasks(api, routing, workflow, seen),
        'the webhook path routed no task',
      ).toHaveLength(1);
    },
  );
});
