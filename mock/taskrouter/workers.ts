import { invalidParameter } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import { collectionRoutes, type MockRequest, type Route } from '../core/router';
import { newSid } from '../core/sids';
import { attributeResolver, type ExpressionError, evaluate, parseExpression } from './expression';
import { parsedAttributes, type WorkerRecord, type WorkspaceState } from './records';
import { renderWorker } from './render';
import { findIn, jsonObjectParam, type TaskRouterState } from './state';
import { nonEmpty } from './workspaces';

/** `/v1/Workspaces/{WorkspaceSid}/Workers[/{Sid}]`. */
export class Workers {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const path = '/v1/Workspaces/:WorkspaceSid/Workers';
    return collectionRoutes('taskrouter', path, this);
  }

  /** A worker created without ActivitySid starts in the workspace's default activity (Offline). */
  create(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const form = request.form;
    const friendlyName = form.required('FriendlyName');
    this.requireUniqueName(workspace, friendlyName);
    const attributes = jsonObjectParam(form, 'Attributes') ?? '{}';
    const activitySid =
      this.activity(workspace, request) ?? this.state.ctx.behaviour.taskRouter.initialActivity(workspace);
    const now = this.state.now();
    const record = workspace.workers.insert(
      (seq): WorkerRecord => ({
        seq,
        sid: newSid('WK'),
        createdAt: now,
        updatedAt: now,
        friendlyName,
        attributes,
        activitySid,
        statusChangedAt: now,
      }),
    );
    const body = renderWorker(this.state.scope(request, workspace), record);
    this.state.engine.assign(workspace);
    return { status: 201, body };
  }

  fetch(request: MockRequest) {
    const workspace = this.state.workspace(request);
    return {
      status: 200,
      body: renderWorker(this.state.scope(request, workspace), findIn(workspace.workers, request)),
    };
  }

  /** A change of activity (to an available one) makes the worker eligible for waiting tasks. */
  update(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.workers, request);
    const form = request.form;
    const friendlyName = nonEmpty(form, 'FriendlyName');
    if (friendlyName !== undefined && friendlyName.toLowerCase() !== record.friendlyName.toLowerCase()) {
      this.requireUniqueName(workspace, friendlyName);
    }
    const attributes = jsonObjectParam(form, 'Attributes');
    const activitySid = this.activity(workspace, request);
    const rejectPending = form.boolean('RejectPendingReservations') ?? false;
    const now = this.state.now();
    if (activitySid !== undefined) {
      if (rejectPending && !workspace.activities.get(activitySid)?.available) {
        this.state.engine.rejectPendingOf(workspace, record);
      }
      this.state.engine.moveWorker(record, activitySid, now);
    }
    record.friendlyName = friendlyName ?? record.friendlyName;
    record.attributes = attributes ?? record.attributes;
    record.updatedAt = now;
    const body = renderWorker(this.state.scope(request, workspace), record);
    this.state.engine.assign(workspace);
    return { status: 200, body };
  }

  remove(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.workers, request);
    this.state.engine.workerRemoved(workspace, record);
    workspace.workers.delete(record.sid);
    this.state.engine.assign(workspace);
    return { status: 204 };
  }

  list(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const query = request.query;
    const filters: [string, string][] = [];
    let records = workspace.workers.all();
    const filter = (name: string, keep: (value: string, worker: WorkerRecord) => boolean) => {
      const value = query.get(name);
      if (value === null) return;
      filters.push([name, value]);
      records = records.filter((worker) => keep(value, worker));
    };
    const behaviour = this.state.ctx.behaviour.taskRouter;
    const activityOf = (worker: WorkerRecord) => workspace.activities.get(worker.activitySid);
    filter('ActivityName', (value, worker) => {
      const activity = activityOf(worker);
      return activity !== undefined && behaviour.activityNameMatches(activity.friendlyName, value);
    });
    filter('ActivitySid', (value, worker) => worker.activitySid === value);
    filter(
      'Available',
      (value, worker) => (activityOf(worker)?.available ?? false) === behaviour.availableFilter(value),
    );
    filter('FriendlyName', (value, worker) =>
      behaviour.friendlyNameMatches.workers(worker.friendlyName, value),
    );
    const expressionFilter = query.get('TargetWorkersExpression');
    if (expressionFilter !== null) {
      let expression: ReturnType<typeof parseExpression>;
      try {
        expression = parseExpression(expressionFilter);
      } catch (error) {
        throw invalidParameter('TargetWorkersExpression', (error as ExpressionError).message);
      }
      filter('TargetWorkersExpression', (_value, worker) => matchesWorker(expression, worker));
    }
    const queueFilter = (
      name: string,
      pick: (sidOrName: string) => ReturnType<typeof workspace.taskQueues.get>,
    ) =>
      filter(name, (value, worker) => {
        const queue = pick(value);
        return queue !== undefined && matchesWorker(queue.targetExpression, worker);
      });
    queueFilter('TaskQueueSid', (sid) => workspace.taskQueues.get(sid));
    queueFilter('TaskQueueName', (name) =>
      workspace.taskQueues
        .all()
        .find((queue) => this.state.ctx.behaviour.taskRouter.queueNameMatches(queue.friendlyName, name)),
    );
    const scope = this.state.scope(request, workspace);
    return {
      status: 200,
      body: pageOf(records, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/Workers`,
        key: 'workers',
        filters,
        render: (record) => renderWorker(scope, record),
      }),
    };
  }

  private requireUniqueName(workspace: WorkspaceState, friendlyName: string): void {
    const taken = workspace.workers
      .all()
      .some((worker) => worker.friendlyName.toLowerCase() === friendlyName.toLowerCase());
    if (taken)
      throw invalidParameter(
        'FriendlyName',
        `a Worker named ${friendlyName} already exists in this Workspace`,
      );
  }

  private activity(workspace: WorkspaceState, request: MockRequest): string | undefined {
    const sid = request.form.sid('ActivitySid', 'WA');
    if (sid !== undefined && !workspace.activities.get(sid))
      throw invalidParameter('ActivitySid', 'names no Activity of this Workspace');
    return sid;
  }
}

export function matchesWorker(expression: ReturnType<typeof parseExpression>, worker: WorkerRecord): boolean {
  const attributes = parsedAttributes(worker.attributes);
  return evaluate(expression, attributeResolver(attributes, { worker: attributes }));
}
