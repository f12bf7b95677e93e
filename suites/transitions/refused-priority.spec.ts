import fc from 'fast-check';
import { type InvalidPriorityKind, invalidPriorities } from '../../generators/studio';
import type { TriggerKind } from '../drivers/triggers';
import { testEveryTrigger } from '../every-trigger';
import { test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';
import { expectRefusedOrFailedToCreate } from './refused-settings';

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
            await expectRefusedOrFailedToCreate(
              trigger,
              studio,
              { priority: String(priority) },
              who,
              `priority ${priority}`,
            );
          }),
          scaled(weights.flow),
        );
      },
    );
  }
});
