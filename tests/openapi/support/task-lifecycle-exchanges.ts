import {
  acceptTask,
  flexWorkspace,
  routedInteraction,
} from '../../twilio-client/support/interaction-lifecycle';
import { localTwilioClient } from '../../twilio-client/support/local-request-client';

/**
 * What a Flex application does after the task is created, as twilio-node drives it through `url`:
 * an Interaction's channel (fetch, update), participants, invites and transfers; the worker's
 * channels; a flow's revisions; conversation participant and message updates.
 */
export async function driveTaskLifecycle(
  url: string,
  credentials: { accountSid: string; authToken: string },
): Promise<void> {
  const client = localTwilioClient(url, credentials);
  const flex = await flexWorkspace(client);
  const { channel, taskSid } = await routedInteraction(client, flex);
  await channel.fetch();
  const participant = await channel.participants.create({
    type: 'agent',
    mediaProperties: { identity: 'agent' },
  });
  await channel.participants(participant.sid).update({ status: 'wrapup' });
  await channel.participants.list();
  await channel.invites.create({
    routing: { properties: { workspace_sid: flex.workspaceSid, workflow_sid: flex.workflowSid } },
  });
  await channel.invites.list();
  const transfer = await channel.transfers.create();
  await channel.transfers(transfer.sid).fetch();
  await channel.transfers(transfer.sid).update();
  const workerChannels = flex.workspace.workers(flex.workerSid).workerChannels;
  await workerChannels.list();
  await workerChannels('default').update({ capacity: 2 });
  await workerChannels('default').fetch();
  const flow = await client.studio.v2.flows.create({
    friendlyName: 'Revised',
    status: 'published',
    definition: {
      description: 'revised',
      initial_state: 'Trigger',
      flags: { allow_concurrent_calls: true },
      states: [{ name: 'Trigger', type: 'trigger', transitions: [], properties: {} }],
    },
  });
  await client.studio.v2.flows(flow.sid).update({ status: 'draft' });
  await client.request({ method: 'get', uri: `https://studio.twilio.com/v2/Flows/${flow.sid}/Revisions` });
  await client.studio.v2.flows(flow.sid).revisions('1').fetch();
  const conversation = client.conversations.v1.conversations(
    (await client.conversations.v1.conversations.create()).sid,
  );
  const agent = await conversation.participants.create({ identity: 'agent' });
  const message = await conversation.messages.create({ author: 'customer', body: 'hello' });
  await conversation.participants(agent.sid).update({ lastReadMessageIndex: message.index });
  await conversation.messages(message.sid).update({ body: 'hello again' });
  await acceptTask(flex, taskSid);
  await channel.update({ status: 'closed' });
}
