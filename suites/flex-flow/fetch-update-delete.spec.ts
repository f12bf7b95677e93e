import fc from 'fast-check';
import {
  channelTypes,
  type FlexFlowForm,
  friendlyName,
  type IntegrationType,
  integrationFor,
  integrationType,
  integrationTypes,
  malformedSid,
  outOfEnum,
  outOfRangeRetryCount,
  partialUpdate,
  sid,
  validCreate,
  validCreateOfEachType,
} from '../../generators/flex-flow';
import { samplesOf, scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

/** Response fields a partial update must leave alone when it does not send them. */
const fieldOf: Readonly<Record<string, string>> = {
  FriendlyName: 'friendly_name',
  ChatServiceSid: 'chat_service_sid',
  ChannelType: 'channel_type',
  ContactIdentity: 'contact_identity',
  Enabled: 'enabled',
  LongLived: 'long_lived',
  JanitorEnabled: 'janitor_enabled',
};

const integrationFieldOf: Readonly<Record<string, string>> = {
  'Integration.FlowSid': 'flow_sid',
  'Integration.Url': 'url',
  'Integration.WorkspaceSid': 'workspace_sid',
  'Integration.WorkflowSid': 'workflow_sid',
  'Integration.Channel': 'channel',
  'Integration.Timeout': 'timeout',
  'Integration.Priority': 'priority',
  'Integration.RetryCount': 'retry_count',
};

test.describe('fetching, updating and deleting a Flex Flow', () => {
  test(
    'fetch returns 200 and the representation create returned',
    verifies('FLEXFLOW-FETCH-RETURNS-RESOURCE'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const created = await flexFlows.create(body);
          const fetched = await flexFlows.fetch(created.json.sid);
          expect(fetched.status, 'status of a fetch of a created flow').toBe(200);
          expect(fetched.json, 'fetched flow against the one create returned').toEqual(created.json);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'fetching a well-formed SID that does not exist is 404 with code 20404',
    verifies('FLEXFLOW-FETCH-UNKNOWN-404'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(sid('FO'), async (unknown) => {
          const response = await flexFlows.fetch(unknown);
          expect(response.status, 'status of a fetch of an unknown flow SID').toBe(404);
          expect(response.json.code, 'error code of a fetch of an unknown flow SID').toBe(20404);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'update of a flow of each integration type answers 200 with the updated flow',
    verifies('FLEXFLOW-UPDATE-RETURNS-200'),
    async ({ flexFlows }) => {
      for (const body of samplesOf(validCreateOfEachType(), 1, 21)[0]!) {
        const created = await flexFlows.create(body);
        const response = await flexFlows.update(created.json.sid, {
          FriendlyName: flexFlows.nameFor('renamed'),
        });
        expect(response.status, `update of a ${body.IntegrationType} flow: status`).toBe(200);
        expect(response.json.friendly_name, `friendly_name of the updated ${body.IntegrationType} flow`).toBe(
          flexFlows.nameFor('renamed'),
        );
      }
    },
  );

  test(
    'an update changes exactly the parameters it sends',
    verifies('FLEXFLOW-UPDATE-PARTIAL'),
    async ({ flexFlows }) => {
      const createThenUpdate = integrationType().chain((type) =>
        fc.tuple(validCreate(type), partialUpdate(type)),
      );
      await fc.assert(
        fc.asyncProperty(createThenUpdate, async ([body, rawUpdate]) => {
          const update =
            typeof rawUpdate.FriendlyName === 'string'
              ? { ...rawUpdate, FriendlyName: flexFlows.nameFor(rawUpdate.FriendlyName) }
              : rawUpdate;
          const before = (await flexFlows.create(body)).json;
          const response = await flexFlows.update(before.sid, update);
          expect(response.status, 'flexFlows.update(…) status').toBe(200);
          const after = (await flexFlows.fetch(before.sid)).json;
          for (const [parameter, field] of Object.entries(fieldOf)) {
            expect(after[field], parameter).toEqual(parameter in update ? update[parameter] : before[field]);
          }
          for (const [parameter, field] of Object.entries(integrationFieldOf)) {
            expect(after.integration[field], parameter).toEqual(
              parameter in update ? update[parameter] : before.integration[field],
            );
          }
          expect(after.integration_type, 'integration_type after an update that does not send it').toBe(
            before.integration_type,
          );
          expect(after.sid, 'sid after an update').toBe(before.sid);
          expect(after.date_created, 'date_created after an update').toBe(before.date_created);
        }),
      );
    },
  );

  test(
    'an update of a flow of each integration type refused for one invalid value changes nothing, not even the valid FriendlyName it carried',
    verifies('FLEXFLOW-INVALID-ENUM-REJECTED', 'FLEXFLOW-INVALID-SID-REJECTED', 'FLEXFLOW-RETRYCOUNT-RANGE'),
    async ({ flexFlows }) => {
      // Integration.RetryCount is not applicable to task flows, so no value of it is invalid there.
      const invalidValueFor = (type: IntegrationType) =>
        fc.oneof(
          outOfEnum(channelTypes).map((value): FlexFlowForm => ({ ChannelType: value })),
          malformedSid('IS').map((value): FlexFlowForm => ({ ChatServiceSid: value })),
          ...(type === 'task'
            ? []
            : [outOfRangeRetryCount().map((value): FlexFlowForm => ({ 'Integration.RetryCount': value }))]),
        );
      const invalidValues = fc.tuple(...integrationTypes.map(invalidValueFor));
      await fc.assert(
        fc.asyncProperty(
          validCreateOfEachType(),
          friendlyName(),
          invalidValues,
          async (bodies, name, invalidByType) => {
            for (const [index, body] of bodies.entries()) {
              const invalid = invalidByType[index]!;
              const what = `update of a ${body.IntegrationType} flow with ${JSON.stringify(invalid)}`;
              const before = (await flexFlows.create(body)).json;
              const response = await flexFlows.update(before.sid, {
                FriendlyName: flexFlows.nameFor(name),
                ...invalid,
              });
              expect(response.status, `${what}: status`).toBeGreaterThanOrEqual(400);
              expect(response.status, `${what}: status`).toBeLessThan(500);
              expect((await flexFlows.fetch(before.sid)).json, `the flow after the refused ${what}`).toEqual(
                before,
              );
            }
          },
        ),
        scaled(weights.request),
      );
    },
  );

  test(
    'updating a well-formed SID that does not exist is 404 with code 20404',
    verifies('FLEXFLOW-UPDATE-UNKNOWN-404'),
    async ({ flexFlows }) => {
      const response = await flexFlows.update(samplesOf(sid('FO'), 1, 4)[0]!, {
        FriendlyName: 'x',
      });
      expect(response.status, 'status of an update of an unknown flow SID').toBe(404);
      expect(response.json.code, 'error code of an update of an unknown flow SID').toBe(20404);
    },
  );

  test(
    'delete answers 204 with an empty body',
    verifies('FLEXFLOW-DELETE-RETURNS-204'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const created = await flexFlows.create(body);
          const response = await flexFlows.remove(created.json.sid);
          expect(response.status, 'status of a delete of a flow').toBe(204);
          expect(response.text, 'body of a delete of a flow').toBe('');
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'after a delete, fetch and delete of the flow are 404 with code 20404',
    verifies('FLEXFLOW-DELETE-THEN-404'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const created = await flexFlows.create(body);
          await flexFlows.remove(created.json.sid);
          const fetched = await flexFlows.fetch(created.json.sid);
          expect(fetched.status, 'status of a fetch of a deleted flow').toBe(404);
          expect(fetched.json.code, 'error code of a fetch of a deleted flow').toBe(20404);
          const deletedAgain = await flexFlows.remove(created.json.sid);
          expect(deletedAgain.status, 'status of a second delete of a flow').toBe(404);
        }),
        scaled(weights.request),
      );
    },
  );
});

test.describe('changing the integration type of a Flex Flow', () => {
  const typeChange = integrationType().chain((from) =>
    integrationType()
      .filter((to) => to !== from)
      .chain((to) => fc.tuple(validCreate(from), integrationFor(to))),
  );

  test(
    "an update changing IntegrationType: accepted only with the new type's parameters, or refused (reported)",
    verifies('FLEXFLOW-UPDATE-INTEGRATION-TYPE-CHANGE'),
    async ({ flexFlows }, testInfo) => {
      await fc.assert(
        fc.asyncProperty(typeChange, async ([body, integration]) => {
          const created = await flexFlows.create(body);
          expect(created.status, 'POST /v1/FlexFlows').toBe(201);
          const before = (await flexFlows.fetch(created.json.sid)).json;
          const bare = await flexFlows.update(created.json.sid, {
            IntegrationType: integration.IntegrationType,
          });
          expect(
            bare.status >= 400 && bare.status < 500,
            `a change to ${integration.IntegrationType} without its parameters refused with a 4xx (got ${bare.status})`,
          ).toBe(true);
          expect(
            (await flexFlows.fetch(created.json.sid)).json,
            `the flow after the refused change to ${integration.IntegrationType}`,
          ).toEqual(before);
          const complete = await flexFlows.update(created.json.sid, integration);
          if (complete.status === 200 && complete.json.integration_type === integration.IntegrationType) {
            observeReading(
              testInfo,
              'FLEXFLOW-UPDATE-INTEGRATION-TYPE-CHANGE',
              'change-with-new-requirements',
            );
          } else if (complete.status >= 400 && complete.status < 500) {
            observeReading(testInfo, 'FLEXFLOW-UPDATE-INTEGRATION-TYPE-CHANGE', 'type-fixed');
          } else {
            expect
              .soft(complete.status, 'the change with its parameters: neither applied nor refused')
              .toBe(200);
            expect(
              complete.json.integration_type,
              'integration_type after an update changing IntegrationType',
            ).toBe(integration.IntegrationType);
          }
        }),
        scaled(weights.request),
      );
    },
  );
});
