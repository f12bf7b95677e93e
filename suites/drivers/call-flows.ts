import type { Caller, IncomingCall } from '../../generators/callers';
import type { FlowDefinitionJson, SendToFlexProperties } from '../../generators/studio';
import type { TwilioApi } from '../../targets/http/client';
import { type FlowBody, type StudioApi, sendToFlexFlow } from './studio-api';
import { attributesOf, type Routing, type TaskBody } from './taskrouter';
import type { AnsweredCall, VoicePlatform } from './voice-platform';

/** The widget name the voice checks use. */
export const voiceWidget = 'SendCallToAgent';

/** An incoming-call flow: Trigger → send-to-flex with these properties (workflow and voice channel unless given). */
export function callFlowDefinition(
  routing: Routing,
  workflow: string,
  properties: SendToFlexProperties = {},
): FlowDefinitionJson {
  return sendToFlexFlow('incomingCall', voiceWidget, workflow, routing.channels.voice.sid, properties);
}

/** Publishes the incoming-call flow, failing the check when the target refuses it. */
export async function publishCallFlow(
  studio: StudioApi,
  routing: Routing,
  workflow: string,
  properties: SendToFlexProperties = {},
): Promise<FlowBody> {
  return studio.publish(callFlowDefinition(routing, workflow, properties));
}

/** The task the voice platform created for a call: the workflow's task whose attributes carry its call_sid. */
export async function taskOfCall(
  api: TwilioApi,
  routing: Routing,
  workflow: string,
  call: IncomingCall,
): Promise<TaskBody | undefined> {
  const tasks = await routing.workspace(api).tasksOf(workflow, `call_sid == "${call.CallSid}"`);
  return tasks.find((task) => attributesOf(task).call_sid === call.CallSid);
}

/**
 * Plays the voice platform to the end of the queue: answers the call and, when the TwiML enqueues
 * it, reports the QueueResult: `hangup` (the caller left the queue after the task was created) when
 * the call's task exists, `error` when the call could not be enqueued, or the result given.
 */
export async function callThroughQueue(
  voice: VoicePlatform,
  api: TwilioApi,
  routing: Routing,
  workflow: string,
  flow: FlowBody,
  caller: Caller,
  queueResult?: string,
): Promise<{ answered: AnsweredCall; task: TaskBody | undefined; afterAction?: AnsweredCall }> {
  const answered = await voice.call(flow, caller);
  const task = await taskOfCall(api, routing, workflow, answered.call);
  if (!answered.enqueue) {
    // On a real account the TwiML stays with Twilio's voice platform: the check hangs up once it saw the task.
    await voice.hangUp(answered.call);
    return { answered, task };
  }
  const result = queueResult ?? (task ? 'hangup' : 'error');
  const afterAction = await voice.leaveQueue(answered.enqueue, answered.call, result);
  return { answered, task, afterAction };
}
