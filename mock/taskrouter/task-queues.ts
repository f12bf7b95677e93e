import { invalidParameter, TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import { collectionRoutes, type MockRequest, type Route } from '../core/router';
import { newSid } from '../core/sids';
import {
  attributeResolver,
  type Expression,
  type ExpressionError,
  evaluate,
  parseExpression,
} from './expression';
import { parsedAttributes, queueOrders, type TaskQueueRecord, type WorkspaceState } from './records';
import { renderTaskQueue } from './render';
import { findIn, type TaskRouterState } from './state';
import { workflowUsesQueue } from './workflow-config';
import { nonEmpty } from './workspaces';

/** TargetWorkers: "The default value is `1==1`." */
const DEFAULT_TARGET_WORKERS = '1==1';
const MAX_RESERVED_WORKERS = { min: 1, max: 50 };

/** `/v1/Workspaces/{WorkspaceSid}/TaskQueues[/{Sid}]`. */
export class TaskQueues {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const path = '/v1/Workspaces/:WorkspaceSid/TaskQueues';
    return collectionRoutes('taskrouter', path, this);
  }

  create(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const form = request.form;
    const friendlyName = form.required('FriendlyName');
    const targetWorkers = nonEmpty(form, 'TargetWorkers') ?? DEFAULT_TARGET_WORKERS;
    const now = this.state.now();
    const record = workspace.taskQueues.insert(
      (seq): TaskQueueRecord => ({
        seq,
        sid: newSid('WQ'),
        createdAt: now,
        updatedAt: now,
        friendlyName,
        targetWorkers,
        targetExpression: targetExpression(targetWorkers),
        maxReservedWorkers: form.integer('MaxReservedWorkers', MAX_RESERVED_WORKERS) ?? 1,
        taskOrder: form.oneOf('TaskOrder', queueOrders) ?? 'FIFO',
        reservationActivitySid: activity(workspace, request, 'ReservationActivitySid') ?? null,
        assignmentActivitySid: activity(workspace, request, 'AssignmentActivitySid') ?? null,
      }),
    );
    return { status: 201, body: renderTaskQueue(this.state.scope(request, workspace), record) };
  }

  fetch(request: MockRequest) {
    const workspace = this.state.workspace(request);
    return {
      status: 200,
      body: renderTaskQueue(this.state.scope(request, workspace), findIn(workspace.taskQueues, request)),
    };
  }

  update(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.taskQueues, request);
    const form = request.form;
    const targetWorkers = nonEmpty(form, 'TargetWorkers');
    if (targetWorkers !== undefined) {
      record.targetExpression = targetExpression(targetWorkers);
      record.targetWorkers = targetWorkers;
    }
    record.friendlyName = nonEmpty(form, 'FriendlyName') ?? record.friendlyName;
    record.maxReservedWorkers =
      form.integer('MaxReservedWorkers', MAX_RESERVED_WORKERS) ?? record.maxReservedWorkers;
    record.taskOrder = form.oneOf('TaskOrder', queueOrders) ?? record.taskOrder;
    record.reservationActivitySid =
      activity(workspace, request, 'ReservationActivitySid') ?? record.reservationActivitySid;
    record.assignmentActivitySid =
      activity(workspace, request, 'AssignmentActivitySid') ?? record.assignmentActivitySid;
    record.updatedAt = this.state.now();
    const body = renderTaskQueue(this.state.scope(request, workspace), record);
    this.state.engine.assign(workspace);
    return { status: 200, body };
  }

  remove(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.taskQueues, request);
    if (workspace.workflows.all().some((workflow) => workflowUsesQueue(workflow.routing, record.sid))) {
      throw new TwilioError(
        400,
        20001,
        `TaskQueue ${record.sid} is used by a Workflow and cannot be deleted`,
      );
    }
    workspace.taskQueues.delete(record.sid);
    return { status: 204 };
  }

  list(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const query = request.query;
    const friendlyName = query.get('FriendlyName');
    const workerSid = query.get('WorkerSid');
    const evaluateWorker = query.get('EvaluateWorkerAttributes');
    let records = workspace.taskQueues.all();
    const nameMatches = this.state.ctx.behaviour.taskRouter.queueNameMatches;
    if (friendlyName !== null)
      records = records.filter((record) => nameMatches(record.friendlyName, friendlyName));
    if (workerSid !== null) {
      const worker = workspace.workers.get(workerSid);
      const attributes = worker ? parsedAttributes(worker.attributes) : undefined;
      records = records.filter(
        (record) => attributes !== undefined && matches(record.targetExpression, attributes),
      );
    }
    if (evaluateWorker !== null) {
      let attributes: unknown;
      try {
        attributes = JSON.parse(evaluateWorker);
      } catch {
        throw invalidParameter('EvaluateWorkerAttributes', 'must be a JSON string');
      }
      records = records.filter((record) =>
        matches(record.targetExpression, attributes as Record<string, unknown>),
      );
    }
    const filters: [string, string][] = [];
    if (friendlyName !== null) filters.push(['FriendlyName', friendlyName]);
    if (workerSid !== null) filters.push(['WorkerSid', workerSid]);
    if (evaluateWorker !== null) filters.push(['EvaluateWorkerAttributes', evaluateWorker]);
    const scope = this.state.scope(request, workspace);
    return {
      status: 200,
      body: pageOf(records, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/TaskQueues`,
        key: 'task_queues',
        filters,
        render: (record) => renderTaskQueue(scope, record),
      }),
    };
  }
}

function targetExpression(targetWorkers: string): Expression {
  try {
    return parseExpression(targetWorkers);
  } catch (error) {
    throw invalidParameter(
      'TargetWorkers',
      `is not a valid expression (${(error as ExpressionError).message})`,
    );
  }
}

function matches(expression: Expression, attributes: Record<string, unknown>): boolean {
  return evaluate(expression, attributeResolver(attributes, { worker: attributes }));
}

function activity(workspace: WorkspaceState, request: MockRequest, name: string): string | undefined {
  const sid = request.form.sid(name, 'WA');
  if (sid !== undefined && !workspace.activities.get(sid))
    throw invalidParameter(name, 'names no Activity of this Workspace');
  return sid;
}
