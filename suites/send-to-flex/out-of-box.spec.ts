import { expect, test, verifies } from '../fixtures';

/** What a new Flex account comes with: only a real account can show it. */
const realAccountOnly = 'only a real Flex account shows what it was provisioned with';

test.describe('what a Flex account comes with', () => {
  test(
    'the Flex workspace has a workflow "Assign to Anyone" and a task channel "Programmable Chat" (reported)',
    verifies('STF-CONSOLE-DEFAULT-SELECTIONS'),
    async ({ api, target }, testInfo) => {
      test.skip(target.kind !== 'twilio' && target.kind !== 'replay', realAccountOnly);
      const workspaces = await api.get<{ workspaces: Array<{ sid: string; friendly_name: string }> }>(
        'taskrouter',
        '/v1/Workspaces',
      );
      const names: string[] = [];
      for (const workspace of workspaces.json.workspaces) {
        const workflows = await api.get<{ workflows: Array<{ friendly_name: string }> }>(
          'taskrouter',
          `/v1/Workspaces/${workspace.sid}/Workflows`,
        );
        const channels = await api.get<{ channels: Array<{ friendly_name: string }> }>(
          'taskrouter',
          `/v1/Workspaces/${workspace.sid}/TaskChannels`,
        );
        names.push(...workflows.json.workflows.map((w) => `workflow ${w.friendly_name}`));
        names.push(...channels.json.channels.map((c) => `channel ${c.friendly_name}`));
      }
      testInfo.annotations.push({ type: 'observation', description: names.join('; ') });
      expect(names, 'workflows and task channels of the Flex workspace').toEqual(
        expect.arrayContaining(['workflow Assign to Anyone', 'channel Programmable Chat']),
      );
    },
  );

  test(
    'the account has Studio flows with a send-to-flex widget (Voice IVR, Messaging, Chat)',
    verifies('STF-OUT-OF-BOX-FLOWS'),
    async ({ api, target }) => {
      test.skip(target.kind !== 'twilio' && target.kind !== 'replay', realAccountOnly);
      const flows = await api.get<{ flows: Array<{ sid: string }> }>('studio', '/v2/Flows', {
        query: { PageSize: 50 },
      });
      let withSendToFlex = 0;
      for (const flow of flows.json.flows) {
        const fetched = await api.get<{ definition: { states?: Array<{ type: string }> } }>(
          'studio',
          `/v2/Flows/${flow.sid}`,
        );
        // a flow listed a moment ago may be gone: another check (or user) of the account deleted it
        if (fetched.status !== 200) continue;
        if (fetched.json.definition.states?.some((state) => state.type === 'send-to-flex')) withSendToFlex++;
      }
      expect(withSendToFlex, 'Studio flows with a send-to-flex widget').toBeGreaterThanOrEqual(3);
    },
  );
});
