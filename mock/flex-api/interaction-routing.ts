import type { MockContext } from '../context';
import { missingParameter } from '../core/errors';
import { isJsonObject } from '../core/json';
import type { MockResponse } from '../core/router';

type Json = Record<string, unknown>;

/** The Interaction and channel a task is routed for: their SIDs go into its attributes. */
export interface RoutedFor {
  readonly interactionSid: string;
  readonly channelSid: string;
  /** The channel's `properties.media_channel_sid` (a conversation), when it has one. */
  readonly mediaChannelSid?: string;
}

/**
 * A TaskRouter task from an Interaction's Routing properties: TaskRouter parameters from them,
 * the attributes as given plus the Interaction's SIDs (and `extraAttributes`: an invite's SID). Answers TaskRouter's response.
 */
export function createInteractionTask(
  ctx: MockContext,
  properties: Json,
  routedFor: RoutedFor,
  extraAttributes: Json = {},
): Promise<MockResponse> {
  const workspaceSid = properties.workspace_sid;
  if (typeof workspaceSid !== 'string') throw missingParameter('Routing.properties.workspace_sid');
  const given = isJsonObject(properties.attributes) ? properties.attributes : {};
  const media = routedFor.mediaChannelSid;
  const attributes: Json = {
    ...given,
    flexInteractionSid: routedFor.interactionSid,
    flexInteractionChannelSid: routedFor.channelSid,
    ...extraAttributes,
    ...(media?.startsWith('CH') ? { conversationSid: media } : {}),
  };
  const form: Record<string, string> = { Attributes: JSON.stringify(attributes) };
  const text = (name: string, value: unknown) => {
    if (value !== undefined && value !== null) form[name] = String(value);
  };
  text('WorkflowSid', properties.workflow_sid);
  text('TaskChannel', properties.task_channel_sid ?? properties.task_channel_unique_name);
  text('Priority', properties.priority);
  text('Timeout', properties.timeout);
  return ctx.call('taskrouter', 'POST', `/v1/Workspaces/${workspaceSid}/Tasks`, form);
}

const epochSeconds = (date: unknown) =>
  typeof date === 'string' && date ? Math.floor(Date.parse(date) / 1000) : null;

/**
 * The task as an Interaction's `routing.properties` shows it, after the example of Twilio's
 * Interactions description: names of its queue and workflow, `age_in_queue`, epoch-second dates.
 */
export function routedTask(task: Json): Json {
  const entered = epochSeconds(task.task_queue_entered_date);
  const created = epochSeconds(task.date_created);
  return {
    date_updated: epochSeconds(task.date_updated),
    task_queue_entered_date: entered,
    workflow_name: task.workflow_friendly_name ?? null,
    age_in_queue:
      entered === null || created === null ? 0 : Math.max(0, Number(task.age ?? 0) - (entered - created)),
    task_channel_unique_name: task.task_channel_unique_name ?? null,
    assignment_status: task.assignment_status,
    queue_name: task.task_queue_friendly_name ?? null,
    assignmentCounter: 0,
    priority: task.priority,
    sid: task.sid,
    workflow_sid: task.workflow_sid ?? null,
    routing_target: task.routing_target ?? null,
    reason: task.reason ?? '',
    attributes: task.attributes,
    task_channel_sid: task.task_channel_sid ?? null,
    age: task.age,
    workspace_sid: task.workspace_sid,
    account_sid: task.account_sid,
    timeout: task.timeout,
    date_created: created,
    addons: task.addons ?? '{}',
    queue_sid: task.task_queue_sid ?? null,
  };
}
