import fc from 'fast-check';
import { sid } from '../../generators/sids';
import { testEveryTrigger } from '../every-trigger';
import { test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';
import { expectRefusedOrFailedToCreate } from './refused-settings';

/** The triggers whose task is on the widget's Task Channel (a call's task is always a voice task). */
const onTheWidgetsChannel = ['incoming message', 'incoming conversation'] as const;

test.describe('a Task Channel TaskRouter does not know', () => {
  testEveryTrigger(
    'a widget naming a Task Channel SID the workspace lacks is refused at validation or takes Failed to create task',
    verifies('TRANS-FAILED-TASKROUTER-ERROR'),
    async (trigger, { studio }) => {
      await fc.assert(
        fc.asyncProperty(sid('TC'), trigger.customer(), async (channel, who) => {
          await expectRefusedOrFailedToCreate(trigger, studio, { channel }, who, `Task Channel ${channel}`);
        }),
        scaled(weights.flow),
      );
    },
    onTheWidgetsChannel,
  );
});
