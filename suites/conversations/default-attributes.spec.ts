import fc from 'fast-check';
import {
  type Customer,
  chatCustomer,
  oneOfEachChannel,
  smsCustomer,
  whatsappCustomer,
} from '../../generators/conversations';
import type { TwilioApi } from '../../targets/http/client';
import { type ConversationCustomer, publishConversationFlow } from '../drivers/conversation-customer';
import { attributesOf, awaitNewTasks, type Routing } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

const E164 = /^\+[1-9]\d{1,14}$/;

/** Has the customer write in a new conversation on the flow; answers the attributes of the task it got. */
async function taskAttributesFor(
  who: Customer,
  flowSid: string,
  tools: {
    api: TwilioApi;
    routing: Routing;
    workflow: string;
    customers: ConversationCustomer;
    seen: Set<string>;
  },
): Promise<Record<string, unknown>> {
  await tools.customers.startWith(who, { sid: flowSid });
  const [task] = await awaitNewTasks(tools.api, tools.routing, tools.workflow, tools.seen);
  expect(task, `the ${who.channel} conversation has no task`).toBeDefined();
  return attributesOf(task!);
}

test.describe('attributes Send to Flex adds for SMS, WhatsApp and Chat conversations', () => {
  test(
    'channelType is the channel (sms, whatsapp, chat); a target putting the sender there is reported',
    verifies('CONV-DEFAULT-ATTR-CHANNELTYPE'),
    async ({ api, studio, routing, workflow, customers }, testInfo) => {
      const flow = await publishConversationFlow(studio, routing, workflow);
      const tools = { api, routing, workflow, customers, seen: new Set<string>() };
      await fc.assert(
        fc.asyncProperty(oneOfEachChannel(), async (senders) => {
          for (const who of senders) {
            const { channelType } = await taskAttributesFor(who, flow.sid, tools);
            if (channelType === who.address) {
              observeReading(testInfo, 'CONV-DEFAULT-ATTR-CHANNELTYPE', 'sender-address');
              continue;
            }
            expect(channelType, "channelType of the task against the customer's channel").toBe(who.channel);
            observeReading(testInfo, 'CONV-DEFAULT-ATTR-CHANNELTYPE', 'channel-type-value');
          }
        }),
        scaled(weights.flow),
      );
    },
  );

  for (const [attribute, rule] of [
    ['customerAddress', 'CONV-DEFAULT-ATTR-CUSTOMERADDRESS'],
    ['from', 'CONV-DEFAULT-ATTR-FROM'],
    ['customerName', 'CONV-DEFAULT-ATTR-CUSTOMERNAME'],
  ] as const) {
    test(
      `${attribute} is the sender’s address (a chat sender’s, which has no phone number: identity or absent, reading observed)`,
      verifies(rule),
      async ({ api, studio, routing, workflow, customers }, testInfo) => {
        const flow = await publishConversationFlow(studio, routing, workflow);
        const tools = { api, routing, workflow, customers, seen: new Set<string>() };
        await fc.assert(
          fc.asyncProperty(oneOfEachChannel(), async (senders) => {
            for (const who of senders) {
              const attributes = await taskAttributesFor(who, flow.sid, tools);
              if (who.channel === 'chat' && !(attribute in attributes)) {
                observeReading(testInfo, rule, 'chat-not-set');
                continue;
              }
              expect(attributes[attribute], `${attribute} of the ${who.channel} sender’s task`).toBe(
                who.address,
              );
              if (who.channel === 'chat') observeReading(testInfo, rule, 'chat-sender-identity');
            }
          }),
          scaled(weights.flow),
        );
      },
    );
  }

  test(
    'name is the sender’s address (listed in 000, not in 001: a target leaving it out is reported)',
    verifies('CONV-DEFAULT-ATTR-NAME'),
    async ({ api, studio, routing, workflow, customers }, testInfo) => {
      const flow = await publishConversationFlow(studio, routing, workflow);
      const tools = { api, routing, workflow, customers, seen: new Set<string>() };
      await fc.assert(
        fc.asyncProperty(oneOfEachChannel(), async (senders) => {
          for (const who of senders) {
            const attributes = await taskAttributesFor(who, flow.sid, tools);
            if (!('name' in attributes)) {
              observeReading(testInfo, 'CONV-DEFAULT-ATTR-NAME', 'without-name');
              continue;
            }
            observeReading(testInfo, 'CONV-DEFAULT-ATTR-NAME', 'with-name');
            expect(attributes.name, "name of the task against the sender's address").toBe(who.address);
          }
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'an SMS sender’s address is E.164 (the number as it wrote)',
    verifies('CONV-SMS-ADDRESS-E164'),
    async ({ api, studio, routing, workflow, customers }) => {
      const flow = await publishConversationFlow(studio, routing, workflow);
      const tools = { api, routing, workflow, customers, seen: new Set<string>() };
      await fc.assert(
        fc.asyncProperty(smsCustomer(), async (who) => {
          const address = (await taskAttributesFor(who, flow.sid, tools)).customerAddress;
          expect(address, "customerAddress of an SMS sender's task: E.164").toMatch(E164);
          expect(address, "customerAddress of an SMS sender's task against the number as it wrote").toBe(
            who.address,
          );
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'a WhatsApp sender’s address is whatsapp:E.164',
    verifies('CONV-WHATSAPP-ADDRESS-PREFIX'),
    async ({ api, studio, routing, workflow, customers }) => {
      const flow = await publishConversationFlow(studio, routing, workflow);
      const tools = { api, routing, workflow, customers, seen: new Set<string>() };
      await fc.assert(
        fc.asyncProperty(whatsappCustomer(), async (who) => {
          const address = String((await taskAttributesFor(who, flow.sid, tools)).customerAddress);
          expect(address, "customerAddress of a WhatsApp sender's task: whatsapp:E.164").toMatch(
            /^whatsapp:\+[1-9]\d{1,14}$/,
          );
          expect(address, "customerAddress of a WhatsApp sender's task against the sender's address").toBe(
            who.address,
          );
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'with the default Chat flow, from is the pre-engagement friendlyName (or the added sender, reported)',
    verifies('CONV-CHAT-FROM-FRIENDLYNAME'),
    async ({ api, studio, routing, workflow, customers }, testInfo) => {
      const flow = await publishConversationFlow(studio, routing, workflow, {
        attributes: '{"from": "{{trigger.conversation.ChannelAttributes.pre_engagement_data.friendlyName}}"}',
      });
      const tools = { api, routing, workflow, customers, seen: new Set<string>() };
      await fc.assert(
        fc.asyncProperty(chatCustomer(), async (who) => {
          const { from } = await taskAttributesFor(who, flow.sid, tools);
          if (from === who.address && from !== who.friendlyName) {
            observeReading(testInfo, 'CONV-CHAT-FROM-FRIENDLYNAME', 'added-wins');
            return;
          }
          expect(from, 'from of the task against the pre-engagement friendlyName').toBe(who.friendlyName);
          observeReading(testInfo, 'CONV-CHAT-FROM-FRIENDLYNAME', 'configured-wins');
        }),
        scaled(weights.flow),
      );
    },
  );
});
