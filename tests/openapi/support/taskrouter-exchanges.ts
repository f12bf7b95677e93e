import { type PlatformSender, platformSender, sidOf, until } from './account-platform-exchanges';

type TaskRouterSender = (
  method: string,
  path: string,
  body?: Parameters<PlatformSender>[3],
) => ReturnType<PlatformSender>;

/**
 * Every TaskRouter operation the mock serves that no run reaches, walked once through `url` (the
 * recording relay), so that their answers are validated too: a workspace of its own (created,
 * listed, fetched, updated), an available activity (fetched, updated), a Task Channel (created,
 * updated, deleted), a queue and a workflow routing to it (fetched, updated), a worker in the
 * activity (fetched, its channels listed and one fetched), a task reserved for the worker (its
 * reservations listed, the reservation fetched from the task and the worker, accepted), the
 * statistics of the workspace, the queues, the queue, the workflow, the workers and the worker,
 * and the bulk real-time statistics of the queue; then the task completed and everything deleted.
 */
export async function walkTaskRouter(
  url: string,
  credentials: { accountSid: string; authToken: string },
): Promise<void> {
  const send = platformSender(url, credentials);
  const tr: TaskRouterSender = (method, path, body) => send('taskrouter', method, path, body);

  const workspace = sidOf(await tr('POST', '/v1/Workspaces', { FriendlyName: 'Walked TaskRouter' }));
  const at = `/v1/Workspaces/${workspace}`;
  await tr('GET', '/v1/Workspaces');
  await tr('GET', at);
  await tr('POST', at, { FriendlyName: 'Walked TaskRouter workspace' });

  const activity = sidOf(
    await tr('POST', `${at}/Activities`, { FriendlyName: 'Walking', Available: 'true' }),
  );
  await tr('GET', `${at}/Activities/${activity}`);
  await tr('POST', `${at}/Activities/${activity}`, { FriendlyName: 'Walking along' });

  const channel = sidOf(
    await tr('POST', `${at}/TaskChannels`, { FriendlyName: 'Walked', UniqueName: 'walked' }),
  );
  await tr('POST', `${at}/TaskChannels/${channel}`, { ChannelOptimizedRouting: 'true' });
  await tr('DELETE', `${at}/TaskChannels/${channel}`);

  const queue = sidOf(await tr('POST', `${at}/TaskQueues`, { FriendlyName: 'Walked queue' }));
  await tr('GET', `${at}/TaskQueues/${queue}`);
  await tr('POST', `${at}/TaskQueues/${queue}`, { TargetWorkers: 'walker == true' });
  const configuration = JSON.stringify({ task_routing: { filters: [], default_filter: { queue } } });
  const workflow = sidOf(
    await tr('POST', `${at}/Workflows`, { FriendlyName: 'Walked workflow', Configuration: configuration }),
  );
  await tr('POST', `${at}/Workflows/${workflow}`, { TaskReservationTimeout: '300' });

  const worker = sidOf(
    await tr('POST', `${at}/Workers`, {
      FriendlyName: 'walker',
      Attributes: '{"walker":true}',
      ActivitySid: activity,
    }),
  );
  await tr('GET', `${at}/Workers/${worker}`);
  const [workerChannel] = (await tr('GET', `${at}/Workers/${worker}/Channels`)).channels as { sid: string }[];
  if (!workerChannel) throw new Error('the worker has no channels');
  await tr('GET', `${at}/Workers/${worker}/Channels/${workerChannel.sid}`);

  const task = sidOf(
    await tr('POST', `${at}/Tasks`, { WorkflowSid: workflow, Attributes: '{"walked":true}', Priority: '3' }),
  );
  let reservation = '';
  await until(async () => {
    const listed = await tr('GET', `${at}/Tasks/${task}/Reservations`);
    reservation = (listed.reservations as { sid: string }[])[0]?.sid ?? '';
    return reservation !== '';
  }, 'the task to be reserved for the worker');
  await tr('GET', `${at}/Tasks/${task}/Reservations/${reservation}`);
  await tr('GET', `${at}/Workers/${worker}/Reservations/${reservation}`);
  await tr('POST', `${at}/Tasks/${task}/Reservations/${reservation}`, { ReservationStatus: 'accepted' });

  await walkStatistics(tr, at, { queue, workflow, worker });

  await tr('POST', `${at}/Tasks/${task}`, { AssignmentStatus: 'completed', Reason: 'walked' });
  await tr('DELETE', `${at}/Tasks/${task}`);
  await tr('DELETE', `${at}/Workers/${worker}`);
  await tr('DELETE', `${at}/Workflows/${workflow}`);
  await tr('DELETE', `${at}/TaskQueues/${queue}`);
  await tr('DELETE', `${at}/Activities/${activity}`);
  await tr('DELETE', at);
}

/** The statistics of the workspace at `at`, its queues, the queue, the workflow, its workers and the worker. */
async function walkStatistics(
  tr: TaskRouterSender,
  at: string,
  { queue, workflow, worker }: { queue: string; workflow: string; worker: string },
): Promise<void> {
  for (const kind of ['Statistics', 'RealTimeStatistics', 'CumulativeStatistics']) {
    await tr('GET', `${at}/${kind}`);
    await tr('GET', `${at}/TaskQueues/${queue}/${kind}`);
    await tr('GET', `${at}/Workflows/${workflow}/${kind}`);
    await tr('GET', `${at}/Workers/${kind}`);
  }
  await tr('GET', `${at}/TaskQueues/Statistics`);
  await tr('POST', `${at}/TaskQueues/RealTimeStatistics`, [queue]);
  await tr('GET', `${at}/Workers/${worker}/Statistics`);
}
