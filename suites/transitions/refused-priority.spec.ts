import fc from 'fast-check';
import { type InvalidPriorityKind, invalidPriorities } from '../../generators/studio';
import type { TriggerKind } from '../drivers/triggers';
import { testEveryTrigger } from '../every-trigger';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** The rule of Failed to create task for a trigger: enqueuing a call fails, or TaskRouter refuses the task. */
const failedRule = (kind: TriggerKind) =>
  verifies(kind === 'incoming call' ? 'TRANS-FAILED-VOICE-ENQUEUE' : 'TRANS-FAILED-TASKROUTER-ERROR');

const priorityKinds = Object.keys(invalidPriorities) as InvalidPriorityKind[];

test.describe('a priority TaskRouter cannot take', () => {
  for (const priorityKind of priorityKinds) {
    testEveryTrigger(
      `a priority ${priorityKind} is refused at validation or takes Failed to create task`,
      failedRule,
      async (trigger, { studio }) => {
        await fc.assert(
          fc.asyncProperty(invalidPriorities[priorityKind](), trigger.customer(), async (priority, who) => {
            const created = await studio.create(trigger.definition({ priority: String(priority) }));
            if (created.status !== 201) {
              expect(created.json.code, created.text).toBe(81022);
              return;
            }
            const { task, execution } = await trigger.fire(created.json, who);
            const steps = await studio.awaitStepFrom(created.json.sid, execution!.sid, trigger.widget);
            const taken = steps.find((step) => step.transitioned_from === trigger.widget)?.name;
            expect(
              { task: task?.sid, taken },
              `task created and event taken for priority ${priority}`,
            ).toEqual({ task: undefined, taken: 'failedToEnqueue' });
          }),
          scaled(weights.flow),
        );
      },
    );
  }
});
