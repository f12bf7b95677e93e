import fc from 'fast-check';
import { customAttributes } from '../../generators/liquid';
import { conversationChannel, interactionRouting } from '../drivers/interaction-form';
import { attributesOf, awaitNewTasks } from '../drivers/taskrouter';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

const channel = JSON.stringify({ type: 'sms', initiated_by: 'customer' });

test.describe('the Interactions resource', () => {
  test(
    'POST /v1/Interactions without Channel is 400 / 20001 and routes nothing; Channel alone (no Routing) is accepted',
    verifies('CONV-INTERACTION-REQUIRES-CHANNEL'),
    async ({ api, routing, workflow }) => {
      const refused = await api.post('flex-api', '/v1/Interactions', {
        Routing: interactionRouting(routing, workflow, { sent: 'refused' }),
      });
      expect(refused.status, 'POST /v1/Interactions status').toBe(400);
      // the message text is not documented (WIRE-MISSING-PARAM-MESSAGE reports it); the code is
      expect(refused.json, 'error of POST /v1/Interactions without Channel').toMatchObject({ code: 20001 });
      const accepted = await api.post('flex-api', '/v1/Interactions', { Channel: channel });
      expect(accepted.status, 'POST /v1/Interactions status').toBe(200);
      // Effects, not echoes: the next routed create's task is the only one the workflow gets.
      const routed = await api.post('flex-api', '/v1/Interactions', {
        Channel: channel,
        Routing: interactionRouting(routing, workflow, { sent: 'accepted' }),
      });
      expect(routed.status, 'POST /v1/Interactions status').toBe(200);
      const tasks = await awaitNewTasks(api, routing, workflow, new Set());
      expect(
        tasks.map((task) => attributesOf(task).sent),
        "the workflow's tasks after a refused and an accepted create",
      ).toEqual(['accepted']);
    },
  );

  test(
    'a successful POST /v1/Interactions answers 200, not 201',
    verifies('WIRE-INTERACTIONS-CREATE-200'),
    async ({ api, routing, workflow }) => {
      const created = await api.post('flex-api', '/v1/Interactions', {
        Channel: channel,
        Routing: interactionRouting(routing, workflow),
      });
      expect(created.status, 'POST /v1/Interactions status').toBe(200);
    },
  );

  test(
    'an Interaction’s sid matches ^KD[0-9a-fA-F]{32}$ and fetches at /v1/Interactions/{Sid}',
    verifies('CONV-INTERACTION-SID-KD'),
    async ({ api }) => {
      const created = await api.post<{ sid: string }>('flex-api', '/v1/Interactions', { Channel: channel });
      expect(created.json.sid, 'sid of the created Interaction').toMatch(/^KD[0-9a-fA-F]{32}$/);
      const fetched = await api.get<{ sid: string }>('flex-api', `/v1/Interactions/${created.json.sid}`);
      expect(fetched.status, 'GET /v1/Interactions/… status').toBe(200);
      expect(fetched.json.sid, 'sid of the fetched Interaction against the created one').toBe(
        created.json.sid,
      );
    },
  );

  test(
    'every attribute in Routing properties.attributes reaches the task unchanged',
    verifies('CONV-INTERACTION-ROUTING-AS-IS'),
    async ({ api, routing, workflow }) => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(customAttributes(), async (attributes) => {
          const created = await api.post('flex-api', '/v1/Interactions', {
            Channel: channel,
            Routing: interactionRouting(routing, workflow, attributes),
          });
          expect(created.status, 'POST /v1/Interactions status').toBe(200);
          const [task] = await awaitNewTasks(api, routing, workflow, seen);
          expect(task, 'the Interaction created no task').toBeDefined();
          expect(
            attributesOf(task!),
            "attributes of the Interaction's task against Routing properties.attributes",
          ).toMatchObject(attributes);
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'a created Interaction shows its task under routing.properties as the Interactions example does',
    verifies('CONV-INTERACTION-ROUTING-TASK-OBJECT'),
    async ({ api, routing, workflow }) => {
      const created = await api.post<{ routing: { properties?: Record<string, unknown> } }>(
        'flex-api',
        '/v1/Interactions',
        { Channel: channel, Routing: interactionRouting(routing, workflow) },
      );
      expect(created.status, 'POST /v1/Interactions status').toBe(200);
      const task = created.json.routing.properties ?? {};
      expect(created.json.routing, 'routing').toHaveProperty('reservation');
      expect(task, 'routing.properties').toMatchObject({
        sid: expect.stringMatching(/^WT[0-9a-fA-F]{32}$/),
        workflow_sid: workflow,
        queue_sid: expect.stringMatching(/^WQ[0-9a-fA-F]{32}$/),
        queue_name: expect.any(String),
        workflow_name: expect.any(String),
        age_in_queue: expect.any(Number),
        date_created: expect.any(Number),
        task_queue_entered_date: expect.any(Number),
      });
    },
  );

  test(
    'create answers 200 on acceptance; the task may follow (reported as immediate or later)',
    verifies('CONV-INTERACTION-ASYNC'),
    async ({ api, routing, workflow }, testInfo) => {
      const created = await api.post('flex-api', '/v1/Interactions', {
        Channel: channel,
        Routing: interactionRouting(routing, workflow),
      });
      expect(created.status, 'POST /v1/Interactions status').toBe(200);
      const immediately = await routing.workspace(api).tasksOf(workflow);
      const eventually =
        immediately.length > 0 ? immediately : await awaitNewTasks(api, routing, workflow, new Set());
      testInfo.annotations.push({
        type: 'observation',
        description:
          immediately.length > 0 ? 'the task existed when create answered' : 'the task appeared later',
      });
      expect(eventually.length, 'tasks of an accepted Interaction, immediately or later').toBeGreaterThan(0);
    },
  );
});

test.describe('what the documents leave to the application', () => {
  test(
    'canceling a conversation’s task leaves the conversation open (reported)',
    verifies('CONV-ORPHANED-CONVERSATIONS'),
    async ({ api, routing, workflow, customers }, testInfo) => {
      const conversation = await customers.open({
        channel: 'sms',
        address: '+14155550123',
        conversationAttributes: {},
      });
      await api.post('flex-api', '/v1/Interactions', {
        Channel: conversationChannel('sms', conversation.sid),
        Routing: interactionRouting(routing, workflow),
      });
      const [task] = await awaitNewTasks(api, routing, workflow, new Set());
      const canceled = await api.post(
        'taskrouter',
        `/v1/Workspaces/${routing.workspaceSid}/Tasks/${task!.sid}`,
        {
          AssignmentStatus: 'canceled',
          Reason: 'customer left',
        },
      );
      expect(canceled.status, 'POST /v1/Workspaces/…/Tasks/… status').toBe(200);
      const after = await api.get<{ state: string }>(
        'conversations',
        `/v1/Conversations/${conversation.sid}`,
      );
      testInfo.annotations.push({
        type: 'observation',
        description: `conversation state after cancel: ${after.json.state}`,
      });
      expect(
        ['active', 'inactive', 'closed'],
        'state of the conversation after its task is canceled',
      ).toContain(after.json.state);
    },
  );

  test(
    'accounts created on or after 2022-03-30 come with Flex Conversations set up',
    verifies('CONV-PREREQS-OUT-OF-BOX'),
    async ({ api, target }) => {
      test.skip(
        target.kind !== 'twilio' && target.kind !== 'replay',
        'only a real Flex account shows how it was provisioned',
      );
      const configuration = await api.get<{ default_chat_service_sid?: string }>(
        'conversations',
        '/v1/Configuration',
      );
      expect(configuration.status, 'GET /v1/Configuration status').toBe(200);
      expect(
        configuration.json.default_chat_service_sid,
        'default_chat_service_sid of the Flex configuration',
      ).toMatch(/^IS[0-9a-fA-F]{32}$/);
    },
  );
});
