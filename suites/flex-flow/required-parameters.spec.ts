import fc from 'fast-check';
import type { RuleId } from '../../contracts/rules';
import { createWithout, type IntegrationType, validCreate } from '../../generators/flex-flow';
import { scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

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
            const { response, stored } = await flexFlows.createRefused(body);
            expect(response.status, `create without ${parameter}: status`).toBe(400);
            expect(response.json.code, `error code of a create without ${parameter}`).toBe(20001);
            expect(stored, 'a refused create leaves no flow behind').toHaveLength(0);
          }),
          scaled(weights.request),
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
            const { response, stored } = await flexFlows.createRefused(body);
            expect(response.status, `${type} create without ${parameter}: status`).toBeGreaterThanOrEqual(
              400,
            );
            expect(response.status, `${type} create without ${parameter}: status`).toBeLessThan(500);
            expect(stored, 'a refused create leaves no flow behind').toHaveLength(0);
          }),
          scaled(weights.request),
        );
      },
    );
  }

  test(
    'a refused conditional requirement: 400 with code 20001, or another code (reported)',
    verifies('FLEXFLOW-CONDITIONAL-REQUIRED-ERROR-CODE'),
    async ({ flexFlows }, testInfo) => {
      const missingOne = fc
        .constantFrom(...conditional)
        .chain(([type, parameter]) =>
          createWithout(type, parameter).map((body) => ({ type, parameter, body })),
        );
      await fc.assert(
        fc.asyncProperty(missingOne, async ({ type, parameter, body }) => {
          const response = await flexFlows.create(body);
          const reading =
            response.status !== 400
              ? undefined
              : response.json?.code === 20001
                ? '400-20001'
                : '400-other-code';
          if (reading) observeReading(testInfo, 'FLEXFLOW-CONDITIONAL-REQUIRED-ERROR-CODE', reading);
          expect(reading, `a documented refusal of a ${type} create without ${parameter}`).toBeDefined();
        }),
        scaled(weights.request),
      );
    },
  );
});
