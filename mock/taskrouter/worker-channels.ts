import { notFound } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import type { TaskChannelRecord, WorkerRecord } from './records';
import { date, type RenderScope, workspaceUrl } from './render';
import { findIn, type TaskRouterState } from './state';
import { workerChannel } from './worker-channel-setting';

const assignedStatuses = ['accepted', 'wrapping'];

/**
 * `/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels[/{Sid}]`: a worker's capacity and
 * availability per Task Channel (multi-tasking), with the tasks it holds on each. `{Sid}` is the
 * WorkerChannel's SID, or the Task Channel's SID or unique name.
 */
export class WorkerChannels {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const base = '/v1/Workspaces/:WorkspaceSid/Workers/:WorkerSid/Channels';
    return [
      { domain: 'taskrouter', method: 'GET', pattern: base, handler: (r) => this.list(r) },
      { domain: 'taskrouter', method: 'GET', pattern: `${base}/:Sid`, handler: (r) => this.fetch(r) },
      { domain: 'taskrouter', method: 'POST', pattern: `${base}/:Sid`, handler: (r) => this.update(r) },
    ];
  }

  private list(request: MockRequest): MockResponse {
    const workspace = this.state.workspace(request);
    const worker = findIn(workspace.workers, request, 'WorkerSid');
    const scope = this.state.scope(request, workspace);
    return {
      status: 200,
      body: pageOf(workspace.taskChannels.all(), readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/Workers/${worker.sid}/Channels`,
        key: 'channels',
        filters: [],
        render: (channel) => this.render(scope, worker, channel),
      }),
    };
  }

  private find(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const worker = findIn(workspace.workers, request, 'WorkerSid');
    const sid = request.pathParams.Sid ?? '';
    const channel =
      workspace.taskChannel(sid) ??
      workspace.taskChannels.all().find((candidate) => worker.channels?.get(candidate.sid)?.sid === sid);
    if (!channel) throw notFound(request.path);
    return { workspace, worker, channel };
  }

  private fetch(request: MockRequest): MockResponse {
    const { workspace, worker, channel } = this.find(request);
    return { status: 200, body: this.render(this.state.scope(request, workspace), worker, channel) };
  }

  /** Capacity (0 or more) and Available; a change may let the worker take waiting tasks. */
  private update(request: MockRequest): MockResponse {
    const { workspace, worker, channel } = this.find(request);
    const setting = workerChannel(worker, channel.sid, this.state.now());
    const capacity = request.form.integer('Capacity', { min: 0 });
    const available = request.form.boolean('Available');
    if (capacity !== undefined) setting.capacity = capacity;
    if (available !== undefined) setting.available = available;
    setting.updatedAt = this.state.now();
    const body = this.render(this.state.scope(request, workspace), worker, channel);
    this.state.engine.assign(workspace);
    return { status: 200, body };
  }

  private render(scope: RenderScope, worker: WorkerRecord, channel: TaskChannelRecord) {
    const setting = workerChannel(worker, channel.sid, scope.now);
    const held = scope.workspace.reservations
      .all()
      .filter(
        (reservation) =>
          reservation.workerSid === worker.sid &&
          scope.workspace.tasks.get(reservation.taskSid)?.taskChannelSid === channel.sid,
      );
    const assigned = held.filter((reservation) => assignedStatuses.includes(reservation.status)).length;
    const holding = held.filter((reservation) => reservation.status === 'pending').length + assigned;
    const free = setting.capacity === 0 ? 0 : Math.max(0, setting.capacity - holding) / setting.capacity;
    return {
      account_sid: scope.accountSid,
      assigned_tasks: assigned,
      available: setting.available,
      available_capacity_percentage: setting.available ? Math.round(free * 100) : 0,
      configured_capacity: setting.capacity,
      date_created: date(setting.createdAt),
      date_updated: date(setting.updatedAt),
      sid: setting.sid,
      task_channel_sid: channel.sid,
      task_channel_unique_name: channel.uniqueName,
      worker_sid: worker.sid,
      workspace_sid: scope.workspace.sid,
      url: `${workspaceUrl(scope, scope.workspace.sid)}/Workers/${worker.sid}/Channels/${setting.sid}`,
    };
  }
}
