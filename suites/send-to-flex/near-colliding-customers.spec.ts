import fc from 'fast-check';
import { nearlyCollidingCustomers } from '../../generators/callers';
import { type FlexChannel, publishMessageFlow } from '../drivers/legacy-messaging';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** The legacy default name and channelSid, and who wrote: what tells one customer's task from another's. */
const customerAttributes =
  '{"name": "{{trigger.message.ChannelAttributes.from}}", "channelSid": "{{trigger.message.ChannelSid}}", "customer": "{{trigger.message.From}}"}';

/** Whether two identities differ only in letter case. */
const caseVariants = (a: string, b: string) => a !== b && a.toLowerCase() === b.toLowerCase();

test.describe('customers whose identities nearly collide', () => {
  test(
    'two customers writing at the same time each get a task with their own channel’s from, ChannelSid and identity',
    verifies('STF-MESSAGE-TASK-PER-CUSTOMER'),
    async ({ api, studio, routing, workflow, messaging }, testInfo) => {
      const flow = await publishMessageFlow(studio, routing, workflow, { attributes: customerAttributes });
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(nearlyCollidingCustomers(), async (identities) => {
          const flexFlow = await messaging.studioFlexFlow('sms', flow.sid);
          const channels: FlexChannel[] = [];
          for (const identity of identities) channels.push(await messaging.channel(flexFlow.sid, identity));
          const [first, second] = channels as [FlexChannel, FlexChannel];
          if (caseVariants(...identities)) {
            observeReading(
              testInfo,
              'STF-MESSAGE-TASK-PER-CUSTOMER',
              first.sid === second.sid ? 'case-insensitive' : 'case-sensitive',
            );
            if (first.sid === second.sid) return;
          }
          for (const [i, identity] of identities.entries())
            await messaging.say(channels[i] as FlexChannel, identity, 'Hello');
          const tasks = await awaitNewTasks(api, routing, workflow, seen, { atLeast: 2 });
          const byCustomer = (a: Record<string, unknown>, b: Record<string, unknown>) =>
            String(a.customer).localeCompare(String(b.customer));
          expect(
            tasks.map(attributesOf).sort(byCustomer),
            `the tasks of ${JSON.stringify(identities)}: each its own customer's name, channel and identity`,
          ).toEqual(
            identities
              .map((identity, i) => ({ name: identity, channelSid: channels[i]?.sid, customer: identity }))
              .sort(byCustomer),
          );
        }),
        scaled(weights.flow),
      );
    },
  );
});
