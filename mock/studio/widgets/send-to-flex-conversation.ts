import type { WidgetOutcome, WidgetRun } from '../engine';
import { createTask, workspaceOfWorkflow } from '../task-routing';
import { failed, type SendToFlexSettings, taskVariables, trySettings } from './send-to-flex-settings';

type ConversationChannel = 'sms' | 'whatsapp' | 'chat';

/**
 * Conversations: Send to Flex creates an Interaction (POST /v1/Interactions), which creates the task.
 * It adds channelType, customerAddress, from, name and customerName (the sender's address); the
 * attributes configured on the widget win over the added ones. Task created once the Interaction and
 * its task exist; Failed to create task when the Interaction (TaskRouter) refuses.
 */
export async function conversationSendToFlex(run: WidgetRun): Promise<WidgetOutcome> {
  const settings = await trySettings(run);
  if (typeof settings === 'string' || settings.attributes === undefined) return failed(run);
  const conversation = run.execution.context.trigger.conversation as Record<string, unknown>;
  const channelType = channelOf(conversation.Source);
  const attributes = { ...addedAttributes(run, conversation, channelType), ...settings.attributes };

  if (run.ctx.fault('stf-conversation-creates-task-directly')) {
    const created = await createTask(run.ctx, {
      workflowSid: settings.workflow,
      taskChannel: settings.channel,
      attributes: JSON.stringify(attributes),
      priority: settings.priority,
      timeout: settings.timeout,
    });
    if (!created.ok) return failed(run);
    return { kind: 'transition', event: 'callComplete', variables: taskVariables(run, created.task) };
  }

  const create = () =>
    createInteraction(run, settings, channelType, String(conversation.ConversationSid), attributes);
  if (run.ctx.fault('stf-conversation-transition-before-task')) {
    run.execution.deferred.push(create);
    return { kind: 'transition', event: 'callComplete', variables: {} };
  }
  const task = await create();
  if (!task) return failed(run);
  return { kind: 'transition', event: 'callComplete', variables: taskVariables(run, task) };
}

async function createInteraction(
  run: WidgetRun,
  settings: SendToFlexSettings,
  channelType: ConversationChannel,
  conversationSid: string,
  attributes: Record<string, unknown>,
): Promise<{ sid: string; attributes?: unknown; age?: unknown } | undefined> {
  const workspaceSid = await workspaceOfWorkflow(run.ctx, settings.workflow);
  if (!workspaceSid) return undefined;
  const channelKey = /^TC[0-9a-fA-F]{32}$/.test(settings.channel)
    ? 'task_channel_sid'
    : 'task_channel_unique_name';
  const properties: Record<string, unknown> = {
    workspace_sid: workspaceSid,
    workflow_sid: settings.workflow,
    [channelKey]: settings.channel,
    attributes,
  };
  if (settings.priority !== undefined) properties.priority = integerOrText(settings.priority);
  if (settings.timeout !== undefined) properties.timeout = integerOrText(settings.timeout);
  const response = await run.ctx.call('flex-api', 'POST', '/v1/Interactions', {
    Channel: JSON.stringify({
      type: channelType,
      initiated_by: 'customer',
      properties: { media_channel_sid: conversationSid },
    }),
    Routing: JSON.stringify({ properties }),
  });
  const routing = (response.body as { routing?: { properties?: Record<string, unknown> } } | undefined)
    ?.routing;
  const task = routing?.properties;
  if (response.status !== 200 || typeof task?.sid !== 'string') return undefined;
  return task as { sid: string; attributes?: unknown; age?: unknown };
}

/** The attributes Send to Flex adds for SMS, WhatsApp and Chat conversations: all the sender's address. */
function addedAttributes(
  run: WidgetRun,
  conversation: Record<string, unknown>,
  channelType: ConversationChannel,
): Record<string, unknown> {
  let sender = String(conversation.Author ?? conversation.From ?? '');
  if (run.ctx.fault('stf-conversation-sms-address-without-plus')) sender = sender.replace(/^\+/, '');
  if (run.ctx.fault('stf-conversation-whatsapp-prefix-stripped')) sender = sender.replace(/^whatsapp:/, '');
  const name = run.ctx.fault('stf-conversation-name-is-friendly-name')
    ? String(conversation.FriendlyName ?? conversation.ConversationSid ?? '')
    : sender;
  return {
    channelType: run.ctx.fault('stf-conversation-channeltype-generic') ? 'conversations' : channelType,
    customerAddress: sender,
    from: sender,
    name,
    customerName: sender,
  };
}

function channelOf(source: unknown): ConversationChannel {
  const value = String(source ?? '').toUpperCase();
  if (value === 'SMS') return 'sms';
  if (value === 'WHATSAPP') return 'whatsapp';
  return 'chat';
}

const integerOrText = (value: string): number | string => (/^-?\d+$/.test(value) ? Number(value) : value);
