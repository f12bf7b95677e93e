/**
 * The official twilio-node client (6.2) driving a Send to Flex conversation end to end against the
 * embedded mock: routing through TaskRouter, an Incoming Conversation flow, a customer's SMS
 * conversation with a studio webhook, and what it produces — the execution and its steps, the
 * Interaction and the task with the attributes Send to Flex adds. Each test starts its own mock.
 */
import { expect, test } from '@playwright/test';
import type twilio from 'twilio';
import { type RunningMock, startMock } from '../../mock/server';
import { localTwilioClient } from './support/local-request-client';

let mock: RunningMock;
let client: twilio.Twilio;

test.beforeEach(async () => {
  mock = await startMock();
  client = localTwilioClient(mock.url, mock.credentials);
});

test.afterEach(async () => {
  await mock.close();
});

const customer = '+14155550123';

test('a customer’s SMS conversation reaches Flex through Send to Flex, driven by twilio-node', async () => {
  const workspace = await client.taskrouter.v1.workspaces.create({ friendlyName: 'Flex Task Assignment' });
  const queue = await client.taskrouter.v1.workspaces(workspace.sid).taskQueues.create({
    friendlyName: 'Everyone',
    targetWorkers: '1==1',
  });
  const workflow = await client.taskrouter.v1.workspaces(workspace.sid).workflows.create({
    friendlyName: 'Assign to Anyone',
    configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
  });
  const chatChannel = (await client.taskrouter.v1.workspaces(workspace.sid).taskChannels.list()).find(
    (channel) => channel.uniqueName === 'chat',
  );
  expect(chatChannel?.friendlyName).toBe('Programmable Chat');

  const flow = await client.studio.v2.flows.create({
    friendlyName: 'Messaging Flow',
    status: 'published',
    definition: {
      description: 'Incoming Conversation to Flex',
      initial_state: 'Trigger',
      flags: { allow_concurrent_calls: true },
      states: [
        {
          name: 'Trigger',
          type: 'trigger',
          transitions: [
            { event: 'incomingMessage' },
            { event: 'incomingCall' },
            { event: 'incomingConversationMessage', next: 'send_to_flex' },
            { event: 'incomingRequest' },
            { event: 'incomingParent' },
          ],
          properties: { offset: { x: 0, y: 0 } },
        },
        {
          name: 'send_to_flex',
          type: 'send-to-flex',
          transitions: [{ event: 'callComplete' }, { event: 'failedToEnqueue' }, { event: 'callFailure' }],
          properties: {
            workflow: workflow.sid,
            channel: chatChannel?.sid,
            attributes: '{"queue_hint": "support"}',
            priority: '5',
            timeout: '3600',
          },
        },
      ],
    },
  });
  expect(flow.sid).toMatch(/^FW[0-9a-f]{32}$/);
  expect(flow.valid).toBe(true);

  const conversation = await client.conversations.v1.conversations.create({ friendlyName: 'Customer SMS' });
  await client.conversations.v1.conversations(conversation.sid).participants.create({
    'messagingBinding.address': customer,
    'messagingBinding.proxyAddress': '+15005550006',
  });
  const webhook = await client.conversations.v1.conversations(conversation.sid).webhooks.create({
    target: 'studio',
    'configuration.flowSid': flow.sid,
  });
  expect(webhook.sid).toMatch(/^WH[0-9a-f]{32}$/);
  await client.conversations.v1.conversations(conversation.sid).messages.create({
    author: customer,
    body: 'Hi, I need help',
    xTwilioWebhookEnabled: 'true',
  });

  const [execution] = await client.studio.v2.flows(flow.sid).executions.list();
  expect(execution).toBeDefined();
  const steps = await client.studio.v2.flows(flow.sid).executions(execution!.sid).steps.list();
  expect(steps.find((step) => step.transitionedFrom === 'send_to_flex')?.name).toBe('callComplete');
  const context = await client.studio.v2
    .flows(flow.sid)
    .executions(execution!.sid)
    .executionContext()
    .fetch();
  const taskSid = (context.context as { widgets: Record<string, { TaskSid?: string }> }).widgets.send_to_flex
    ?.TaskSid;
  expect(taskSid).toMatch(/^WT[0-9a-f]{32}$/);

  const task = await client.taskrouter.v1.workspaces(workspace.sid).tasks(taskSid!).fetch();
  expect(task).toMatchObject({
    workflowSid: workflow.sid,
    taskChannelUniqueName: 'chat',
    priority: 5,
    timeout: 3600,
    assignmentStatus: 'pending',
  });
  const attributes = JSON.parse(task.attributes) as Record<string, string>;
  expect(attributes).toMatchObject({
    queue_hint: 'support',
    channelType: 'sms',
    customerAddress: customer,
    from: customer,
    name: customer,
    customerName: customer,
    conversationSid: conversation.sid,
  });

  const interaction = await client.flexApi.v1.interaction(attributes.flexInteractionSid!).fetch();
  expect(interaction.sid).toMatch(/^KD[0-9a-f]{32}$/);
  expect(interaction.channel).toMatchObject({
    type: 'sms',
    properties: { media_channel_sid: conversation.sid },
  });
});
