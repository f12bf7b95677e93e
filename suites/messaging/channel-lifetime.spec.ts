import fc from 'fast-check';
import { chatIdentity, e164, personName } from '../../generators/callers';
import { jsonSafeText } from '../../generators/liquid';
import type { TwilioApi } from '../../targets/http/client';
import { messagingPlatformFor, smsNumbersMissing } from '../drivers/account-messaging-platform';
import { legacyDefaultAttributes, publishMessageFlow } from '../drivers/legacy-messaging';
import type { MessagingPlatform } from '../drivers/messaging-platform';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, test, verifies } from '../fixtures';
import { samplesOf } from '../properties';

/** The target's messaging platform: the suite on the mock or a URL target, `--sms-numbers` on a real account. */
function smsPlatform(api: TwilioApi, cleanup: (undo: () => Promise<unknown>) => void): MessagingPlatform {
  const platform = messagingPlatformFor(api, cleanup);
  test.skip(!platform, smsNumbersMissing);
  return platform as MessagingPlatform;
}

test.describe('the life of a chat channel', () => {
  for (const longLived of [true, false]) {
    test(
      `${longLived ? 'a long-lived' : 'a short-lived'} channel ${longLived ? 'is kept' : 'is replaced'} for the next interaction after the task ends`,
      verifies('MSG-LONG-LIVED-KEEPS-CHANNEL'),
      async ({ api, studio, routing, workflow, messaging }) => {
        const [identity] = samplesOf(chatIdentity(), 1, longLived ? 157 : 163);
        const flow = await publishMessageFlow(studio, routing, workflow);
        const flexFlow = await messaging.studioFlexFlow('web', flow.sid, { LongLived: longLived });
        const first = await messaging.channel(flexFlow.sid, identity!);
        await messaging.say(first, identity!, 'first interaction');
        const [task] = await awaitNewTasks(api, routing, workflow, new Set());
        expect(task, 'the first interaction has no task').toBeDefined();
        const again = await messaging.channel(flexFlow.sid, identity!);
        expect(again.sid, 'while the task lasts the identity keeps its channel').toBe(first.sid);
        const canceled = await api.post(
          'taskrouter',
          `/v1/Workspaces/${routing.workspaceSid}/Tasks/${task!.sid}`,
          {
            AssignmentStatus: 'canceled',
            Reason: 'interaction over',
          },
        );
        expect(canceled.status, 'POST /v1/Workspaces/…/Tasks/… status').toBe(200);
        const next = await messaging.channel(flexFlow.sid, identity!);
        if (longLived)
          expect(next.sid, 'sid of the next channel of a long-lived Flex Flow: the same channel').toBe(
            first.sid,
          );
        else
          expect(next.sid, 'sid of the next channel of a short-lived Flex Flow: a new channel').not.toBe(
            first.sid,
          );
      },
    );
  }

  test(
    'pre-engagement data reaches the flow as given, marked as nothing more (reported)',
    verifies('MSG-PRE-ENGAGEMENT-UNVERIFIED'),
    async ({ api, studio, routing, workflow, messaging }, testInfo) => {
      const flow = await publishMessageFlow(studio, routing, workflow, {
        attributes: '{"pre": {{trigger.message.ChannelAttributes.pre_engagement_data | to_json}}}',
      });
      const [identity, name, question] = samplesOf(
        fc.tuple(chatIdentity(), personName(), jsonSafeText()),
        1,
        167,
      )[0]!;
      const preEngagement = { friendlyName: name, question, email: 'someone@example.com' };
      const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
      const channel = await messaging.channel(flexFlow.sid, identity, {
        PreEngagementData: JSON.stringify(preEngagement),
      });
      await messaging.say(channel, identity, 'Hello');
      const [task] = await awaitNewTasks(api, routing, workflow, new Set());
      const pre = attributesOf(task!).pre;
      testInfo.annotations.push({
        type: 'observation',
        description: `pre-engagement data in the task: ${JSON.stringify(pre)}`,
      });
      expect(pre, 'pre-engagement data in the task against PreEngagementData sent').toEqual(preEngagement);
    },
  );

  for (const janitor of [true, false]) {
    test(
      `with janitor_enabled ${janitor}, deleting the task through the API ${janitor ? 'removes' : 'keeps'} its Proxy session`,
      verifies('MSG-JANITOR-REMOVES-PROXY-SESSION'),
      async ({ api, studio, routing, workflow, messaging, cleanup }) => {
        const platform = smsPlatform(api, cleanup);
        const [generated, generatedSender] = samplesOf(
          fc.uniqueArray(e164(), { minLength: 2, maxLength: 2 }),
          1,
          janitor ? 173 : 179,
        )[0]!;
        const line = await platform.smsLine({ flexNumbers: [generated!], sender: generatedSender! });
        const [number] = line.flexNumbers;
        const flow = await publishMessageFlow(studio, routing, workflow, {
          attributes: legacyDefaultAttributes,
        });
        await messaging.studioFlexFlow('sms', flow.sid, {
          ContactIdentity: number!,
          JanitorEnabled: janitor,
        });
        await platform.deliverSms(line.sender, number!, 'Hello');
        const [task] = await awaitNewTasks(api, routing, workflow, new Set());
        expect(task, 'the SMS created no task').toBeDefined();
        const channelSid = attributesOf(task!).channelSid;
        const service = await platform.flexProxyService();
        const session = (await platform.sessions(service)).find((entry) => entry.unique_name === channelSid);
        expect(session, 'the SMS interaction has no Proxy session').toBeDefined();
        platform.forget(service, session!.sid);
        const deleted = await api.delete(
          'taskrouter',
          `/v1/Workspaces/${routing.workspaceSid}/Tasks/${task!.sid}`,
        );
        expect(deleted.status, 'DELETE /v1/Workspaces/…/Tasks/… status').toBe(204);
        const kept = (await platform.sessions(service)).some((entry) => entry.sid === session!.sid);
        expect(kept, `the Proxy session after the task was deleted (janitor_enabled ${janitor})`).toBe(
          !janitor,
        );
      },
    );
  }

  test(
    'SMS and WhatsApp messages pass through a Proxy session',
    verifies('MSG-PHONE-CHANNELS-PROXY'),
    async () => {
      test.skip(
        true,
        'Proxy sessions are not served by any API the suite reaches (proxy.twilio.com is outside its domains)',
      );
    },
  );

  test(
    'an SMS to a Flex Flow’s contact identity is handled by that Flex Flow, not by another SMS Flex Flow',
    verifies('MSG-CONTACT-IDENTITY-ROUTES'),
    async ({ api, studio, routing, workflow, messaging, cleanup }) => {
      const platform = smsPlatform(api, cleanup);
      const [numbers, sender] = samplesOf(
        fc.tuple(fc.uniqueArray(e164(), { minLength: 2, maxLength: 2 }), e164()),
        1,
        181,
      )[0]!;
      const line = await platform.smsLine({ flexNumbers: numbers, sender });
      const [other, addressed] = line.flexNumbers as [string, string];
      for (const [number, via] of [
        [other, 'other'],
        [addressed, 'addressed'],
      ] as const) {
        const flow = await publishMessageFlow(studio, routing, workflow, { attributes: `{"via": "${via}"}` });
        await messaging.studioFlexFlow('sms', flow.sid, { ContactIdentity: number });
      }
      await platform.deliverSms(line.sender, addressed, 'Hello');
      const tasks = await awaitNewTasks(api, routing, workflow, new Set());
      expect(
        tasks.map((task) => attributesOf(task).via),
        "tasks of an SMS to a Flex Flow's contact identity, by the Flex Flow that made them",
      ).toEqual(['addressed']);
    },
  );

  test(
    'web chat customers get a limited identity in the Flex Chat Service',
    verifies('MSG-WEBCHAT-ANONYMOUS-IDENTITY'),
    async ({ api, studio, routing, workflow, messaging }) => {
      const [identity] = samplesOf(chatIdentity(), 1, 173);
      const flow = await publishMessageFlow(studio, routing, workflow);
      const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
      await messaging.channel(flexFlow.sid, identity!);
      const service = await messaging.chatService();
      const user = await api.get<{ identity: string; role_sid: string }>(
        'chat',
        `/v2/Services/${service}/Users/${encodeURIComponent(identity!)}`,
      );
      expect(user.status, 'the customer has an identity in the Flex Chat Service').toBe(200);
      const role = await api.get<{ permissions: string[] }>(
        'chat',
        `/v2/Services/${service}/Roles/${user.json.role_sid}`,
      );
      expect(role.status, "GET the customer's role").toBe(200);
      const overOthers = role.json.permissions.filter((permission) =>
        /Any|destroyChannel|removeMember/.test(permission),
      );
      expect(overOthers, "the customer's role grants rights over other users' content").toEqual([]);
    },
  );

  test(
    'installing Flex creates SMS and web chat Flex Flows',
    verifies('MSG-FLEXFLOWS-PROVISIONED'),
    async ({ api, target }) => {
      test.skip(
        target.kind !== 'twilio' && target.kind !== 'replay',
        'only a real Flex account shows what installing Flex created',
      );
      const listed = await api.get<{ flex_flows: Array<{ channel_type: string }> }>(
        'flex-api',
        '/v1/FlexFlows',
        {
          query: { PageSize: 1000 },
        },
      );
      const types = listed.json.flex_flows.map((flow) => flow.channel_type);
      expect(types, 'channel types of the Flex Flows an installation creates').toEqual(
        expect.arrayContaining(['sms', 'web']),
      );
    },
  );
});
