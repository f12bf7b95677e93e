import fc from 'fast-check';
import { customer, firstMessage, smsCustomer } from '../../generators/conversations';
import { conversationWidget, publishConversationFlow } from '../drivers/conversation-customer';
import { conversationChannel, interactionRouting } from '../drivers/interaction-form';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

test.describe('the Incoming Conversation trigger and Send to Flex', () => {
  test(
    'a customer’s message in a conversation with a studio webhook starts the flow (incomingConversationMessage)',
    verifies('CONV-INCOMING-CONVERSATION-TRIGGER'),
    async ({ studio, routing, workflow, customers }) => {
      const flow = await publishConversationFlow(studio, routing, workflow);
      let conversations = 0;
      await fc.assert(
        fc.asyncProperty(customer(), firstMessage(), async (who, body) => {
          await customers.startWith(who, flow, body);
          const executions = await studio.awaitExecutions(flow.sid, ++conversations);
          expect(executions, 'executions of the flow, one per conversation').toHaveLength(conversations);
          for (const execution of executions) {
            const steps = await studio.steps(flow.sid, execution.sid);
            expect(
              steps.find((step) => step.transitioned_from === 'Trigger'),
              'first step of the execution a conversation started',
            ).toMatchObject({
              name: 'incomingConversationMessage',
              transitioned_to: conversationWidget,
            });
          }
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'Send to Flex creates an Interaction for the conversation, whose task names it (flexInteractionSid)',
    verifies('CONV-STF-CREATES-INTERACTION'),
    async ({ api, studio, routing, workflow, customers }) => {
      const flow = await publishConversationFlow(studio, routing, workflow);
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(customer(), async (who) => {
          await customers.startWith(who, flow);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the conversation has no task').toBeDefined();
          const interactionSid = attributesOf(task!).flexInteractionSid;
          expect(interactionSid, task?.attributes ?? '').toMatch(/^KD[0-9a-fA-F]{32}$/);
          const interaction = await api.get<{ channel: { type: string } }>(
            'flex-api',
            `/v1/Interactions/${interactionSid}`,
          );
          expect(interaction.status, 'GET /v1/Interactions/… status').toBe(200);
          expect(
            interaction.json.channel.type,
            "channel type of the Interaction the task names against the customer's channel",
          ).toBe(who.channel);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'with the widget on Programmable Chat, each conversation’s task is on chat (an SMS task on sms: reading observed)',
    verifies('CONV-STF-TASK-CHANNEL-PROGRAMMABLE-CHAT'),
    async ({ api, studio, routing, workflow, customers }, testInfo) => {
      const flow = await publishConversationFlow(studio, routing, workflow, {
        channel: routing.channels.chat.sid,
      });
      const seen = new Set<string>();
      await fc.assert(
        // an SMS sender every case (the reading), and one of any channel
        fc.asyncProperty(smsCustomer(), customer(), async (...senders) => {
          for (const who of senders) {
            await customers.startWith(who, flow);
            const [task] = await awaitNewTasks(api, routing, workflow, seen);
            const channel = task?.task_channel_unique_name;
            if (who.channel === 'sms' && channel === 'sms') {
              observeReading(
                testInfo,
                'CONV-STF-TASK-CHANNEL-PROGRAMMABLE-CHAT',
                'chat-for-facebook-whatsapp-line',
              );
              continue;
            }
            expect(channel, `the task channel of the ${who.channel} conversation’s task`).toBe('chat');
            if (who.channel === 'sms')
              observeReading(testInfo, 'CONV-STF-TASK-CHANNEL-PROGRAMMABLE-CHAT', 'chat-for-every-address');
          }
        }),
        scaled(weights.flow),
      );
    },
  );
});

test.describe('Interactions create tasks', () => {
  test(
    'POST /v1/Interactions with Routing properties creates a pending task in the workspace of the workflow',
    verifies('CONV-INTERACTION-CREATES-TASK'),
    async ({ api, routing, workflow, customers }) => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(customer(), async (who) => {
          const conversation = await customers.open(who);
          const created = await api.post('flex-api', '/v1/Interactions', {
            Channel: conversationChannel(who.channel, conversation.sid),
            Routing: interactionRouting(routing, workflow, { from: who.address }),
          });
          expect(created.status, 'POST /v1/Interactions status').toBe(200);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the Interaction created no task').toBeDefined();
          expect(task?.assignment_status, "assignment_status of the Interaction's task").toBe('pending');
          expect(
            attributesOf(task!).from,
            "from of the Interaction's task against the customer's address",
          ).toBe(who.address);
        }),
        scaled(weights.resource),
      );
    },
  );
});
