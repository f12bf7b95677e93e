import fc from 'fast-check';
import { chatIdentity } from '../../generators/callers';
import { legacyDefaultAttributes, messageWidget, publishMessageFlow } from '../drivers/legacy-messaging';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

const flexChannelType = () => fc.constantFrom('web', 'sms', 'facebook', 'whatsapp', 'line', 'custom');

test.describe('studio Flex Flows route chat messages to their Studio flow', () => {
  test(
    'the first message on a new channel starts an execution of the flow named by Integration.FlowSid',
    verifies('MSG-STUDIO-ROUTES-FIRST-MESSAGE'),
    async ({ studio, routing, workflow, messaging }) => {
      const flow = await publishMessageFlow(studio, routing, workflow);
      let executions = 0;
      await fc.assert(
        fc.asyncProperty(flexChannelType(), chatIdentity(), async (channelType, identity) => {
          const flexFlow = await messaging.studioFlexFlow(channelType, flow.sid);
          const channel = await messaging.channel(flexFlow.sid, identity);
          await messaging.say(channel, identity, 'Hello');
          const list = await studio.awaitExecutions(flow.sid, ++executions);
          expect(
            list,
            'executions of the flow named by Integration.FlowSid, one per new channel',
          ).toHaveLength(executions);
          const steps = await studio.steps(flow.sid, list[0]!.sid);
          expect(
            steps.find((step) => step.transitioned_from === 'Trigger'),
            'first step of the execution a message started',
          ).toMatchObject({
            name: 'incomingMessage',
            transitioned_to: messageWidget,
          });
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'after Integration.FlowSid is updated, new channels start the new flow and not the old one',
    verifies('MSG-FLOWSID-UPDATE-REROUTES'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const [first, second] = samplesOf(chatIdentity(), 2, 139);
      const before = await publishMessageFlow(studio, routing, workflow);
      const after = await publishMessageFlow(studio, routing, workflow);
      const flexFlow = await messaging.studioFlexFlow('web', before.sid);
      const channel = await messaging.channel(flexFlow.sid, first!);
      await messaging.say(channel, first!, 'one');
      await studio.awaitExecutions(before.sid, 1);
      const updated = await api.post('flex-api', `/v1/FlexFlows/${flexFlow.sid}`, {
        'Integration.FlowSid': after.sid,
      });
      expect(updated.status, 'POST /v1/FlexFlows/… status').toBe(200);
      const next = await messaging.channel(flexFlow.sid, `${second}-2`);
      await messaging.say(next, `${second}-2`, 'two');
      expect(
        await studio.awaitExecutions(after.sid, 1),
        'executions of the flow Integration.FlowSid was updated to',
      ).toHaveLength(1);
      expect(
        (await studio.executions(before.sid)).json.executions,
        'executions of the flow Integration.FlowSid named before the update',
      ).toHaveLength(1);
    },
  );

  test(
    'Send to Flex passes the Flex Flow’s channel type into the task attributes (channelType)',
    verifies('MSG-CHANNELTYPE-IN-TASK-ATTRIBUTES'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const flow = await publishMessageFlow(studio, routing, workflow, {
        attributes: legacyDefaultAttributes,
      });
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(flexChannelType(), chatIdentity(), async (channelType, identity) => {
          const flexFlow = await messaging.studioFlexFlow(channelType, flow.sid);
          const channel = await messaging.channel(flexFlow.sid, identity);
          await messaging.say(channel, identity, 'Hello');
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(
            attributesOf(task!).channelType,
            "channelType of the task against the Flex Flow's ChannelType",
          ).toBe(channelType);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'facebook, whatsapp and line Flex Flows: with the widget on Programmable Chat the task is on the chat channel',
    verifies('MSG-TASK-CHANNEL-PROGRAMMABLE-CHAT'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const flow = await publishMessageFlow(studio, routing, workflow, {
        channel: routing.channels.chat.sid,
      });
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('facebook', 'whatsapp', 'line'),
          chatIdentity(),
          async (channelType, identity) => {
            const flexFlow = await messaging.studioFlexFlow(channelType, flow.sid);
            const channel = await messaging.channel(flexFlow.sid, identity);
            await messaging.say(channel, identity, 'Hello');
            const [task] = await awaitNewTasks(api, routing, workflow, seen);
            expect(task?.task_channel_unique_name, `task channel of a ${channelType} message's task`).toBe(
              'chat',
            );
          },
        ),
        scaled(weights.flow),
      );
    },
  );

  test(
    'a disabled Flex Flow: whether its messages still reach the flow (reported)',
    verifies('MSG-DISABLED-FLOW'),
    async ({ studio, routing, workflow, messaging }, testInfo) => {
      const flow = await publishMessageFlow(studio, routing, workflow);
      const [identity] = samplesOf(chatIdentity(), 1, 149);
      const flexFlow = await messaging.studioFlexFlow('web', flow.sid, { Enabled: false });
      const opened = await messaging.openChannel(flexFlow.sid, identity!);
      if (opened.status !== 201) {
        observeReading(testInfo, 'MSG-DISABLED-FLOW', 'channel-refused');
        expect(
          opened.status,
          'status of opening a channel on a disabled Flex Flow, when not 201',
        ).toBeGreaterThanOrEqual(400);
        return;
      }
      await messaging.say(opened.json, identity!, 'Hello');
      const executions = (await studio.executions(flow.sid)).json.executions;
      observeReading(testInfo, 'MSG-DISABLED-FLOW', executions.length > 0 ? 'still-routed' : 'not-routed');
      expect(executions.length, "executions a disabled Flex Flow's message started").toBeLessThanOrEqual(1);
    },
  );
});
