import fc from 'fast-check';
import type { RuleId } from '../../contracts/rules';
import {
  channelTypes,
  integrationTypes,
  malformedSid,
  outOfEnum,
  outOfRangeRetryCount,
  retryCount,
  validCreate,
} from '../../generators/flex-flow';
import { samplesOf, scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

const isClientError = (status: number) => status >= 400 && status < 500;

/** Each SID parameter, the integration type it belongs to, its prefix and the rule naming its pattern. */
const sidParameters: ReadonlyArray<readonly [string, 'studio' | 'task' | undefined, string, RuleId]> = [
  ['ChatServiceSid', undefined, 'IS', 'FLEXFLOW-CHATSERVICESID-PATTERN'],
  ['Integration.FlowSid', 'studio', 'FW', 'FLEXFLOW-FLOWSID-PATTERN'],
  ['Integration.WorkspaceSid', 'task', 'WS', 'FLEXFLOW-WORKSPACESID-PATTERN'],
  ['Integration.WorkflowSid', 'task', 'WW', 'FLEXFLOW-WORKFLOWSID-PATTERN'],
];

test.describe('validation of Flex Flow parameters', () => {
  test(
    'a ChannelType outside web, sms, facebook, whatsapp, line, custom is refused',
    verifies('FLEXFLOW-CHANNEL-TYPE-ENUM', 'FLEXFLOW-INVALID-ENUM-REJECTED'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), outOfEnum(channelTypes), async (body, channelType) => {
          const { response, stored } = await flexFlows.createRefused({ ...body, ChannelType: channelType });
          expect(isClientError(response.status), `ChannelType ${channelType} refused with a 4xx`).toBe(true);
          expect(stored, 'a refused create leaves no flow behind').toHaveLength(0);
        }),
      );
    },
  );

  test(
    'every documented ChannelType is accepted',
    verifies('FLEXFLOW-CHANNEL-TYPE-ENUM'),
    async ({ flexFlows }) => {
      for (const channelType of channelTypes) {
        const [body] = samplesOf(validCreate(), 1, channelType.length);
        const response = await flexFlows.create({ ...body!, ChannelType: channelType });
        expect(response.status, `create with ChannelType ${channelType}: status`).toBe(201);
        expect(
          response.json.channel_type,
          `channel_type of a flow created with ChannelType ${channelType}`,
        ).toBe(channelType);
      }
    },
  );

  test(
    'an IntegrationType outside studio, external, task is refused',
    verifies('FLEXFLOW-INTEGRATION-TYPE-ENUM', 'FLEXFLOW-INVALID-ENUM-REJECTED'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), outOfEnum(integrationTypes), async (body, integrationType) => {
          const { response, stored } = await flexFlows.createRefused({
            ...body,
            IntegrationType: integrationType,
          });
          expect(
            isClientError(response.status),
            `IntegrationType ${integrationType} refused with a 4xx`,
          ).toBe(true);
          expect(stored, 'a refused create leaves no flow behind').toHaveLength(0);
        }),
      );
    },
  );

  for (const [parameter, type, prefix, rule] of sidParameters) {
    test(
      `${parameter} that does not match ^${prefix}[0-9a-fA-F]{32}$ is refused`,
      verifies(rule, 'FLEXFLOW-INVALID-SID-REJECTED'),
      async ({ flexFlows }) => {
        await fc.assert(
          fc.asyncProperty(validCreate(type), malformedSid(prefix), async (body, bad) => {
            const { response, stored } = await flexFlows.createRefused({ ...body, [parameter]: bad });
            expect(isClientError(response.status), `${bad} refused with a 4xx`).toBe(true);
            expect(stored, 'a refused create leaves no flow behind').toHaveLength(0);
          }),
        );
      },
    );
  }

  test(
    'a refused enum or SID value: 400, or another 4xx (reported)',
    verifies('FLEXFLOW-INVALID-PARAM-ERROR-CODE'),
    async ({ flexFlows }, testInfo) => {
      const invalidValue = fc.oneof(
        outOfEnum(channelTypes).map((value) => ({ ChannelType: value })),
        outOfEnum(integrationTypes).map((value) => ({ IntegrationType: value })),
        malformedSid('FW').map((value) => ({ 'Integration.FlowSid': value })),
      );
      await fc.assert(
        fc.asyncProperty(validCreate('studio'), invalidValue, async (body, invalid) => {
          const response = await flexFlows.create({ ...body, ...invalid });
          const reading =
            response.status === 400 ? 'http-400' : isClientError(response.status) ? 'other-4xx' : undefined;
          if (reading) observeReading(testInfo, 'FLEXFLOW-INVALID-PARAM-ERROR-CODE', reading);
          expect(reading, `a documented refusal of ${JSON.stringify(invalid)}`).toBeDefined();
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'Integration.RetryCount from 0 to 3 is accepted and echoed',
    verifies('FLEXFLOW-RETRYCOUNT-RANGE'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('studio' as const, 'external' as const).chain((t) => validCreate(t)),
          retryCount(),
          async (body, count) => {
            const response = await flexFlows.create({ ...body, 'Integration.RetryCount': count });
            expect(response.status, 'flexFlows.create(…) status').toBe(201);
            expect(
              response.json.integration.retry_count,
              `integration.retry_count of a flow created with Integration.RetryCount ${count}`,
            ).toBe(count);
          },
        ),
      );
    },
  );

  test(
    'Integration.RetryCount below 0 or above 3 is refused',
    verifies('FLEXFLOW-RETRYCOUNT-RANGE'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('studio' as const, 'external' as const).chain((t) => validCreate(t)),
          fc.oneof(outOfRangeRetryCount(), fc.constantFrom(-1, 4)),
          async (body, count) => {
            const { response, stored } = await flexFlows.createRefused({
              ...body,
              'Integration.RetryCount': count,
            });
            expect(isClientError(response.status), `RetryCount ${count} refused with a 4xx`).toBe(true);
            expect(stored, 'a refused create leaves no flow behind').toHaveLength(0);
          },
        ),
      );
    },
  );

  test(
    'Integration.CreationOnMessage is accepted as a boolean on task flows and echoed',
    verifies('FLEXFLOW-CREATION-ON-MESSAGE-OUTBOUND-ONLY'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate('task'), fc.boolean(), async (body, creationOnMessage) => {
          const response = await flexFlows.create({
            ...body,
            'Integration.CreationOnMessage': creationOnMessage,
          });
          expect(response.status, 'flexFlows.create(…) status').toBe(201);
          expect(
            response.json.integration.creation_on_message,
            'integration.creation_on_message of a task flow created with it',
          ).toBe(creationOnMessage);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'Integration.CreationOnMessage that is not a boolean is refused',
    verifies('FLEXFLOW-CREATION-ON-MESSAGE-OUTBOUND-ONLY'),
    async ({ flexFlows }) => {
      const [body] = samplesOf(validCreate('task'), 1, 17);
      const { response, stored } = await flexFlows.createRefused({
        ...body!,
        'Integration.CreationOnMessage': 'sometimes',
      });
      expect(isClientError(response.status), 'CreationOnMessage=sometimes refused with a 4xx').toBe(true);
      expect(stored, 'a refused create leaves no flow behind').toHaveLength(0);
    },
  );
});
