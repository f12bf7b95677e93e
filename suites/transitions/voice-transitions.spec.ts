import fc from 'fast-check';
import { type Caller, incomingCall, queueResults } from '../../generators/callers';
import { sid } from '../../generators/sids';
import { exported, invalidPriority, invalidTimeout } from '../../generators/studio';
import type { TwilioApi } from '../../targets/http/client';
import { callThroughQueue, publishCallFlow, voiceWidget } from '../drivers/call-flows';
import { queueResultOfThePlatform } from '../drivers/calling-voice-platform';
import type { FlowBody, StudioApi } from '../drivers/studio-api';
import type { Routing } from '../drivers/taskrouter';
import type { VoicePlatform } from '../drivers/voice-platform';
import { expect, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/**
 * A caller's call reaches the flow and leaves the queue with `queueResult`: whether the call has a
 * task, and the transitions the widget took.
 */
async function leaveQueueWith(
  tools: { api: TwilioApi; studio: StudioApi; routing: Routing; workflow: string; voice: VoicePlatform },
  flow: FlowBody,
  caller: Caller,
  queueResult: string,
): Promise<{ task: boolean; taken: string[] }> {
  const { api, studio, routing, workflow, voice } = tools;
  const { task, answered } = await callThroughQueue(voice, api, routing, workflow, flow, caller, queueResult);
  const execution = await studio.awaitExecutionInitiatedBy(flow.sid, answered.call.CallSid);
  expect(execution, `no execution was initiated by ${answered.call.CallSid}`).toBeDefined();
  const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
  return { task: task !== undefined, taken: stepFromWidget(steps) };
}

const stepFromWidget = (steps: Array<{ transitioned_from: string; name: string }>) =>
  steps.filter((step) => step.transitioned_from === voiceWidget).map((step) => step.name);

test.describe('voice transitions of Send to Flex', () => {
  test(
    'Task created (callComplete) is taken when the Enqueue action URL is requested, not before',
    verifies('TRANS-TASK-CREATED-VOICE'),
    async ({ api, studio, routing, workflow, voice }) => {
      const flow = await publishCallFlow(studio, routing, workflow);
      const seesTwiml = api.target.capabilities.voiceWebhooks;
      // On a real account a check can only hang up: the other ways out of the queue are the platform's.
      const leaving = fc.constantFrom(...queueResults.leftQueue.filter((r) => voice.canLeaveQueueWith(r)));
      let calls = 0;
      await fc.assert(
        fc.asyncProperty(incomingCall(), leaving, async (caller, queueResult) => {
          const answered = await voice.call(flow, caller);
          if (seesTwiml) expect(answered.enqueue, answered.response.text).toBeDefined();
          const executions = await studio.awaitExecutions(flow.sid, ++calls);
          const execution = executions.find((candidate) => candidate.initiated_by === answered.call.CallSid);
          expect(execution, `no execution was initiated by ${answered.call.CallSid}`).toBeDefined();
          expect(
            stepFromWidget(await studio.steps(flow.sid, execution!.sid)),
            'events the widget took before the Enqueue action URL was requested',
          ).toEqual([]);
          await voice.leaveQueue(answered.enqueue!, answered.call, queueResult);
          const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
          expect(stepFromWidget(steps), 'events the widget took after the call left the queue').toEqual([
            'callComplete',
          ]);
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
        invalidPriority().map((priority) => ({ workflow, priority })),
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
      test.skip(!voice.canLeaveQueueWith('system-error'), queueResultOfThePlatform('system-error'));
      const flow = await publishCallFlow(studio, routing, workflow);
      const [caller] = samplesOf(incomingCall(), 1, 59);
      await callThroughQueue(voice, api, routing, workflow, flow, caller!, 'system-error');
      const [execution] = await studio.awaitExecutions(flow.sid);
      const steps = await studio.awaitStepFrom(flow.sid, execution!.sid, voiceWidget);
      expect(stepFromWidget(steps), 'events the widget took after QueueResult=system-error').toEqual([
        'callFailure',
      ]);
    },
  );

  for (const queueResult of queueResults.leftQueue) {
    test(
      `QueueResult=${queueResult} after the task was created takes Task created (callComplete), not Call failed`,
      verifies('TRANS-TASK-CREATED-VOICE', 'TRANS-CALL-FAILED-SYSTEM-ERROR'),
      async ({ api, studio, routing, workflow, voice }) => {
        test.skip(!voice.canLeaveQueueWith(queueResult), queueResultOfThePlatform(queueResult));
        const flow = await publishCallFlow(studio, routing, workflow);
        await fc.assert(
          fc.asyncProperty(incomingCall(), async (caller) => {
            const left = await leaveQueueWith(
              { api, studio, routing, workflow, voice },
              flow,
              caller,
              queueResult,
            );
            expect(left, 'the call’s task and the widget’s transitions').toEqual({
              task: true,
              taken: ['callComplete'],
            });
          }),
          scaled(weights.flow),
        );
      },
    );
  }

  for (const queueResult of queueResults.notEnqueued) {
    test(
      `QueueResult=${queueResult} (the call could not join the queue) takes Failed to create task (failedToEnqueue)`,
      verifies('TRANS-FAILED-VOICE-ENQUEUE'),
      async ({ api, studio, routing, workflow, voice }) => {
        test.skip(!voice.canLeaveQueueWith(queueResult), queueResultOfThePlatform(queueResult));
        const flow = await publishCallFlow(studio, routing, workflow);
        await fc.assert(
          fc.asyncProperty(incomingCall(), async (caller) => {
            const { taken } = await leaveQueueWith(
              { api, studio, routing, workflow, voice },
              flow,
              caller,
              queueResult,
            );
            expect(taken, `events the widget took after QueueResult=${queueResult}`).toEqual([
              'failedToEnqueue',
            ]);
          }),
          scaled(weights.flow),
        );
      },
    );
  }
});
