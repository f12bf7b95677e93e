import { isAbsoluteHttpUrl } from '../../core/params';
import type { WidgetOutcome, WidgetRun } from '../engine';
import { enqueueTwiml } from '../twiml';
import { trySettings } from './send-to-flex-settings';

/** Twilio's own hold music, which a careless implementation might write in when no URL is set. */
const twilioHoldMusic = 'http://twimlets.com/holdmusic?Bucket=com.twilio.music.classical';

/**
 * Voice: answer `<Enqueue workflowSid action><Task priority timeout>attributes</Task></Enqueue>` and
 * wait for the action URL. A waitUrl that is not an absolute URL after rendering is left out (81028),
 * so the default hold music plays. Attributes that are not a JSON object cannot make a `<Task>`:
 * Failed to create task at once.
 */
export async function voiceSendToFlex(run: WidgetRun): Promise<WidgetOutcome> {
  const settings = await trySettings(run);
  if (typeof settings === 'string' || settings.attributes === undefined)
    return { kind: 'transition', event: 'failedToEnqueue' };
  let waitUrl =
    settings.waitUrl !== undefined && isAbsoluteHttpUrl(settings.waitUrl) ? settings.waitUrl : undefined;
  if (run.ctx.fault('stf-wait-url-unrendered')) waitUrl = settings.waitUrl;
  if (waitUrl === undefined && run.ctx.fault('stf-default-wait-url')) waitUrl = twilioHoldMusic;
  const attributes = JSON.stringify(settings.attributes);
  const { priority, timeout } = settings;
  const twiml = enqueueTwiml({
    workflowSid: run.ctx.fault('stf-voice-enqueue-missing-workflowsid') ? undefined : settings.workflow,
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
  const queueResult = input.QueueResult ?? '';
  const enqueue = run.execution.waiting?.enqueue;
  const variables: Record<string, unknown> = { QueueResult: queueResult };
  if (queueResult === 'system-error') {
    const event = run.ctx.fault('stf-system-error-as-failed-enqueue') ? 'failedToEnqueue' : 'callFailure';
    return { kind: 'transition', event, variables };
  }
  const enqueueFailed =
    enqueue?.kind !== 'created' || queueResult === 'error' || queueResult === 'queue-full';
  if (enqueueFailed && !run.ctx.fault('stf-voice-enqueue-error-completes'))
    return { kind: 'transition', event: 'failedToEnqueue', variables };
  if (enqueue?.kind === 'created') {
    variables.Attributes = enqueue.attributes;
    variables.Age = Math.max(0, Math.floor((run.ctx.clock.now() - enqueue.dateCreated) / 1000));
    if (!run.ctx.fault('stf-tasksid-not-stored')) variables.TaskSid = enqueue.taskSid;
  }
  return { kind: 'transition', event: 'callComplete', variables };
}
