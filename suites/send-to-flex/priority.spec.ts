import fc from 'fast-check';
import { exported, priority, timeout } from '../../generators/studio';
import { testEveryTrigger } from '../every-trigger';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

test.describe('task priority', () => {
  testEveryTrigger(
    'a widget without a priority creates tasks with priority 0',
    verifies('STF-PRIORITY-DEFAULT-0'),
    async (trigger) => {
      const flow = await trigger.publish();
      await fc.assert(
        fc.asyncProperty(trigger.customer(), async (who) => {
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(task?.priority, 'priority of a task from a widget without priority').toBe(0);
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'the configured priority (0 to 2,147,483,647, exported as a string) is the task’s priority',
    verifies('STF-PRIORITY-PASSED-TO-TASK'),
    async (trigger) => {
      await fc.assert(
        fc.asyncProperty(priority(), trigger.customer(), async (p, who) => {
          const flow = await trigger.publish({ priority: exported(p) });
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(task?.priority, "priority of the task against the widget's priority").toBe(p);
        }),
        scaled(weights.flow),
      );
    },
  );

  testEveryTrigger(
    'any priority and timeout written as strings, as Studio exports them, become integer task values',
    verifies('STF-WIDGET-VALUES-AS-STRINGS'),
    async (trigger, _tools, testInfo) => {
      await fc.assert(
        fc.asyncProperty(priority(), timeout(), trigger.customer(), async (p, t, who) => {
          const flow = await trigger.publish({ priority: exported(p), timeout: exported(t) });
          const { task } = await trigger.fire(flow, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(
            [task?.priority, task?.timeout],
            "priority and timeout of the task against the widget's, written as strings",
          ).toEqual([p, t]);
        }),
        scaled(weights.flow),
      );
      observeReading(testInfo, 'STF-WIDGET-VALUES-AS-STRINGS', 'strings');
    },
  );

  testEveryTrigger(
    'any priority and timeout written as JSON numbers: accepted or refused, never misread (reported)',
    verifies('STF-WIDGET-VALUES-AS-STRINGS'),
    async (trigger, { studio }, testInfo) => {
      let acceptedAsIntegers = false;
      await fc.assert(
        fc.asyncProperty(priority(), timeout(), trigger.customer(), async (p, t, who) => {
          const created = await studio.create(trigger.definition({ priority: p, timeout: t }));
          if (created.status !== 201) {
            expect(created.json.code, created.text).toBe(81022);
            return;
          }
          const { task } = await trigger.fire(created.json, who);
          expect(task, 'the flow created no task').toBeDefined();
          expect(
            [task?.priority, task?.timeout],
            "priority and timeout of the task against the widget's, written as numbers",
          ).toEqual([p, t]);
          acceptedAsIntegers = true;
        }),
        scaled(weights.flow),
      );
      if (acceptedAsIntegers) observeReading(testInfo, 'STF-WIDGET-VALUES-AS-STRINGS', 'integers');
    },
  );
});
