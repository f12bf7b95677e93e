import { TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import { collectionRoutes, type MockRequest, type Route } from '../core/router';
import { newSid } from '../core/sids';
import { renderActivity } from './render';
import { findIn, type TaskRouterState } from './state';
import { truthyFlag } from './truthy-flag';
import { nonEmpty } from './workspaces';

/** `/v1/Workspaces/{WorkspaceSid}/Activities[/{Sid}]`. */
export class Activities {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const path = '/v1/Workspaces/:WorkspaceSid/Activities';
    return collectionRoutes('taskrouter', path, this);
  }

  create(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const friendlyName = request.form.required('FriendlyName');
    const available = request.form.string('Available');
    const now = this.state.now();
    const record = workspace.activities.insert((seq) => ({
      seq,
      sid: newSid('WA'),
      createdAt: now,
      updatedAt: now,
      friendlyName,
      available: available !== undefined && truthyFlag(available),
    }));
    return { status: 201, body: renderActivity(this.state.scope(request, workspace), record) };
  }

  fetch(request: MockRequest) {
    const workspace = this.state.workspace(request);
    return {
      status: 200,
      body: renderActivity(this.state.scope(request, workspace), findIn(workspace.activities, request)),
    };
  }

  update(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.activities, request);
    record.friendlyName = nonEmpty(request.form, 'FriendlyName') ?? record.friendlyName;
    record.updatedAt = this.state.now();
    return { status: 200, body: renderActivity(this.state.scope(request, workspace), record) };
  }

  /** An activity in use (a worker's, or the workspace's default or timeout activity) cannot be deleted. */
  remove(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.activities, request);
    const inUse =
      workspace.record.defaultActivitySid === record.sid ||
      workspace.record.timeoutActivitySid === record.sid ||
      workspace.workers.all().some((worker) => worker.activitySid === record.sid);
    if (inUse) throw new TwilioError(400, 20001, `Activity ${record.sid} is in use and cannot be deleted`);
    workspace.activities.delete(record.sid);
    return { status: 204 };
  }

  list(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const friendlyName = request.query.get('FriendlyName');
    const available = request.query.get('Available');
    let records = workspace.activities.all();
    const behaviour = this.state.ctx.behaviour.taskRouter;
    if (friendlyName !== null)
      records = records.filter((record) =>
        behaviour.friendlyNameMatches.activities(record.friendlyName, friendlyName),
      );
    if (available !== null)
      records = records.filter((record) => record.available === behaviour.availableFilter(available));
    const filters: [string, string][] = [];
    if (friendlyName !== null) filters.push(['FriendlyName', friendlyName]);
    if (available !== null) filters.push(['Available', available]);
    const scope = this.state.scope(request, workspace);
    return {
      status: 200,
      body: pageOf(records, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/Activities`,
        key: 'activities',
        filters,
        render: (record) => renderActivity(scope, record),
      }),
    };
  }
}
