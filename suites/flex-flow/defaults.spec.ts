import fc from 'fast-check';
import { validCreate } from '../../generators/flex-flow';
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
        expect(json.long_lived).toBe(false);
      }),
      { numRuns: 6 },
    );
  });

  test(
    'JanitorEnabled defaults to false',
    verifies('FLEXFLOW-JANITOR-DEFAULT-FALSE'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate().map(withoutKeys('JanitorEnabled')), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(json.janitor_enabled).toBe(false);
        }),
        { numRuns: 6 },
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
          expect(observed).toBe(3);
        }),
        { numRuns: 6 },
      );
    },
  );

  test(
    'Integration.Timeout defaults to 86,400 seconds for task flows',
    verifies('FLEXFLOW-TASK-TIMEOUT-DEFAULT'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate('task').map(withoutKeys('Integration.Timeout')), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(json.integration.timeout).toBe(86_400);
        }),
        { numRuns: 5 },
      );
    },
  );

  test(
    'Integration.Priority defaults to 0 for task flows',
    verifies('FLEXFLOW-TASK-PRIORITY-DEFAULT'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate('task').map(withoutKeys('Integration.Priority')), async (body) => {
          const { json } = await flexFlows.create(body);
          expect(json.integration.priority).toBe(0);
        }),
        { numRuns: 5 },
      );
    },
  );

  test(
    'a task flow without Integration.Channel is accepted with channel "default"',
    verifies('FLEXFLOW-TASK-CHANNEL-DEFAULT'),
    async ({ flexFlows }, testInfo) => {
      const [body] = fc.sample(validCreate('task').map(withoutKeys('Integration.Channel')), {
        numRuns: 1,
        seed: 5,
      });
      const response = await flexFlows.create(body!);
      observeReading(
        testInfo,
        'FLEXFLOW-TASK-CHANNEL-DEFAULT',
        response.status === 201 ? 'default-applies' : 'required',
      );
      expect(response.status, response.text).toBe(201);
      expect(response.json.integration.channel).toBe('default');
    },
  );

  test(
    'a create without IntegrationType is a studio flow',
    verifies('FLEXFLOW-INTEGRATION-TYPE-DEFAULT-STUDIO'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(validCreate('studio').map(withoutKeys('IntegrationType')), async (body) => {
          const response = await flexFlows.create(body);
          expect(response.status, response.text).toBe(201);
          expect(response.json.integration_type).toBe('studio');
        }),
        { numRuns: 5 },
      );
    },
  );

  test(
    'a create that sends only Integration.Url and no IntegrationType: which reading the target follows',
    verifies('FLEXFLOW-CREATE-URL-WITHOUT-TYPE'),
    async ({ flexFlows }, testInfo) => {
      const [body] = fc.sample(
        validCreate('external').map(withoutKeys('IntegrationType', 'Integration.RetryCount')),
        { numRuns: 1, seed: 9 },
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
            expect(response.json.integration.timeout).toBeUndefined();
            expect(response.json.integration.priority).toBeUndefined();
          },
        ),
        { numRuns: 6 },
      );
    },
  );

  test(
    'Integration.RetryCount sent to a task flow has no effect',
    verifies('FLEXFLOW-RETRYCOUNT-NOT-APPLICABLE-TASK'),
    async ({ flexFlows }) => {
      const [body] = fc.sample(validCreate('task'), { numRuns: 1, seed: 13 });
      const response = await flexFlows.create({ ...body!, 'Integration.RetryCount': 2 });
      expect(response.status, 'a documented outcome: ignored (201) or refused (4xx)').toBeLessThan(500);
      if (response.status < 400) expect(response.json.integration.retry_count).toBeUndefined();
    },
  );
});
