import type { WidgetOutcome, WidgetRun } from '../engine';
import type { ConversationChannel } from '../studio-behaviour';
import { workspaceOfWorkflow } from '../task-routing';
import {
  behaviourOf,
  type CreatedTask,
  createTaskFor,
  type SendToFlexSettings,
  taskCreated,
  trySettings,
  unbuildable,
} from './send-to-flex-settings';

/**
 * Conversations: Send to Flex creates an Interaction (POST /v1/Interactions), which creates the task.
 * It adds channelType, customerAddress, from, name and customerName (the sender's address); the
 * attributes configured on the widget win over the added ones. Task created once the Interaction and
 * its task exist; Failed to create task when the Interaction (TaskRouter) refuses.
 */
export async function conversationSendToFlex(run: WidgetRun): Promise<WidgetOutcome> {
  const settings = await trySettings(run);
  if (typeof settings === 'string' || settings.attributes === undefined) return unbuildable(run);
  const conversation = run.execution.context.trigger.conversation as Record<string, unknown>;
  const channelType = channelOf(conversation.Source);
  const attributes = { ...addedAttributes(run, conversation, channelType), ...settings.attributes };
  const routes = {
    interaction: () =>
      createInteraction(run, settings, channelType, String(conversation.ConversationSid), attributes),
    task: () => createTaskFor(run, settings, attributes),
  };
  return taskCreated(run, 'conversation', routes[behaviourOf(run).conversation.routedThrough]);
}

async function createInteraction(
  run: WidgetRun,
  settings: SendToFlexSettings,
  channelType: ConversationChannel,
  conversationSid: string,
  attributes: Record<string, unknown>,
): Promise<CreatedTask | undefined> {
  const workspaceSid = await workspaceOfWorkflow(run.ctx, settings.workflow);
  if (!workspaceSid) return undefined;
  const properties: Record<string, unknown> = {
    workspace_sid: workspaceSid,
    workflow_sid: settings.workflow,
  };
  if (settings.channel !== undefined) {
    const channelKey = /^TC[0-9a-fA-F]{32}$/.test(settings.channel)
      ? 'task_channel_sid'
      : 'task_channel_unique_name';
    properties[channelKey] = settings.channel;
  }
  properties.attributes = attributes;
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
  return { sid: task.sid, attributes: task.attributes, age: task.age };
}

/** The attributes Send to Flex adds for SMS, WhatsApp and Chat conversations: all the sender's address. */
function addedAttributes(
  run: WidgetRun,
  conversation: Record<string, unknown>,
  channelType: ConversationChannel,
): Record<string, unknown> {
  const behaviour = behaviourOf(run).conversation;
  const sender = behaviour.senderAddress(String(conversation.Author ?? conversation.From ?? ''));
  const names = {
    'sender-address': sender,
    'friendly-name': String(conversation.FriendlyName ?? conversation.ConversationSid ?? ''),
  };
  return {
    channelType: behaviour.channelTypes[channelType],
    customerAddress: sender,
    from: sender,
    name: names[behaviour.name],
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
