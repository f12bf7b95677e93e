import fc from 'fast-check';
import { exported, TIMEOUT_MAX, timeout } from '../../generators/studio';
import { testEveryTrigger } from '../every-trigger';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

test.describe('task timeout', () => {
  testEveryTrigger(
    'a widget without a timeout gives the task 3600 s (widget page) or 86,400 s (APIs), reported',
    verifies('STF-TIMEOUT-DEFAULT'),
    async (trigger, _tools, testInfo) => {
      const flow = await trigger.publish();
      await fc.assert(
        fc.asyncProperty(trigger.customer(), async (who) => {
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          const reading =
            task?.timeout === 3600 ? 'widget-3600' : task?.timeout === 86_400 ? 'api-86400' : undefined;
          if (reading) observeReading(testInfo, 'STF-TIMEOUT-DEFAULT', reading);
          expect([3600, 86_400], `timeout ${task?.timeout} follows neither documented default`).toContain(
            task?.timeout,
          );
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'the configured timeout (1 to 1,209,600 s) is the task’s timeout',
    verifies('STF-TIMEOUT-PASSED-TO-TASK'),
    async (trigger) => {
      await fc.assert(
        fc.asyncProperty(timeout(), trigger.customer(), async (t, who) => {
          const flow = await trigger.publish({ timeout: exported(t) });
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(task?.timeout, "timeout of the task against the widget's timeout").toBe(t);
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'a timeout of two weeks (1,209,600 s) is accepted and is the task’s timeout',
    verifies('STF-TIMEOUT-MAX-TWO-WEEKS'),
    async (trigger) => {
      const flow = await trigger.publish({ timeout: exported(TIMEOUT_MAX) });
      await fc.assert(
        fc.asyncProperty(trigger.customer(), async (who) => {
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(task?.timeout, "timeout of the task against the widget's timeout at the maximum").toBe(
            TIMEOUT_MAX,
          );
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'a timeout above two weeks never gives a task more than 1,209,600 s; refused, failed or clamped (reported)',
    verifies('STF-TIMEOUT-OVER-MAX', 'STF-TIMEOUT-MAX-TWO-WEEKS'),
    async (trigger, { studio }, testInfo) => {
      const [who] = samplesOf(trigger.customer(), 1, 41);
      const flow = await studio.create(trigger.definition({ timeout: exported(TIMEOUT_MAX + 1) }));
      if (flow.status !== 201) {
        observeReading(testInfo, 'STF-TIMEOUT-OVER-MAX', 'validation-refuses');
        expect(flow.json.code, flow.text).toBe(81022);
        return;
      }
      const { task, execution } = await trigger.fire(flow.json, who);
      if (task) {
        observeReading(testInfo, 'STF-TIMEOUT-OVER-MAX', 'clamped');
        expect(task.timeout, 'timeout of a task from a widget timeout over the maximum').toBeLessThanOrEqual(
          TIMEOUT_MAX,
        );
      } else {
        observeReading(testInfo, 'STF-TIMEOUT-OVER-MAX', 'failed-to-create-task');
        const steps = await studio.awaitStepFrom(flow.json.sid, execution!.sid, trigger.widget);
        expect(
          steps.find((step) => step.transitioned_from === trigger.widget)?.name,
          'event the widget took for a timeout over the maximum',
        ).toBe('failedToEnqueue');
      }
    },
  );
});
