import fc from 'fast-check';
import { exported, priority } from '../../generators/studio';
import { testEveryTrigger } from '../every-trigger';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

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
    'priority and timeout written as strings, as Studio exports them, become integer task values',
    verifies('STF-WIDGET-VALUES-AS-STRINGS'),
    async (trigger, _tools, testInfo) => {
      const [p, who] = samplesOf(fc.tuple(priority(), trigger.customer()), 1, 23)[0]!;
      const flow = await trigger.publish({ priority: String(p), timeout: '7200' });
      const { task } = await trigger.fire(flow, who);
      expect(task, 'the flow created no task').toBeDefined();
      expect(
        [task?.priority, task?.timeout],
        "priority and timeout of the task against the widget's, written as strings",
      ).toEqual([p, 7200]);
      observeReading(testInfo, 'STF-WIDGET-VALUES-AS-STRINGS', 'strings');
    },
  );

  testEveryTrigger(
    'priority and timeout written as JSON numbers: accepted or refused, never misread (reported)',
    verifies('STF-WIDGET-VALUES-AS-STRINGS'),
    async (trigger, { studio }, testInfo) => {
      const [p, who] = samplesOf(fc.tuple(priority(), trigger.customer()), 1, 29)[0]!;
      const created = await studio.create(trigger.definition({ priority: p, timeout: 5400 }));
      if (created.status !== 201) {
        expect(created.json.code, created.text).toBe(81022);
        return;
      }
      const { task } = await trigger.fire(created.json, who);
      expect(task, 'the flow created no task').toBeDefined();
      expect(
        [task?.priority, task?.timeout],
        "priority and timeout of the task against the widget's, written as numbers",
      ).toEqual([p, 5400]);
      observeReading(testInfo, 'STF-WIDGET-VALUES-AS-STRINGS', 'integers');
    },
  );
});
