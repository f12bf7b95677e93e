import fc from 'fast-check';
import { validCreate } from '../../generators/flex-flow';
import { samplesOf, scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

const withoutKeys =
  (...keys: string[]) =>
  (body: Record<string, string | number | boolean>) =>
    Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));

test.describe('documented defaults of a Flex Flow', () => {
  test('LongLived defaults to false', verifies('FLEXFLOW-LONGLIVED-DEFAULT-FALSE'), async ({ flexFlows }) => {
    await fc.assert(
      fc.asyncProperty(validCreate().map(withoutKeys('LongLived')), async (body) => {
        const { json } = await flexFlows.create(body);
        expect(json.long_lived, 'long_lived of a flow created without LongLived').toBe(false);
      }),
      scaled(weights.request),
    );
  });

  test(
    'JanitorEnabled defaults to false',
    verifies('FLEXFLOW-JANITOR-DEFAULT-FALSE'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate().map(withoutKeys('JanitorEnabled')), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(json.janitor_enabled, 'janitor_enabled of a flow created without JanitorEnabled').toBe(
            false,
          );
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'Integration.RetryCount defaults to 3 for studio and external flows',
    verifies('FLEXFLOW-RETRYCOUNT-DEFAULT'),
    async ({ flexFlows }, testInfo) => {
      const studioOrExternal = fc
        .constantFrom('studio' as const, 'external' as const)
        .chain((t) => validCreate(t));
      await fc.assert(
        fc.asyncProperty(studioOrExternal.map(withoutKeys('Integration.RetryCount')), async (body) => {
          const { json } = await flexFlows.create(body);
          const observed = json.integration.retry_count;
          if (observed === 3) observeReading(testInfo, 'FLEXFLOW-RETRYCOUNT-DEFAULT', 'default-3');
          if (observed === 1) observeReading(testInfo, 'FLEXFLOW-RETRYCOUNT-DEFAULT', 'example-1');
          expect(observed, 'integration.retry_count of a flow created without Integration.RetryCount').toBe(
            3,
          );
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a task flow created without Integration.Timeout shows timeout 86,400 in its integration (reported)',
    verifies('FLEXFLOW-TASK-DEFAULTS-ECHOED'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate('task').map(withoutKeys('Integration.Timeout')), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(
            json.integration.timeout,
            'integration.timeout of a task flow created without Integration.Timeout',
          ).toBe(86_400);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a task flow created without Integration.Priority shows priority 0 in its integration (reported)',
    verifies('FLEXFLOW-TASK-DEFAULTS-ECHOED'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate('task').map(withoutKeys('Integration.Priority')), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(
            json.integration.priority,
            'integration.priority of a task flow created without Integration.Priority',
          ).toBe(0);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a task flow accepted without Integration.Channel shows channel "default" in its integration (reported)',
    verifies('FLEXFLOW-TASK-DEFAULTS-ECHOED'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate('task').map(withoutKeys('Integration.Channel')), async (body) => {
          const response = await flexFlows.create(body);
          // A refusal is the other reading of FLEXFLOW-TASK-CHANNEL-DEFAULT, observed on the task check.
          if (response.status !== 201) return;
          expect(
            response.json.integration?.channel,
            'integration.channel of a task flow created without Integration.Channel',
          ).toBe('default');
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a create without IntegrationType: a studio flow, or no type at all (reported)',
    verifies('FLEXFLOW-INTEGRATION-TYPE-DEFAULT-STUDIO'),
    async ({ flexFlows }, testInfo) => {
      await fc.assert(
        fc.asyncProperty(validCreate('studio').map(withoutKeys('IntegrationType')), async (body) => {
          const response = await flexFlows.create(body);
          const type = response.status === 201 ? (response.json.integration_type ?? null) : undefined;
          const reading =
            type === 'studio'
              ? 'studio-default'
              : type === null || (response.status >= 400 && response.status < 500)
                ? 'no-default'
                : undefined;
          if (reading) observeReading(testInfo, 'FLEXFLOW-INTEGRATION-TYPE-DEFAULT-STUDIO', reading);
          expect(reading, `neither reading`).toBeDefined();
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a create that sends only Integration.Url and no IntegrationType: which reading the target follows',
    verifies('FLEXFLOW-CREATE-URL-WITHOUT-TYPE'),
    async ({ flexFlows }, testInfo) => {
      const [body] = samplesOf(
        validCreate('external').map(withoutKeys('IntegrationType', 'Integration.RetryCount')),
        1,
        9,
      );
      const response = await flexFlows.create(body!);
      const reading =
        response.status >= 400
          ? 'default-studio-rejects'
          : response.json.integration_type === 'external'
            ? 'infer-external'
            : 'example-literal';
      observeReading(testInfo, 'FLEXFLOW-CREATE-URL-WITHOUT-TYPE', reading);
      expect(
        response.status,
        'the answer is a documented outcome: 201 or a 4xx refusal',
      ).not.toBeGreaterThanOrEqual(500);
    },
  );

  test(
    'task-only parameters sent to a studio or external flow do not appear in its integration',
    verifies('FLEXFLOW-TASK-ONLY-PARAMS-NOT-APPLICABLE'),
    async ({ flexFlows }, testInfo) => {
      const studioOrExternal = fc
        .constantFrom('studio' as const, 'external' as const)
        .chain((t) => validCreate(t));
      await fc.assert(
        fc.asyncProperty(
          studioOrExternal,
          fc.integer({ min: 1, max: 1_209_600 }),
          fc.integer({ min: 1, max: 1000 }),
          async (body, timeout, priority) => {
            const response = await flexFlows.create({
              ...body,
              'Integration.Timeout': timeout,
              'Integration.Priority': priority,
            });
            observeReading(
              testInfo,
              'FLEXFLOW-TASK-ONLY-PARAMS-NOT-APPLICABLE',
              response.status >= 400 ? 'rejected' : 'ignored',
            );
            if (response.status >= 400) return; // refusing is the other documented reading
            expect(
              response.json.integration.timeout,
              'integration.timeout of a non-task flow sent Integration.Timeout',
            ).toBeUndefined();
            expect(
              response.json.integration.priority,
              'integration.priority of a non-task flow sent Integration.Priority',
            ).toBeUndefined();
          },
        ),
        scaled(weights.request),
      );
    },
  );

  test(
    'Integration.RetryCount sent to a task flow has no effect',
    verifies('FLEXFLOW-RETRYCOUNT-NOT-APPLICABLE-TASK'),
    async ({ flexFlows }) => {
      const [body] = samplesOf(validCreate('task'), 1, 13);
      const response = await flexFlows.create({ ...body!, 'Integration.RetryCount': 2 });
      expect(response.status, 'a documented outcome: ignored (201) or refused (4xx)').toBeLessThan(500);
      if (response.status < 400)
        expect(
          response.json.integration.retry_count,
          'integration.retry_count of a task flow sent Integration.RetryCount',
        ).toBeUndefined();
    },
  );
});
