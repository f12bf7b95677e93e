import type { WidgetHandler, WidgetOutcome, WidgetRun } from '../engine';
import { conversationSendToFlex } from './send-to-flex-conversation';
import { createTaskFor, taskCreated, trySettings, unbuildable } from './send-to-flex-settings';
import { voiceResume, voiceSendToFlex } from './send-to-flex-voice';

/**
 * `send-to-flex`: a call is enqueued (TwiML, the voice platform creates the task), a conversation
 * becomes an Interaction, and any other trigger (a legacy chat message, a REST execution) creates the
 * TaskRouter task directly.
 */
export const sendToFlex: WidgetHandler = {
  async run(run) {
    const trigger = run.execution.context.trigger;
    if ('call' in trigger) return voiceSendToFlex(run);
    if ('conversation' in trigger) return conversationSendToFlex(run);
    return messageSendToFlex(run);
  },
  resume: voiceResume,
};

/** Messages: the task is created now; callComplete as soon as it exists, failedToEnqueue on an error. */
async function messageSendToFlex(run: WidgetRun): Promise<WidgetOutcome> {
  const settings = await trySettings(run);
  if (typeof settings === 'string' || settings.attributes === undefined) return unbuildable(run);
  const attributes = settings.attributes;
  return taskCreated(run, 'message', () => createTaskFor(run, settings, attributes));
}
