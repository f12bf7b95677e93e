import fc from 'fast-check';
import { validCreate, validCreateOfEachType } from '../../generators/flex-flow';
import { scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

/** The wire name of each create parameter and where the resource echoes it. */
const echoed: ReadonlyArray<readonly [string, (body: Record<string, unknown>) => unknown]> = [
  ['ChatServiceSid', (b) => b.chat_service_sid],
  ['ChannelType', (b) => b.channel_type],
  ['ContactIdentity', (b) => b.contact_identity],
  ['Enabled', (b) => b.enabled],
  ['IntegrationType', (b) => b.integration_type],
  ['LongLived', (b) => b.long_lived],
  ['JanitorEnabled', (b) => b.janitor_enabled],
];

const integrationEchoed: ReadonlyArray<readonly [string, string]> = [
  ['Integration.FlowSid', 'flow_sid'],
  ['Integration.Url', 'url'],
  ['Integration.WorkspaceSid', 'workspace_sid'],
  ['Integration.WorkflowSid', 'workflow_sid'],
  ['Integration.Channel', 'channel'],
  ['Integration.Timeout', 'timeout'],
  ['Integration.Priority', 'priority'],
  ['Integration.RetryCount', 'retry_count'],
];

test.describe('creating a Flex Flow', () => {
  test(
    'a valid create of any integration type is answered 201 Created',
    verifies('FLEXFLOW-CREATE-RETURNS-201'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const response = await flexFlows.create(body);
          expect(response.status, 'flexFlows.create(…) status').toBe(201);
        }),
      );
    },
  );

  test(
    'a created flow echoes every parameter it was sent',
    verifies('FLEXFLOW-CREATE-ECHOES-PARAMS'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(json.friendly_name, 'friendly_name of the created flow').toBe(
            flexFlows.nameFor(String(body.FriendlyName)),
          );
          for (const [name, read] of echoed) {
            if (body[name] !== undefined) expect(read(json), name).toBe(body[name]);
          }
        }),
      );
    },
  );

  test(
    'the integration object carries the Integration.* parameters of its type',
    verifies('FLEXFLOW-INTEGRATION-OBJECT'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(typeof json.integration, "type of the created flow's integration").toBe('object');
          for (const [name, field] of integrationEchoed) {
            if (body[name] !== undefined) expect(json.integration[field], name).toEqual(body[name]);
          }
        }),
      );
    },
  );

  test(
    'a created flow carries every documented field',
    verifies('FLEXFLOW-RESPONSE-FIELDS'),
    async ({ flexFlows }) => {
      const fields = [
        'account_sid',
        'date_created',
        'date_updated',
        'sid',
        'friendly_name',
        'chat_service_sid',
        'channel_type',
        'contact_identity',
        'enabled',
        'integration_type',
        'integration',
        'long_lived',
        'janitor_enabled',
        'url',
      ];
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(Object.keys(json), 'fields of the created flow').toEqual(expect.arrayContaining(fields));
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'the flow SID matches ^FO[0-9a-fA-F]{32}$',
    verifies('FLEXFLOW-SID-PATTERN'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(json.sid, 'sid of the created flow').toMatch(/^FO[0-9a-fA-F]{32}$/);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'account_sid of a created flow of every integration type is the account that created it',
    verifies('FLEXFLOW-ACCOUNT-SID-PATTERN'),
    async ({ flexFlows, target }) => {
      await fc.assert(
        fc.asyncProperty(validCreateOfEachType(), async (bodies) => {
          for (const body of bodies) {
            const { json } = await flexFlows.create(body);
            const type = body.IntegrationType;
            expect(json.account_sid, `account_sid of a created ${type} flow: an account SID`).toMatch(
              /^AC[0-9a-fA-F]{32}$/,
            );
            expect(json.account_sid, `account_sid of a created ${type} flow: the creating account`).toBe(
              target.credentials.accountSid,
            );
          }
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'date_created and date_updated are ISO 8601 date-times in GMT',
    verifies('FLEXFLOW-DATES-ISO8601'),
    async ({ flexFlows }) => {
      const iso8601Utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
      await fc.assert(
        fc.asyncProperty(validCreate(), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(json.date_created, 'date_created of the created flow').toMatch(iso8601Utc);
          expect(json.date_updated, 'date_updated of the created flow').toMatch(iso8601Utc);
          expect(
            Number.isNaN(Date.parse(String(json.date_created))),
            'whether date_created of the created flow fails to parse',
          ).toBe(false);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'url of a created flow of every integration type is an absolute URL',
    verifies('FLEXFLOW-URL-ABSOLUTE'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreateOfEachType(), async (bodies) => {
          for (const body of bodies) {
            const { json } = await flexFlows.create(body);
            const url = URL.parse(String(json.url));
            expect(url?.protocol, `scheme of the url of a created ${body.IntegrationType} flow`).toMatch(
              /^https?:$/,
            );
          }
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'url of a created flow of every integration type addresses the flow itself: /v1/FlexFlows/{sid}, and fetching it returns the flow',
    verifies('FLEXFLOW-URL-PATH-ENDS-WITH-SID'),
    async ({ flexFlows, api }) => {
      await fc.assert(
        fc.asyncProperty(validCreateOfEachType(), async (bodies) => {
          for (const body of bodies) {
            const { json } = await flexFlows.create(body);
            const type = body.IntegrationType;
            expect(URL.parse(String(json.url))?.pathname, `path of the url of a created ${type} flow`).toBe(
              `/v1/FlexFlows/${json.sid}`,
            );
            const fetched = await api.follow<{ sid: string }>(String(json.url), 'flex-api');
            expect(fetched.status, `status of a GET of the url of a created ${type} flow`).toBe(200);
            expect(fetched.json.sid, `sid of the flow fetched from the url of a created ${type} flow`).toBe(
              json.sid,
            );
          }
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'ContactIdentity is optional: a create without it is accepted',
    verifies('FLEXFLOW-CONTACT-IDENTITY-OPTIONAL'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async ({ ContactIdentity: _omitted, ...body }) => {
          const response = await flexFlows.create(body);
          expect(response.status, 'flexFlows.create(…) status').toBe(201);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'contact_identity of a flow created without ContactIdentity: null or a value (reported)',
    verifies('FLEXFLOW-CONTACT-IDENTITY-OMITTED'),
    async ({ flexFlows }, testInfo) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async ({ ContactIdentity: _omitted, ...body }) => {
          const { json } = await flexFlows.create(body);
          const identity = json.contact_identity ?? null;
          const reading =
            identity === null
              ? 'null'
              : typeof identity === 'string' && identity !== ''
                ? 'example-value'
                : undefined;
          if (reading) observeReading(testInfo, 'FLEXFLOW-CONTACT-IDENTITY-OMITTED', reading);
          expect(reading, `neither reading: contact_identity ${JSON.stringify(identity)}`).toBeDefined();
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'enabled of a flow created without Enabled: false or true (reported)',
    verifies('FLEXFLOW-ENABLED-DEFAULT'),
    async ({ flexFlows }, testInfo) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), async ({ Enabled: _omitted, ...body }) => {
          const { json } = await flexFlows.create(body);
          if (typeof json.enabled === 'boolean')
            observeReading(testInfo, 'FLEXFLOW-ENABLED-DEFAULT', json.enabled ? 'enabled' : 'disabled');
          expect(typeof json.enabled, `enabled ${JSON.stringify(json.enabled)}`).toBe('boolean');
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'Enabled is a boolean and is echoed as sent',
    verifies('FLEXFLOW-ENABLED-BOOLEAN'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate(), fc.boolean(), async (body, enabled) => {
          const { json } = await flexFlows.create({ ...body, Enabled: enabled });
          expect(json.enabled, 'enabled of the created flow (Enabled sent)').toBe(enabled);
        }),
        scaled(weights.request),
      );
    },
  );
});
