import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { exported, TIMEOUT_MAX, timeout } from '../../generators/studio';
import { callFlowDefinition, callThroughQueue, publishCallFlow, voiceWidget } from '../drivers/call-flows';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

test.describe('task timeout', () => {
  test(
    'a widget without a timeout gives the task 3600 s (widget page) or 86,400 s (APIs), reported',
    verifies('STF-TIMEOUT-DEFAULT'),
    async ({ api, studio, routing, workflow, voice }, testInfo) => {
      const flow = await publishCallFlow(studio, routing, workflow);
      const [call] = fc.sample(incomingCall(), { numRuns: 1, seed: 31 });
      const { task } = await callThroughQueue(voice, api, routing, workflow, flow, call!);
      expect(task, 'the call has no task').toBeDefined();
      const reading =
        task?.timeout === 3600 ? 'widget-3600' : task?.timeout === 86_400 ? 'api-86400' : undefined;
      if (reading) observeReading(testInfo, 'STF-TIMEOUT-DEFAULT', reading);
      expect([3600, 86_400], `timeout ${task?.timeout} follows neither documented default`).toContain(
        task?.timeout,
      );
    },
  );

  test(
    'the configured timeout (1 to 1,209,600 s) is the task’s timeout',
    verifies('STF-TIMEOUT-PASSED-TO-TASK'),
    async ({ api, studio, routing, workflow, voice }) => {
      await fc.assert(
        fc.asyncProperty(timeout(), incomingCall(), async (t, call) => {
          const flow = await publishCallFlow(studio, routing, workflow, { timeout: exported(t) });
          const { task } = await callThroughQueue(voice, api, routing, workflow, flow, call);
          expect(task, 'the call has no task').toBeDefined();
          expect(task?.timeout).toBe(t);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'a timeout of two weeks (1,209,600 s) is accepted and is the task’s timeout',
    verifies('STF-TIMEOUT-MAX-TWO-WEEKS'),
    async ({ api, studio, routing, workflow, voice }) => {
      const flow = await publishCallFlow(studio, routing, workflow, { timeout: exported(TIMEOUT_MAX) });
      const [call] = fc.sample(incomingCall(), { numRuns: 1, seed: 37 });
      const { task } = await callThroughQueue(voice, api, routing, workflow, flow, call!);
      expect(task, 'the call has no task').toBeDefined();
      expect(task?.timeout).toBe(TIMEOUT_MAX);
    },
  );

  test(
    'a timeout above two weeks never gives a task more than 1,209,600 s; refused, failed or clamped (reported)',
    verifies('STF-TIMEOUT-OVER-MAX', 'STF-TIMEOUT-MAX-TWO-WEEKS'),
    async ({ api, studio, routing, workflow, voice }, testInfo) => {
      const [call] = fc.sample(incomingCall(), { numRuns: 1, seed: 41 });
      const flow = await studio.create(
        callFlowDefinition(routing, workflow, { timeout: exported(TIMEOUT_MAX + 1) }),
      );
      if (flow.status !== 201) {
        observeReading(testInfo, 'STF-TIMEOUT-OVER-MAX', 'validation-refuses');
        expect(flow.json.code, flow.text).toBe(81022);
        return;
      }
      const { task } = await callThroughQueue(voice, api, routing, workflow, flow.json, call!);
      if (task) {
        observeReading(testInfo, 'STF-TIMEOUT-OVER-MAX', 'clamped');
        expect(task.timeout).toBeLessThanOrEqual(TIMEOUT_MAX);
      } else {
        observeReading(testInfo, 'STF-TIMEOUT-OVER-MAX', 'failed-to-create-task');
        const [execution] = await studio.awaitExecutions(flow.json.sid);
        const steps = await studio.awaitStepFrom(flow.json.sid, execution!.sid, voiceWidget);
        expect(steps.find((step) => step.transitioned_from === voiceWidget)?.name).toBe('failedToEnqueue');
      }
    },
  );
});
