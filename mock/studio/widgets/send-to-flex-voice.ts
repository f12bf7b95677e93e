import { isAbsoluteHttpUrl } from '../../core/params';
import type { WidgetOutcome, WidgetRun } from '../engine';
import { enqueueTwiml } from '../twiml';
import { behaviourOf, stored, trySettings } from './send-to-flex-settings';

/**
 * Voice: answer `<Enqueue workflowSid action><Task priority timeout>attributes</Task></Enqueue>` and
 * wait for the action URL. A waitUrl that is not an absolute URL after rendering is left out (81028),
 * so the default hold music plays. Attributes that are not a JSON object cannot make a `<Task>`:
 * Failed to create task at once.
 */
export async function voiceSendToFlex(run: WidgetRun): Promise<WidgetOutcome> {
  const behaviour = behaviourOf(run);
  const settings = await trySettings(run);
  if (typeof settings === 'string' || settings.attributes === undefined)
    return { kind: 'transition', event: behaviour.outcomeEvents.callNotEnqueued };
  const waitUrl =
    settings.waitUrl !== undefined && isAbsoluteHttpUrl(settings.waitUrl)
      ? settings.waitUrl
      : behaviour.waitUrlDefault;
  const attributes = JSON.stringify(settings.attributes);
  const { priority, timeout } = settings;
  const twiml = enqueueTwiml({
    workflowSid: settings.workflow,
    action: run.actionUrl,
    waitUrl,
    waitUrlMethod: waitUrl === undefined ? undefined : settings.waitUrlMethod,
    priority,
    timeout,
    attributes,
  });
  const callSid = (run.execution.context.trigger.call as Record<string, unknown>).CallSid;
  return {
    kind: 'suspend',
    callSid: typeof callSid === 'string' ? callSid : undefined,
    voice: { twiml, enqueue: { workflowSid: settings.workflow, priority, timeout, attributes } },
  };
}

/**
 * The Enqueue action URL was requested: Call failed for QueueResult=system-error, Failed to create
 * task when the call could not be enqueued, Task created otherwise.
 */
export async function voiceResume(
  run: WidgetRun,
  input: Readonly<Record<string, string>>,
): Promise<WidgetOutcome> {
  const { outcomeEvents, queueResults } = behaviourOf(run);
  const queueResult = input.QueueResult ?? '';
  const enqueue = run.execution.waiting?.enqueue;
  if (queueResults.callFailed.includes(queueResult))
    return {
      kind: 'transition',
      event: outcomeEvents.callSystemError,
      variables: stored(run, { QueueResult: queueResult }),
    };
  if (enqueue?.kind !== 'created' || queueResults.notEnqueued.includes(queueResult))
    return {
      kind: 'transition',
      event: outcomeEvents.callNotEnqueued,
      variables: stored(run, { QueueResult: queueResult }),
    };
  const variables = stored(run, {
    QueueResult: queueResult,
    Attributes: enqueue.attributes,
    Age: Math.max(0, Math.floor((run.ctx.clock.now() - enqueue.dateCreated) / 1000)),
    TaskSid: enqueue.taskSid,
  });
  return { kind: 'transition', event: 'callComplete', variables };
}
