import fc from 'fast-check';
import { programmableChatEndOfLife } from '../../contracts/rules/lifecycle';
import { describeAnswer, endOfLifeAnswer } from '../../targets/twilio/prerequisites';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/**
 * Programmable Chat for Flex (and the Flex Flow resource with it) reaches end of life on June 1,
 * 2026; what the API does afterwards is undocumented (A5). These checks observe what the target
 * answers and hold the run's skipping to it; they never gate (the rules are `info`).
 */

const today = () => new Date().toISOString().slice(0, 10);

/** A list page size Twilio takes (1 to 1000), its ends included. */
const pageSize = () => fc.oneof(fc.constantFrom(1, 1000), fc.integer({ min: 1, max: 1000 }));

/** An Interactions create with everything but its required Channel: nothing, or Routing and a stray parameter. */
const withoutChannel = () =>
  fc.oneof(
    fc.constant({}),
    fc.record(
      {
        Routing: fc.constantFrom('{}', '{"properties":{}}', 'not json'),
        InteractionContextSid: fc.constantFrom('', 'HR00000000000000000000000000000000'),
      },
      { requiredKeys: [] },
    ),
  );
const flexFlowsProbe = { path: '/v1/FlexFlows', url: 'https://flex-api.twilio.com/v1/FlexFlows?PageSize=1' };

interface FlexConfiguration {
  ui_version?: string | null;
}

/** The Flex UI version the account's Flex configuration names, or why it cannot be read. */
async function flexUiVersion(api: import('../../targets/http/client').TwilioApi) {
  const response = await api.get<FlexConfiguration>('flex-api', '/v1/Configuration');
  return {
    response,
    version: response.status === 200 ? (response.json?.ui_version ?? undefined) : undefined,
  };
}

test.describe('end of life of Programmable Chat for Flex', () => {
  test(
    'after June 1, 2026 /v1/FlexFlows is either still served or refused as end of life: the report shows which',
    verifies('EOL-POST-EOL-BEHAVIOUR'),
    async ({ api }, testInfo) => {
      test.skip(
        today() < programmableChatEndOfLife,
        `the run date ${today()} is before the end of life (${programmableChatEndOfLife})`,
      );
      // Any page of the list gets the same treatment: served every time, or refused every time.
      const readings = new Set<string>();
      await fc.assert(
        fc.asyncProperty(pageSize(), async (size) => {
          const response = await api.get<{ flex_flows?: unknown }>('flex-api', flexFlowsProbe.path, {
            query: { PageSize: size },
          });
          const refused = endOfLifeAnswer('GET', flexFlowsProbe.url, response);
          if (refused) {
            if (!readings.has('retired'))
              testInfo.annotations.push({ type: 'evidence', description: describeAnswer(refused) });
            readings.add('retired');
          } else {
            expect(response.status, `PageSize=${size}: neither served nor refused as end of life`).toBe(200);
            expect(Array.isArray(response.json.flex_flows), response.text).toBe(true);
            readings.add('still-served');
          }
          expect([...readings], 'the same list both served and refused').toHaveLength(1);
        }),
        scaled(weights.request),
      );
      observeReading(testInfo, 'EOL-POST-EOL-BEHAVIOUR', [...readings][0] as 'retired' | 'still-served');
    },
  );

  test(
    'a target refusing Programmable Chat as end of life has its Flex Flow rules skipped, and never before June 1, 2026',
    verifies('EOL-PROGRAMMABLE-CHAT-2026-06-01'),
    async ({ api, prerequisites }, testInfo) => {
      const past = today() >= programmableChatEndOfLife;
      testInfo.annotations.push({
        type: 'observation',
        description: `run date ${today()} is ${past ? 'on or after' : 'before'} the end of life of Programmable Chat for Flex (${programmableChatEndOfLife})`,
      });
      const response = await api.get('flex-api', flexFlowsProbe.path, { query: { PageSize: 1 } });
      const refused = endOfLifeAnswer('GET', flexFlowsProbe.url, response);
      if (refused) {
        expect(past, `refused before the announced date: ${describeAnswer(refused)}`).toBe(true);
        expect(
          prerequisites.endOfLife,
          'the target refuses Flex Flows as end of life, but the run did not skip the Flex Flow rules',
        ).toBeDefined();
      } else {
        expect(response.status, 'GET flex-api/… status').toBe(200);
      }
    },
  );

  test(
    'the Flex Flow rules are for Flex UI 1.x: the report records the Flex UI version the account runs',
    verifies('EOL-FLEX-FLOW-SCOPE-FLEX-UI-1'),
    async ({ api }, testInfo) => {
      const { response, version } = await flexUiVersion(api);
      test.skip(
        response.status === 404,
        'the target serves no Flex configuration (GET /v1/Configuration answered 404): the Flex UI version cannot be observed',
      );
      expect(version, `ui_version of the Flex configuration`).toMatch(/^\d+\.\d+/);
      testInfo.annotations.push({
        type: 'observation',
        description: `Flex UI ${version}: Flex Flow rules ${String(version).startsWith('1.') ? 'apply to this account' : 'cover Flex UI 1.x channels only'}`,
      });
    },
  );

  test(
    'on Flex UI 2.x the Interactions API Flex Conversations needs is served (a create without Channel is refused 400, not 404)',
    verifies('EOL-CONVERSATIONS-REQUIRE-FLEX-UI-2'),
    async ({ api }, testInfo) => {
      const { response, version } = await flexUiVersion(api);
      test.skip(
        response.status === 404,
        'the target serves no Flex configuration (GET /v1/Configuration answered 404): the Flex UI version cannot be observed',
      );
      test.skip(
        !/^[2-9]\./.test(String(version)),
        `Flex UI ${version}: Flex Conversations is not expected before 2.0`,
      );
      const answered = new Set<number>();
      await fc
        .assert(
          fc.asyncProperty(withoutChannel(), async (form) => {
            const create = await api.post('flex-api', '/v1/Interactions', form);
            answered.add(create.status);
            expect(create.status, `POST /v1/Interactions ${JSON.stringify(form)} status`).toBe(400);
          }),
          scaled(weights.request),
        )
        .finally(() =>
          testInfo.annotations.push({
            type: 'observation',
            description: `POST /v1/Interactions without Channel answered ${[...answered].join(', ')}`,
          }),
        );
    },
  );

  test(
    'the Interactions API that migration leads to answers as an API: a create without Channel is a 400 Twilio error',
    verifies('EOL-MIGRATE-TO-CONVERSATIONS'),
    async ({ api }, testInfo) => {
      const probe = await api.post<{ code?: number }>('flex-api', '/v1/Interactions', {});
      test.skip(
        probe.status === 404,
        'the target does not serve /v1/Interactions (404): nothing to migrate to here',
      );
      testInfo.annotations.push({
        type: 'observation',
        description: `POST /v1/Interactions without Channel answered ${probe.status}`,
      });
      await fc.assert(
        fc.asyncProperty(withoutChannel(), async (form) => {
          const create = await api.post<{ code?: number }>('flex-api', '/v1/Interactions', form);
          expect(create.status, 'POST /v1/Interactions status').toBe(400);
          expect(typeof create.json.code, create.text).toBe('number');
        }),
        scaled(weights.request),
      );
    },
  );
});
