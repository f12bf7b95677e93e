import fc from 'fast-check';
import { chatIdentity, personName } from '../../generators/callers';
import { exported, priority, timeout } from '../../generators/studio';
import { legacyDefaultAttributes, publishMessageFlow } from '../drivers/legacy-messaging';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

const legacyChannelType = () => fc.constantFrom('sms', 'web');

test.describe('an incoming message becomes a task', () => {
  test(
    'the task is in the workflow’s workspace with the widget’s channel, priority, timeout and rendered attributes, pending',
    verifies('STF-MESSAGE-CREATES-TASK'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(chatIdentity(), priority(), timeout(), async (identity, p, t) => {
          const flow = await publishMessageFlow(studio, routing, workflow, {
            channel: routing.channels.sms.sid,
            priority: exported(p),
            timeout: exported(t),
            attributes: '{"customer": "{{trigger.message.From}}"}',
          });
          const flexFlow = await messaging.studioFlexFlow('sms', flow.sid);
          const channel = await messaging.channel(flexFlow.sid, identity);
          await messaging.say(channel, identity, 'Hello');
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the message has no task').toBeDefined();
          expect(
            task,
            "message's task against the widget's workflow, channel, priority and timeout",
          ).toMatchObject({
            workflow_sid: workflow,
            task_channel_unique_name: 'sms',
            priority: p,
            timeout: t,
            assignment_status: 'pending',
          });
          expect(attributesOf(task!), "attributes of the message's task, rendered").toEqual({
            customer: identity,
          });
        }),
        scaled(weights.flow),
      );
    },
  );
});

test.describe('the legacy SMS and Webchat default attributes', () => {
  for (const [attribute, rule] of [
    ['name', 'STF-LEGACY-MSG-DEFAULT-NAME'],
    ['channelType', 'STF-LEGACY-MSG-DEFAULT-CHANNELTYPE'],
    ['channelSid', 'STF-LEGACY-MSG-DEFAULT-CHANNELSID'],
  ] as const) {
    test(
      `${attribute} comes from the chat channel (${attribute === 'channelSid' ? 'trigger.message.ChannelSid' : 'its attributes'})`,
      verifies(rule),
      async ({ api, studio, routing, workflow, messaging }) => {
        const flow = await publishMessageFlow(studio, routing, workflow, {
          attributes: legacyDefaultAttributes,
        });
        const seen = new Set<string>();
        await fc.assert(
          fc.asyncProperty(
            legacyChannelType(),
            chatIdentity(),
            personName(),
            async (channelType, identity, name) => {
              const flexFlow = await messaging.studioFlexFlow(channelType, flow.sid);
              const channel = await messaging.channel(flexFlow.sid, identity, { ChatUserFriendlyName: name });
              await messaging.say(channel, identity, 'Hello');
              const [task] = await awaitNewTasks(api, routing, workflow, seen);
              expect(task, 'the message has no task').toBeDefined();
              const channelAttributes = await messaging.channelAttributes(channel);
              const expected = {
                name: channelAttributes.from,
                channelType: channelAttributes.channel_type,
                channelSid: channel.sid,
              }[attribute];
              expect(expected, 'the chat channel attributes lack the value').toBeTruthy();
              expect(
                attributesOf(task!)[attribute],
                `${attribute} of the task against the chat channel's attributes`,
              ).toBe(expected);
            },
          ),
          scaled(weights.flow),
        );
      },
    );
  }
});
