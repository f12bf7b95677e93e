/**
 * What a Flex application does with an Interaction after its task is created: closing or
 * deactivating the Interaction's channel (which changes the state of its tasks) and inviting
 * another agent or queue to the channel (which routes a new task).
 */
import fc from 'fast-check';
import { customAttributes } from '../../generators/liquid';
import type { TwilioApi } from '../../targets/http/client';
import { interactionRouting } from '../drivers/interaction-form';
import { assignmentTiming, attributesOf, awaitNewTasks, TaskRouterApi } from '../drivers/taskrouter';
import { expect, test, verifies } from '../fixtures';
import { watchForTrace } from '../no-trace';
import { scaled, weights } from '../properties';

const channel = JSON.stringify({ type: 'sms', initiated_by: 'customer' });

interface CreatedInteraction {
  sid: string;
  channel: { sid: string };
}

async function createInteraction(api: TwilioApi, routing?: string): Promise<CreatedInteraction> {
  const created = await api.post<CreatedInteraction>('flex-api', '/v1/Interactions', {
    Channel: channel,
    ...(routing === undefined ? {} : { Routing: routing }),
  });
  expect(created.status, 'POST /v1/Interactions status').toBe(200);
  return created.json;
}

const channelPath = (interaction: CreatedInteraction) =>
  `/v1/Interactions/${interaction.sid}/Channels/${interaction.channel.sid}`;

test.describe("an Interaction's channel after the task is created", () => {
  test(
    'closing the channel without Routing answers it closed and wraps its assigned task up',
    verifies('CONV-INTERACTION-CLOSE-WRAPS-TASK'),
    async ({ api, uniqueName, cleanup, target }) => {
      const taskRouter = new TaskRouterApi(api, uniqueName, cleanup, assignmentTiming(target.kind));
      const scene = await taskRouter.routingScene();
      await scene.becomeAvailable();
      const interaction = await createInteraction(
        api,
        JSON.stringify({
          properties: { workspace_sid: scene.workspace.sid, workflow_sid: scene.workflowSid },
        }),
      );
      const reservation = await scene.nextReservation();
      await scene.accept(reservation);
      const closed = await api.post<{ status: string }>('flex-api', channelPath(interaction), {
        Status: 'closed',
      });
      expect(closed.status, 'POST /v1/Interactions/…/Channels/… status').toBe(200);
      expect(closed.json.status, 'channel status').toBe('closed');
      const afterClosing = 'assignment_status of the task after its channel is closed';
      await expect
        .poll(() => scene.workspace.statusOf(reservation.task_sid), {
          timeout: 15_000,
          message: afterClosing,
        })
        .toBe('wrapping');
    },
  );

  test(
    'setting the channel inactive without Routing is 400; with Routing {"status":"closed"} it is inactive',
    verifies('CONV-INTERACTION-INACTIVE-NEEDS-ROUTING'),
    async ({ api }) => {
      const interaction = await createInteraction(api);
      const unchanged = await watchForTrace(
        'the Interaction channel',
        async () => (await api.get('flex-api', channelPath(interaction))).json,
      );
      const refused = await api.post('flex-api', channelPath(interaction), { Status: 'inactive' });
      expect(refused.status, 'Status=inactive without Routing').toBe(400);
      await unchanged();
      const accepted = await api.post<{ status: string }>('flex-api', channelPath(interaction), {
        Status: 'inactive',
        Routing: '{"status":"closed"}',
      });
      expect(
        [accepted.status, accepted.json.status],
        'status and channel status with Routing {"status":"closed"}',
      ).toEqual([200, 'inactive']);
    },
  );

  test(
    "an invite to the channel routes a new task carrying the invite's attributes",
    verifies('CONV-INTERACTION-INVITE-ROUTES-TASK'),
    async ({ api, routing, workflow }) => {
      const seen = new Set<string>();
      const interaction = await createInteraction(api);
      const invites = `${channelPath(interaction)}/Invites`;
      await fc.assert(
        fc.asyncProperty(customAttributes(), async (attributes) => {
          const invited = await api.post<{ sid: string }>('flex-api', invites, {
            Routing: interactionRouting(routing, workflow, attributes),
          });
          expect(invited.status, 'POST …/Invites status').toBe(200);
          expect(invited.json.sid, 'sid of the invite').toMatch(/^KG[0-9a-fA-F]{32}$/);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the invite routed no task').toBeDefined();
          expect(
            attributesOf(task!),
            "attributes of the invite's task against the invite's attributes",
          ).toMatchObject(attributes);
          const listed = await api.get<{ invites: Array<{ sid: string }> }>('flex-api', invites, {
            query: { PageSize: 1000 },
          });
          expect(
            listed.json.invites.map((invite) => invite.sid),
            'invites listed on the channel',
          ).toContain(invited.json.sid);
        }),
        scaled(weights.resource),
      );
    },
  );
});
