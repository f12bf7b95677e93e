import fc from 'fast-check';
import { chatIdentity, personName } from '../../generators/callers';
import { chatCustomer, customer } from '../../generators/conversations';
import { messageAttributes } from '../../generators/liquid';
import { publishConversationFlow } from '../drivers/conversation-customer';
import { publishMessageFlow } from '../drivers/legacy-messaging';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

test.describe('which trigger data Liquid sees as JSON', () => {
  test(
    'a chat message’s attributes stay a string: {{trigger.message.Attributes}} is the text, a path into it is empty',
    verifies('LIQUID-MESSAGE-ATTRIBUTES-STRING'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const flow = await publishMessageFlow(studio, routing, workflow, {
        attributes:
          '{"raw": {{trigger.message.Attributes | to_json}}, "path": "{{trigger.message.Attributes.key}}"}',
      });
      const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(chatIdentity(), messageAttributes(), async (identity, attributes) => {
          const channel = await messaging.channel(flexFlow.sid, identity);
          await messaging.say(channel, identity, 'Hello', attributes);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the message has no task').toBeDefined();
          expect(
            attributesOf(task!),
            'task attributes from trigger.message.Attributes and a path into it',
          ).toEqual({ raw: attributes, path: '' });
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'a conversation message’s attributes stay a string too (trigger.conversation.Attributes)',
    verifies('LIQUID-MESSAGE-ATTRIBUTES-STRING'),
    async ({ api, studio, routing, workflow, customers }) => {
      const flow = await publishConversationFlow(studio, routing, workflow, {
        attributes:
          '{"raw": {{trigger.conversation.Attributes | to_json}}, "path": "{{trigger.conversation.Attributes.key}}"}',
      });
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(customer(), messageAttributes(), async (who, attributes) => {
          const conversation = await customers.open(who);
          await customers.connectStudio(conversation, flow.sid);
          await customers.say(conversation, 'Hello', attributes);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the conversation has no task').toBeDefined();
          expect(
            attributesOf(task!),
            'task attributes from trigger.conversation.Attributes and a path into it',
          ).toMatchObject({ raw: attributes, path: '' });
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'trigger.message.ChannelAttributes is parsed: .from and .channel_type render the chat channel’s values',
    verifies('LIQUID-CHANNEL-ATTRIBUTES-PARSED'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const flow = await publishMessageFlow(studio, routing, workflow, {
        attributes:
          '{"who": "{{trigger.message.ChannelAttributes.from}}", "via": "{{trigger.message.ChannelAttributes.channel_type}}"}',
      });
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('web', 'sms', 'custom'),
          chatIdentity(),
          personName(),
          async (type, identity, name) => {
            const flexFlow = await messaging.studioFlexFlow(type, flow.sid);
            const channel = await messaging.channel(flexFlow.sid, identity, { ChatUserFriendlyName: name });
            await messaging.say(channel, identity, 'Hello');
            const [task] = await awaitNewTasks(api, routing, workflow, seen);
            const channelAttributes = await messaging.channelAttributes(channel);
            expect(
              attributesOf(task!),
              "task attributes from trigger.message.ChannelAttributes against the chat channel's attributes",
            ).toMatchObject({
              who: channelAttributes.from,
              via: channelAttributes.channel_type,
            });
            expect(
              attributesOf(task!).via,
              "task attribute from trigger.message.ChannelAttributes.channel_type against the Flex Flow's ChannelType",
            ).toBe(type);
          },
        ),
        scaled(weights.flow),
      );
    },
  );

  test(
    'trigger.conversation.ChannelAttributes is parsed: a nested path renders the nested value',
    verifies('LIQUID-CONVERSATION-ATTRIBUTES-PARSED'),
    async ({ api, studio, routing, workflow, customers }) => {
      const flow = await publishConversationFlow(studio, routing, workflow, {
        attributes:
          '{"customer": "{{trigger.conversation.ChannelAttributes.pre_engagement_data.friendlyName}}"}',
      });
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(chatCustomer(), async (who) => {
          await customers.startWith(who, flow);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(
            attributesOf(task!).customer,
            'task attribute from a nested path of trigger.conversation.ChannelAttributes',
          ).toBe(who.friendlyName);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'the keys of trigger.conversation.ChannelAttributes (reported)',
    verifies('LIQUID-CONVERSATION-CHANNELATTRIBUTES-KEYS'),
    async ({ api, studio, routing, workflow, customers }, testInfo) => {
      const flow = await publishConversationFlow(studio, routing, workflow, {
        attributes: '{"channel_attributes": {{trigger.conversation.ChannelAttributes | to_json}}}',
      });
      const [who] = samplesOf(chatCustomer(), 1, 179);
      await customers.startWith(who!, flow);
      const [task] = await awaitNewTasks(api, routing, workflow, new Set());
      const value = attributesOf(task!).channel_attributes;
      testInfo.annotations.push({
        type: 'observation',
        description: `keys: ${value && typeof value === 'object' ? Object.keys(value).join(', ') : typeof value}`,
      });
      expect(typeof value, 'type of trigger.conversation.ChannelAttributes rendered through to_json').toBe(
        'object',
      );
    },
  );
});
