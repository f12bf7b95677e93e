import { invalidParameter, missingParameter, TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import { collectionRoutes, type MockRequest, type Route } from '../core/router';
import { type TaskRecord, taskStatuses, type WorkspaceState } from './records';
import { renderTask } from './render';
import { effectivePriority, placeTask } from './routing';
import { findIn, jsonObjectParam, type TaskRouterState } from './state';
import { listTasks } from './task-list';
import type { TaskRouterBehaviour } from './taskrouter-behaviour';

/** `/v1/Workspaces/{WorkspaceSid}/Tasks[/{Sid}]`. */
export class Tasks {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const path = '/v1/Workspaces/:WorkspaceSid/Tasks';
    return collectionRoutes('taskrouter', path, this);
  }

  /** Answers with the new task as created (pending); reservations are offered right after. */
  create(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const form = request.form;
    const ctx = this.state.ctx;
    const attributes = jsonObjectParam(form, 'Attributes') ?? '{}';
    const priority = this.priority(form);
    const timeout = this.timeout(form) ?? this.behaviour.timeout.default;
    const channelSid = this.channel(workspace, form);
    const queueSid = form.sid('TaskQueueSid', 'WQ');
    if (queueSid !== undefined && !workspace.taskQueues.get(queueSid)) {
      throw invalidParameter('TaskQueueSid', 'names no TaskQueue of this Workspace');
    }
    const workflowSid = this.workflow(workspace, form, queueSid !== undefined);
    const now = this.state.now();
    const virtualStartTime = this.virtualStartTime(form, now) ?? now;
    const task = workspace.tasks.insert(
      (seq): TaskRecord => ({
        seq,
        sid: this.behaviour.newTaskSid(),
        createdAt: now,
        updatedAt: now,
        attributes,
        assignmentStatus: 'pending',
        priority: 0,
        requestedPriority: priority,
        reason: null,
        timeout,
        taskChannelSid: channelSid,
        workflowSid: workflowSid ?? null,
        taskQueueSid: null,
        target: null,
        taskQueueEnteredAt: null,
        virtualStartTime,
      }),
    );
    if (workflowSid !== undefined) placeTask(ctx, workspace, task, priority, now);
    else {
      task.target = { queue: queueSid as string };
      task.taskQueueSid = queueSid ?? null;
      task.taskQueueEnteredAt = now;
      task.priority = effectivePriority(ctx, null, priority);
    }
    this.state.engine.taskCreated(workspace, task);
    const body = renderTask(this.state.scope(request, workspace), task);
    this.state.engine.assign(workspace);
    return { status: 201, body };
  }

  fetch(request: MockRequest) {
    const workspace = this.state.workspace(request);
    return {
      status: 200,
      body: renderTask(this.state.scope(request, workspace), findIn(workspace.tasks, request)),
    };
  }

  /**
   * Attributes (re-routing a waiting task), Priority (unless a Workflow target sets it), TaskChannel
   * and AssignmentStatus: canceled (pending or reserved tasks), wrapping (assigned tasks) or
   * completed (assigned or wrapping tasks); canceled and completed need a Reason.
   */
  update(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const task = findIn(workspace.tasks, request);
    const form = request.form;
    const ctx = this.state.ctx;
    const { statusChanges, reasonRequiredFor } = this.behaviour;
    const status = form.oneOf('AssignmentStatus', taskStatuses);
    const reason = form.string('Reason');
    const attributes = jsonObjectParam(form, 'Attributes');
    const priority = this.priority(form);
    const channelSid = form.has('TaskChannel') ? this.channel(workspace, form) : undefined;
    if (status !== undefined) {
      if (reasonRequiredFor.includes(status) && !reason) throw missingParameter('Reason');
      const from = statusChanges[status];
      if (!from?.includes(task.assignmentStatus)) {
        throw new TwilioError(
          400,
          20001,
          `Invalid parameter AssignmentStatus: a ${task.assignmentStatus} task cannot become ${status}`,
        );
      }
    }
    const now = this.state.now();
    if (attributes !== undefined) {
      task.attributes = attributes;
      if (task.assignmentStatus === 'pending' && task.workflowSid) {
        placeTask(ctx, workspace, task, priority ?? task.requestedPriority, now);
      }
    }
    if (priority !== undefined) {
      task.requestedPriority = priority;
      task.priority = effectivePriority(ctx, task.target, priority);
    }
    if (channelSid !== undefined) task.taskChannelSid = channelSid;
    task.updatedAt = now;
    if (status === 'canceled') this.state.engine.cancel(workspace, task, reason ?? '');
    if (status === 'wrapping') this.state.engine.wrap(workspace, task);
    if (status === 'completed') this.state.engine.complete(workspace, task, reason ?? null);
    const body = renderTask(this.state.scope(request, workspace), task);
    this.state.engine.assign(workspace);
    return { status: 200, body };
  }

  remove(request: MockRequest) {
    const workspace = this.state.workspace(request);
    this.state.engine.remove(workspace, findIn(workspace.tasks, request));
    this.state.engine.assign(workspace);
    return { status: 204 };
  }

  list(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const { items, filters } = listTasks(workspace, request.query, this.behaviour.queueNameMatches);
    const scope = this.state.scope(request, workspace);
    return {
      status: 200,
      body: pageOf(items, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/Tasks`,
        key: 'tasks',
        filters,
        render: (item) => renderTask(scope, item.task, { inList: true }),
      }),
    };
  }

  private get behaviour(): TaskRouterBehaviour {
    return this.state.ctx.behaviour.taskRouter;
  }

  private priority(form: Params): number | undefined {
    const { min, max } = this.behaviour.priority;
    return form.integer('Priority', { min, max }, this.behaviour.integerOf);
  }

  private timeout(form: Params): number | undefined {
    const { min, max } = this.behaviour.timeout;
    return form.integer('Timeout', { min, max }, this.behaviour.integerOf);
  }

  /** TaskChannel by SID or unique name; "Default value is `default`." (no Task Channel when the default is null). */
  private channel(workspace: WorkspaceState, form: Params): string {
    const requested = form.string('TaskChannel');
    const name = requested === undefined || requested === '' ? this.behaviour.taskChannelDefault : requested;
    if (name === null) return '';
    const channel = workspace.taskChannel(name);
    if (!channel) throw invalidParameter('TaskChannel', `names no Task Channel of this Workspace: ${name}`);
    return channel.sid;
  }

  /** WorkflowSid, optional when the workspace has exactly one Workflow (or the task names its TaskQueue). */
  private workflow(workspace: WorkspaceState, form: Params, queueGiven: boolean): string | undefined {
    const sid = form.sid('WorkflowSid', 'WW');
    if (sid !== undefined) {
      if (!workspace.workflows.get(sid))
        throw invalidParameter('WorkflowSid', 'names no Workflow of this Workspace');
      return sid;
    }
    if (queueGiven) return undefined;
    const workflows = workspace.workflows.all();
    if (workflows.length === 1) return workflows[0]?.sid;
    throw missingParameter('WorkflowSid');
  }

  /** VirtualStartTime: "Value can't be in the future or before the year of 1900." */
  private virtualStartTime(form: Params, now: number): number | undefined {
    const value = form.string('VirtualStartTime');
    if (value === undefined) return undefined;
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw invalidParameter('VirtualStartTime', 'must be an ISO 8601 date-time');
    if (at > now || at < Date.UTC(1900, 0, 1)) {
      throw invalidParameter('VirtualStartTime', "can't be in the future or before the year of 1900");
    }
    return at;
  }
}
