import type { Routing } from './taskrouter';

/**
 * The JSON strings `POST /v1/Interactions` takes, as the checks send them: a Channel for a
 * customer's conversation, and a Routing that sends the task through a workflow of the routing
 * workspace on the chat Task Channel.
 */
export function conversationChannel(type: string, conversationSid: string): string {
  return JSON.stringify({
    type,
    initiated_by: 'customer',
    properties: { media_channel_sid: conversationSid },
  });
}

export function interactionRouting(
  routing: Routing,
  workflow: string,
  attributes?: Record<string, unknown>,
): string {
  return JSON.stringify({
    properties: {
      workspace_sid: routing.workspaceSid,
      workflow_sid: workflow,
      task_channel_unique_name: 'chat',
      attributes,
    },
  });
}
