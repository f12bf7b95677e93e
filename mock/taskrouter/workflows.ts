import { TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import { collectionRoutes, type MockRequest, type Route } from '../core/router';
import { newSid } from '../core/sids';
import type { WorkflowRecord } from './records';
import { renderWorkflow } from './render';
import { placeTask } from './routing';
import { findIn, type TaskRouterState } from './state';
import { truthyFlag } from './truthy-flag';
import { readWorkflowConfiguration } from './workflow-config';
import { nonEmpty } from './workspaces';

/** `/v1/Workspaces/{WorkspaceSid}/Workflows[/{Sid}]`. */
export class Workflows {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const path = '/v1/Workspaces/:WorkspaceSid/Workflows';
    return collectionRoutes('taskrouter', path, this);
  }

  create(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const form = request.form;
    const friendlyName = form.required('FriendlyName');
    const configuration = form.required('Configuration');
    const routing = readWorkflowConfiguration(configuration, workspace);
    const now = this.state.now();
    const record = workspace.workflows.insert(
      (seq): WorkflowRecord => ({
        seq,
        sid: newSid('WW'),
        createdAt: now,
        updatedAt: now,
        friendlyName,
        configuration,
        routing,
        assignmentCallbackUrl: form.url('AssignmentCallbackUrl') ?? null,
        fallbackAssignmentCallbackUrl: form.url('FallbackAssignmentCallbackUrl') ?? null,
        taskReservationTimeout:
          this.reservationTimeout(request) ?? this.state.ctx.behaviour.taskRouter.reservationTimeout.default,
      }),
    );
    return { status: 201, body: renderWorkflow(this.state.scope(request, workspace), record) };
  }

  fetch(request: MockRequest) {
    const workspace = this.state.workspace(request);
    return {
      status: 200,
      body: renderWorkflow(this.state.scope(request, workspace), findIn(workspace.workflows, request)),
    };
  }

  /** A new Configuration applies to new tasks; `ReEvaluateTasks=true` re-routes the waiting ones too. */
  update(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.workflows, request);
    const form = request.form;
    const configuration = nonEmpty(form, 'Configuration');
    if (configuration !== undefined) {
      record.routing = readWorkflowConfiguration(configuration, workspace);
      record.configuration = configuration;
    }
    record.friendlyName = nonEmpty(form, 'FriendlyName') ?? record.friendlyName;
    if (form.has('AssignmentCallbackUrl'))
      record.assignmentCallbackUrl = form.url('AssignmentCallbackUrl') ?? null;
    if (form.has('FallbackAssignmentCallbackUrl')) {
      record.fallbackAssignmentCallbackUrl = form.url('FallbackAssignmentCallbackUrl') ?? null;
    }
    record.taskReservationTimeout = this.reservationTimeout(request) ?? record.taskReservationTimeout;
    const now = this.state.now();
    record.updatedAt = now;
    const reEvaluate = form.string('ReEvaluateTasks');
    if (reEvaluate !== undefined && truthyFlag(reEvaluate)) {
      for (const task of workspace.tasks.all()) {
        if (task.workflowSid === record.sid && task.assignmentStatus === 'pending') {
          placeTask(this.state.ctx, workspace, task, task.requestedPriority, now);
        }
      }
    }
    const body = renderWorkflow(this.state.scope(request, workspace), record);
    this.state.engine.assign(workspace);
    return { status: 200, body };
  }

  remove(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const record = findIn(workspace.workflows, request);
    const live = ['pending', 'reserved', 'assigned', 'wrapping'];
    if (
      workspace.tasks
        .all()
        .some((task) => task.workflowSid === record.sid && live.includes(task.assignmentStatus))
    ) {
      throw new TwilioError(400, 20001, `Workflow ${record.sid} has active tasks and cannot be deleted`);
    }
    workspace.workflows.delete(record.sid);
    return { status: 204 };
  }

  list(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const friendlyName = request.query.get('FriendlyName');
    let records = workspace.workflows.all();
    const nameMatches = this.state.ctx.behaviour.taskRouter.friendlyNameMatches.workflows;
    if (friendlyName !== null)
      records = records.filter((record) => nameMatches(record.friendlyName, friendlyName));
    const scope = this.state.scope(request, workspace);
    return {
      status: 200,
      body: pageOf(records, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/Workflows`,
        key: 'workflows',
        filters: friendlyName !== null ? [['FriendlyName', friendlyName]] : [],
        render: (record) => renderWorkflow(scope, record),
      }),
    };
  }

  /** TaskReservationTimeout within the behaviour's bounds. */
  private reservationTimeout(request: MockRequest): number | undefined {
    const { min, max } = this.state.ctx.behaviour.taskRouter.reservationTimeout;
    return request.form.integer('TaskReservationTimeout', { min, max });
  }
}
