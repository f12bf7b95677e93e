import fc from 'fast-check';
import type { RuleId } from '../../contracts/rules';
import { createWithout, type IntegrationType, validCreate } from '../../generators/flex-flow';
import { expect, test, verifies } from './fixtures';

const alwaysRequired: ReadonlyArray<readonly [string, RuleId]> = [
  ['FriendlyName', 'FLEXFLOW-CREATE-REQUIRES-FRIENDLYNAME'],
  ['ChatServiceSid', 'FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID'],
  ['ChannelType', 'FLEXFLOW-CREATE-REQUIRES-CHANNELTYPE'],
];

const conditional: ReadonlyArray<readonly [IntegrationType, string, RuleId]> = [
  ['studio', 'Integration.FlowSid', 'FLEXFLOW-STUDIO-REQUIRES-FLOWSID'],
  ['external', 'Integration.Url', 'FLEXFLOW-EXTERNAL-REQUIRES-URL'],
  ['task', 'Integration.WorkspaceSid', 'FLEXFLOW-TASK-REQUIRES-WORKSPACESID'],
  ['task', 'Integration.WorkflowSid', 'FLEXFLOW-TASK-REQUIRES-WORKFLOWSID'],
];

test.describe('required parameters of a Flex Flow create', () => {
  for (const [parameter, rule] of alwaysRequired) {
    test(
      `a create without ${parameter} is answered 400 with code 20001 and creates nothing`,
      verifies(rule),
      async ({ flexFlows }) => {
        await fc.assert(
          fc.asyncProperty(validCreate(), async ({ [parameter]: _omitted, ...body }) => {
            const marker = `missing-${parameter}-${Math.random().toString(36).slice(2)}`;
            const response = await flexFlows.create(
              parameter === 'FriendlyName' ? body : { ...body, FriendlyName: marker },
            );
            expect(response.status, response.text).toBe(400);
            expect(response.json.code).toBe(20001);
            if (parameter !== 'FriendlyName') {
              const listed = await flexFlows.list({ FriendlyName: flexFlows.nameFor(marker) });
              expect(listed.json.flex_flows).toHaveLength(0);
            }
          }),
          { numRuns: 8 },
        );
      },
    );
  }

  for (const [type, parameter, rule] of conditional) {
    test(
      `a ${type} flow without ${parameter} is refused with a 4xx error`,
      verifies(rule),
      async ({ flexFlows }) => {
        await fc.assert(
          fc.asyncProperty(createWithout(type, parameter), async (body) => {
            const response = await flexFlows.create(body);
            expect(response.status, response.text).toBeGreaterThanOrEqual(400);
            expect(response.status, response.text).toBeLessThan(500);
          }),
          { numRuns: 8 },
        );
      },
    );
  }

  test(
    'a refused conditional requirement is answered with code 20001 (undocumented: reported only)',
    verifies('FLEXFLOW-CONDITIONAL-REQUIRED-ERROR-CODE'),
    async ({ flexFlows }) => {
      for (const [type, parameter] of conditional) {
        const [body] = fc.sample(createWithout(type, parameter), { numRuns: 1, seed: 7 });
        const response = await flexFlows.create(body!);
        expect(response.status, `${type} without ${parameter}`).toBe(400);
        expect(response.json.code, `${type} without ${parameter}`).toBe(20001);
      }
    },
  );
});
