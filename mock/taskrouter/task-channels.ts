import { invalidParameter, notFound, TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import { collectionRoutes, type MockRequest, type Route } from '../core/router';
import { newSid } from '../core/sids';
import type { TaskChannelRecord, WorkspaceState } from './records';
import { renderTaskChannel } from './render';
import type { TaskRouterState } from './state';
import { nonEmpty } from './workspaces';

/** `/v1/Workspaces/{WorkspaceSid}/TaskChannels[/{Sid}]`; `{Sid}` is a TC… SID or the channel's unique name. */
export class TaskChannels {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const path = '/v1/Workspaces/:WorkspaceSid/TaskChannels';
    return collectionRoutes('taskrouter', path, this);
  }

  create(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const form = request.form;
    const friendlyName = form.required('FriendlyName');
    const uniqueName = form.required('UniqueName');
    if (workspace.taskChannel(uniqueName)) {
      throw invalidParameter('UniqueName', `a Task Channel named ${uniqueName} already exists`);
    }
    const now = this.state.now();
    const record = workspace.taskChannels.insert((seq) => ({
      seq,
      sid: newSid('TC'),
      createdAt: now,
      updatedAt: now,
      friendlyName,
      uniqueName,
      channelOptimizedRouting: form.boolean('ChannelOptimizedRouting') ?? false,
    }));
    return { status: 201, body: renderTaskChannel(this.state.scope(request, workspace), record) };
  }

  fetch(request: MockRequest) {
    const workspace = this.state.workspace(request);
    return {
      status: 200,
      body: renderTaskChannel(this.state.scope(request, workspace), this.find(workspace, request)),
    };
  }

  update(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = this.find(workspace, request);
    record.friendlyName = nonEmpty(request.form, 'FriendlyName') ?? record.friendlyName;
    record.channelOptimizedRouting =
      request.form.boolean('ChannelOptimizedRouting') ?? record.channelOptimizedRouting;
    record.updatedAt = this.state.now();
    return { status: 200, body: renderTaskChannel(this.state.scope(request, workspace), record) };
  }

  remove(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = this.find(workspace, request);
    const live = (status: string) => status !== 'canceled' && status !== 'completed';
    if (
      workspace.tasks.all().some((task) => task.taskChannelSid === record.sid && live(task.assignmentStatus))
    ) {
      throw new TwilioError(
        400,
        20001,
        `Task Channel ${record.uniqueName} has active tasks and cannot be deleted`,
      );
    }
    workspace.taskChannels.delete(record.sid);
    return { status: 204 };
  }

  list(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const scope = this.state.scope(request, workspace);
    return {
      status: 200,
      body: pageOf(workspace.taskChannels.all(), readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/TaskChannels`,
        key: 'channels',
        filters: [],
        render: (record) => renderTaskChannel(scope, record),
      }),
    };
  }

  private find(workspace: WorkspaceState, request: MockRequest): TaskChannelRecord {
    const record = workspace.taskChannel(request.pathParams.Sid ?? '');
    if (!record) throw notFound(request.path);
    return record;
  }
}
