import fc from 'fast-check';
import { customer, firstMessage, smsCustomer } from '../../generators/conversations';
import { conversationWidget, publishConversationFlow } from '../drivers/conversation-customer';
import { conversationChannel, interactionRouting } from '../drivers/interaction-form';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, test, verifies } from '../fixtures';
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
          expect(executions).toHaveLength(conversations);
          for (const execution of executions) {
            const steps = await studio.steps(flow.sid, execution.sid);
            expect(steps.find((step) => step.transitioned_from === 'Trigger')).toMatchObject({
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
          expect(interaction.status, interaction.text).toBe(200);
          expect(interaction.json.channel.type).toBe(who.channel);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'the conversation’s task is on the Programmable Chat task channel the documented setup configures',
    verifies('CONV-STF-TASK-CHANNEL-PROGRAMMABLE-CHAT'),
    async ({ api, studio, routing, workflow, customers }) => {
      const flow = await publishConversationFlow(studio, routing, workflow, {
        channel: routing.channels.chat.sid,
      });
      const [who] = fc.sample(smsCustomer(), { numRuns: 1, seed: 89 });
      await customers.startWith(who!, flow);
      const [task] = await awaitNewTasks(api, routing, workflow, new Set());
      expect(task?.task_channel_unique_name).toBe('chat');
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
          expect(created.status, created.text).toBe(200);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the Interaction created no task').toBeDefined();
          expect(task?.assignment_status).toBe('pending');
          expect(attributesOf(task!).from).toBe(who.address);
        }),
        scaled(weights.resource),
      );
    },
  );
});
