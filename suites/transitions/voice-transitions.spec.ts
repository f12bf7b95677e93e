import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { sid } from '../../generators/sids';
import { exported, invalidTimeout } from '../../generators/studio';
import { callThroughQueue, publishCallFlow, voiceWidget } from '../drivers/call-flows';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** QueueResult values with which a call leaves the queue after its task was created. */
const leftQueue = () => fc.constantFrom('bridged', 'hangup', 'leave', 'redirected');

const stepFromWidget = (steps: Array<{ transitioned_from: string; name: string }>) =>
  steps.filter((step) => step.transitioned_from === voiceWidget).map((step) => step.name);

test.describe('voice transitions of Send to Flex', () => {
  test(
    'Task created (callComplete) is taken when the Enqueue action URL is requested, not before',
    verifies('TRANS-TASK-CREATED-VOICE'),
    async ({ studio, routing, workflow, voice }) => {
      const flow = await publishCallFlow(studio, routing, workflow);
      let calls = 0;
      await fc.assert(
        fc.asyncProperty(incomingCall(), leftQueue(), async (caller, queueResult) => {
          const answered = await voice.call(flow, caller);
          expect(answered.enqueue, answered.response.text).toBeDefined();
          const executions = await studio.awaitExecutions(flow.sid, ++calls);
          const execution = executions.find((candidate) => candidate.initiated_by === answered.call.CallSid);
          expect(execution, `no execution was initiated by ${answered.call.CallSid}`).toBeDefined();
          expect(stepFromWidget(await studio.steps(flow.sid, execution!.sid))).toEqual([]);
          await voice.leaveQueue(answered.enqueue!, answered.call, queueResult);
          const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
          expect(stepFromWidget(steps)).toEqual(['callComplete']);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'Failed to create task (failedToEnqueue) is taken when the call cannot be enqueued, and no task exists',
    verifies('TRANS-FAILED-VOICE-ENQUEUE'),
    async ({ api, studio, routing, workflow, voice }) => {
      const unqueueable = fc.oneof(
        sid('WW').map((unknownWorkflow) => ({ workflow: unknownWorkflow })),
        invalidTimeout().map((t) => ({ workflow, timeout: exported(t) })),
      );
      await fc.assert(
        fc.asyncProperty(unqueueable, incomingCall(), async (settings, caller) => {
          const flow = await publishCallFlow(studio, routing, workflow, settings);
          const { task, answered } = await callThroughQueue(voice, api, routing, workflow, flow, caller);
          expect(task, 'a task was created for a call that could not be enqueued').toBeUndefined();
          const [execution] = await studio.awaitExecutions(flow.sid);
          const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
          expect(stepFromWidget(steps), answered.response.text).toEqual(['failedToEnqueue']);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'Call failed (callFailure) is taken when the action URL reports QueueResult=system-error',
    verifies('TRANS-CALL-FAILED-SYSTEM-ERROR'),
    async ({ api, studio, routing, workflow, voice }) => {
      const flow = await publishCallFlow(studio, routing, workflow);
      const [caller] = fc.sample(incomingCall(), { numRuns: 1, seed: 59 });
      await callThroughQueue(voice, api, routing, workflow, flow, caller!, 'system-error');
      const [execution] = await studio.awaitExecutions(flow.sid);
      const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
      expect(stepFromWidget(steps)).toEqual(['callFailure']);
    },
  );
});
