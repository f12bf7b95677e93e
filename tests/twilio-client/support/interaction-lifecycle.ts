import type twilio from 'twilio';

/** A Flex workspace with one worker, made Available, whose "Assign to Anyone" workflow routes every task to it. */
export async function flexWorkspace(client: twilio.Twilio) {
  const workspaceSid = (
    await client.taskrouter.v1.workspaces.create({ friendlyName: 'Flex Task Assignment' })
  ).sid;
  const workspace = client.taskrouter.v1.workspaces(workspaceSid);
  const queue = await workspace.taskQueues.create({ friendlyName: 'Everyone', targetWorkers: '1==1' });
  const workflow = await workspace.workflows.create({
    friendlyName: 'Assign to Anyone',
    configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
  });
  const available = (await workspace.activities.list()).find(
    (activity) => activity.friendlyName === 'Available',
  );
  const worker = await workspace.workers.create({ friendlyName: 'agent', activitySid: available?.sid });
  return { workspaceSid, workspace, workflowSid: workflow.sid, workerSid: worker.sid };
}

export type FlexWorkspace = Awaited<ReturnType<typeof flexWorkspace>>;

/** An Interaction for an SMS customer whose Routing creates a task through the workspace's workflow. */
export async function routedInteraction(client: twilio.Twilio, flex: FlexWorkspace) {
  const created = await client.flexApi.v1.interaction.create({
    channel: {
      type: 'sms',
      initiated_by: 'customer',
      properties: { media_channel_sid: `CH${'1'.repeat(32)}` },
    },
    routing: {
      properties: {
        workspace_sid: flex.workspaceSid,
        workflow_sid: flex.workflowSid,
        attributes: { customerName: 'Zoë' },
      },
    },
  });
  const channelSid = (created.channel as { sid: string }).sid;
  const taskSid = (created.routing as { properties: { sid: string } }).properties.sid;
  return {
    interaction: created,
    channel: client.flexApi.v1.interaction(created.sid).channels(channelSid),
    taskSid,
  };
}

/** The worker accepts its pending reservation of the task. */
export async function acceptTask(flex: FlexWorkspace, taskSid: string) {
  const worker = flex.workspace.workers(flex.workerSid);
  const [reservation] = (await worker.reservations.list({ reservationStatus: 'pending' })).filter(
    (pending) => pending.taskSid === taskSid,
  );
  if (!reservation) throw new Error(`no pending reservation of ${taskSid}`);
  await worker.reservations(reservation.sid).update({ reservationStatus: 'accepted' });
}
