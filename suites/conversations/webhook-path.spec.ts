import fc from 'fast-check';
import { customer, firstMessage } from '../../generators/conversations';
import { eventually } from '../send-to-flex/eventually';
import { fieldsOf } from '../send-to-flex/http-stub';
import { attributesOf, awaitNewTasks } from '../send-to-flex/routing';
import { publishConversationFlow } from './conversation-customer';
import { expect, observeReading, test, verifies } from './fixtures';
import { conversationChannel, interactionRouting } from './interaction-form';

/** The seed's example payload fields. */
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
  'Author',
  'To',
  'Body',
  'WebhookSid',
  'ConversationSid',
  'ChannelAttributes',
] as const;

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
          expect(hook.status, hook.text).toBe(201);
          await customers.say(conversation, body);
          const request = await eventually(async () =>
            httpStub.requestsTo('/inbound').find((r) => fieldsOf(r).ConversationSid === conversation.sid),
          );
          expect(request, 'the webhook was not called for the message').toBeDefined();
          const fields = fieldsOf(request!);
          expect(fields).toMatchObject({ EventType: 'onMessageAdded', Body: body, Author: who.address });
        }),
        { numRuns: 5 },
      );
    },
  );

  test(
    'the onMessageAdded request carries the example’s fields, flat or nested under "conversation" (reported)',
    verifies('CONV-ONMESSAGEADDED-PAYLOAD-FIELDS'),
    async ({ customers, httpStub }, testInfo) => {
      httpStub.respond('/inbound', { status: 200, body: '' });
      const [who] = fc.sample(customer(), { numRuns: 1, seed: 97 });
      const conversation = await customers.open(who!);
      await customers.connectWebhook(conversation, httpStub.url('/inbound'));
      await customers.say(conversation, 'hello');
      const request = await eventually(async () => httpStub.requestsTo('/inbound')[0]);
      expect(request, 'the webhook was not called').toBeDefined();
      const fields = fieldsOf(request!);
      const nested = typeof fields.conversation === 'object' && fields.conversation !== null;
      observeReading(testInfo, 'CONV-ONMESSAGEADDED-PAYLOAD-FIELDS', nested ? 'nested' : 'flat');
      const payload = (nested ? fields.conversation : fields) as Record<string, unknown>;
      const missing = exampleFields.filter((field) => !(field in payload));
      testInfo.annotations.push({
        type: 'observation',
        description: `missing fields: ${missing.join(', ') || 'none'}`,
      });
      expect(payload.EventType).toBe('onMessageAdded');
    },
  );

  test(
    'the webhook handler’s Interaction for the conversation creates a task',
    verifies('CONV-WEBHOOK-CREATES-INTERACTION'),
    async ({ api, routing, workflow, customers, httpStub }) => {
      httpStub.respond('/inbound', { status: 200, body: '' });
      const [who] = fc.sample(customer(), { numRuns: 1, seed: 101 });
      const conversation = await customers.open(who!);
      await customers.connectWebhook(conversation, httpStub.url('/inbound'));
      await customers.say(conversation, 'I need an agent');
      const request = await eventually(async () => httpStub.requestsTo('/inbound')[0]);
      const event = fieldsOf(request!);
      const created = await api.post('flex-api', '/v1/Interactions', {
        Channel: conversationChannel(who!.channel, String(event.ConversationSid)),
        Routing: interactionRouting(routing, workflow, { from: event.Author, channelType: who!.channel }),
      });
      expect(created.status, created.text).toBe(200);
      const [task] = await awaitNewTasks(api, routing, workflow, new Set());
      expect(task, 'the Interaction created no task').toBeDefined();
      expect(attributesOf(task!).from).toBe(who!.address);
    },
  );

  test(
    'both paths, a Studio flow and your own webhook, end in a routed task',
    verifies('CONV-STUDIO-OR-WEBHOOK'),
    async ({ api, studio, routing, workflow, customers, httpStub }) => {
      const [viaStudio, viaWebhook] = fc.sample(customer(), { numRuns: 2, seed: 103 });
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
