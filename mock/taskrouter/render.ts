import { isoNow } from '../core/sids';
import type {
  ActivityRecord,
  ReservationRecord,
  TaskChannelRecord,
  TaskQueueRecord,
  TaskRecord,
  WorkerRecord,
  WorkflowRecord,
  WorkspaceState,
} from './records';

/**
 * The wire (snake_case) shape of each TaskRouter resource, field names as in twilio_taskrouter_v1's
 * `taskrouter.v1.workspace.*` schemas, with absolute URLs on the origin the request reached.
 */
export interface RenderScope {
  readonly accountSid: string;
  readonly origin: string;
  readonly now: number;
  readonly workspace: WorkspaceState;
}

export const date = (ms: number | null) => (ms === null ? null : isoNow(ms));

export function workspaceUrl(scope: Pick<RenderScope, 'origin'>, workspaceSid: string): string {
  return `${scope.origin}/v1/Workspaces/${workspaceSid}`;
}

export function renderWorkspace(scope: RenderScope): Record<string, unknown> {
  const { workspace } = scope;
  const record = workspace.record;
  const url = workspaceUrl(scope, record.sid);
  const activityName = (sid: string) => workspace.activities.get(sid)?.friendlyName ?? null;
  return {
    account_sid: scope.accountSid,
    date_created: date(record.createdAt),
    date_updated: date(record.updatedAt),
    default_activity_name: activityName(record.defaultActivitySid),
    default_activity_sid: record.defaultActivitySid,
    event_callback_url: record.eventCallbackUrl,
    events_filter: record.eventsFilter,
    friendly_name: record.friendlyName,
    multi_task_enabled: record.multiTaskEnabled,
    prioritize_queue_order: record.prioritizeQueueOrder,
    sid: record.sid,
    timeout_activity_name: activityName(record.timeoutActivitySid),
    timeout_activity_sid: record.timeoutActivitySid,
    url,
    links: {
      activities: `${url}/Activities`,
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
      task_queues: `${url}/TaskQueues`,
      tasks: `${url}/Tasks`,
      workers: `${url}/Workers`,
      workflows: `${url}/Workflows`,
      task_channels: `${url}/TaskChannels`,
      events: `${url}/Events`,
    },
  };
}

export function renderActivity(scope: RenderScope, record: ActivityRecord): Record<string, unknown> {
  const base = workspaceUrl(scope, scope.workspace.sid);
  return {
    account_sid: scope.accountSid,
    available: record.available,
    date_created: date(record.createdAt),
    date_updated: date(record.updatedAt),
    friendly_name: record.friendlyName,
    sid: record.sid,
    workspace_sid: scope.workspace.sid,
    url: `${base}/Activities/${record.sid}`,
    links: { workspace: base },
  };
}

export function renderTaskChannel(scope: RenderScope, record: TaskChannelRecord): Record<string, unknown> {
  const base = workspaceUrl(scope, scope.workspace.sid);
  return {
    account_sid: scope.accountSid,
    date_created: date(record.createdAt),
    date_updated: date(record.updatedAt),
    friendly_name: record.friendlyName,
    sid: record.sid,
    unique_name: record.uniqueName,
    workspace_sid: scope.workspace.sid,
    channel_optimized_routing: record.channelOptimizedRouting,
    url: `${base}/TaskChannels/${record.sid}`,
    links: { workspace: base },
  };
}

export function renderWorkflow(scope: RenderScope, record: WorkflowRecord): Record<string, unknown> {
  const base = workspaceUrl(scope, scope.workspace.sid);
  const url = `${base}/Workflows/${record.sid}`;
  return {
    account_sid: scope.accountSid,
    assignment_callback_url: record.assignmentCallbackUrl,
    configuration: record.configuration,
    date_created: date(record.createdAt),
    date_updated: date(record.updatedAt),
    document_content_type: 'application/json',
    fallback_assignment_callback_url: record.fallbackAssignmentCallbackUrl,
    friendly_name: record.friendlyName,
    sid: record.sid,
    task_reservation_timeout: record.taskReservationTimeout,
    workspace_sid: scope.workspace.sid,
    url,
    links: {
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
    },
  };
}

export function renderTaskQueue(scope: RenderScope, record: TaskQueueRecord): Record<string, unknown> {
  const base = workspaceUrl(scope, scope.workspace.sid);
  const url = `${base}/TaskQueues/${record.sid}`;
  const activityName = (sid: string | null) =>
    sid === null ? null : (scope.workspace.activities.get(sid)?.friendlyName ?? null);
  return {
    account_sid: scope.accountSid,
    assignment_activity_name: activityName(record.assignmentActivitySid),
    assignment_activity_sid: record.assignmentActivitySid,
    date_created: date(record.createdAt),
    date_updated: date(record.updatedAt),
    friendly_name: record.friendlyName,
    max_reserved_workers: record.maxReservedWorkers,
    reservation_activity_name: activityName(record.reservationActivitySid),
    reservation_activity_sid: record.reservationActivitySid,
    sid: record.sid,
    target_workers: record.targetWorkers,
    task_order: record.taskOrder,
    url,
    workspace_sid: scope.workspace.sid,
    links: {
      ...(record.assignmentActivitySid
        ? { assignment_activity: `${base}/Activities/${record.assignmentActivitySid}` }
        : {}),
      ...(record.reservationActivitySid
        ? { reservation_activity: `${base}/Activities/${record.reservationActivitySid}` }
        : {}),
      workspace: base,
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
    },
  };
}

export function renderWorker(scope: RenderScope, record: WorkerRecord): Record<string, unknown> {
  const base = workspaceUrl(scope, scope.workspace.sid);
  const url = `${base}/Workers/${record.sid}`;
  const activity = scope.workspace.activities.get(record.activitySid);
  return {
    account_sid: scope.accountSid,
    activity_name: activity?.friendlyName ?? null,
    activity_sid: record.activitySid,
    attributes: record.attributes,
    available: activity?.available ?? false,
    date_created: date(record.createdAt),
    date_status_changed: date(record.statusChangedAt),
    date_updated: date(record.updatedAt),
    friendly_name: record.friendlyName,
    sid: record.sid,
    workspace_sid: scope.workspace.sid,
    url,
    links: {
      activity: `${base}/Activities/${record.activitySid}`,
      workspace: base,
      channels: `${url}/Channels`,
      worker_channels: `${url}/Channels`,
      reservations: `${url}/Reservations`,
      worker_statistics: `${url}/Statistics`,
    },
  };
}

/** A task as fetched (`attributes` populated) or as listed (`inList`: attributes null, see TR-ATTRIBUTES-IN-LISTS). */
export function renderTask(
  scope: RenderScope,
  record: TaskRecord,
  options: { inList?: boolean } = {},
): Record<string, unknown> {
  const { workspace } = scope;
  const base = workspaceUrl(scope, workspace.sid);
  const url = `${base}/Tasks/${record.sid}`;
  const channel = workspace.taskChannels.get(record.taskChannelSid);
  const queue = record.taskQueueSid ? workspace.taskQueues.get(record.taskQueueSid) : undefined;
  const workflow = record.workflowSid ? workspace.workflows.get(record.workflowSid) : undefined;
  const elapsed = Math.max(0, scope.now - record.createdAt);
  return {
    account_sid: scope.accountSid,
    age: Math.floor(elapsed / 1000),
    assignment_status: record.assignmentStatus,
    attributes: options.inList ? null : record.attributes,
    addons: '{}',
    date_created: date(record.createdAt),
    date_updated: date(record.updatedAt),
    task_queue_entered_date: date(record.taskQueueEnteredAt),
    priority: record.priority,
    reason: record.reason,
    sid: record.sid,
    task_queue_sid: record.taskQueueSid,
    task_queue_friendly_name: queue?.friendlyName ?? null,
    task_channel_sid: record.taskChannelSid || null,
    task_channel_unique_name: channel?.uniqueName ?? null,
    timeout: record.timeout,
    workflow_sid: record.workflowSid,
    workflow_friendly_name: workflow?.friendlyName ?? null,
    workspace_sid: workspace.sid,
    url,
    links: {
      ...(record.taskQueueSid ? { task_queue: `${base}/TaskQueues/${record.taskQueueSid}` } : {}),
      ...(record.workflowSid ? { workflow: `${base}/Workflows/${record.workflowSid}` } : {}),
      workspace: base,
      reservations: `${url}/Reservations`,
    },
    virtual_start_time: date(record.virtualStartTime),
    ignore_capacity: false,
    routing_target: null,
  };
}

/** A reservation seen from its task (`/Tasks/WT…/Reservations/WR…`) or its worker (`/Workers/WK…/Reservations/WR…`). */
export function renderReservation(
  scope: RenderScope,
  record: ReservationRecord,
  via: 'task' | 'worker',
): Record<string, unknown> {
  const base = workspaceUrl(scope, scope.workspace.sid);
  const parent = via === 'task' ? `${base}/Tasks/${record.taskSid}` : `${base}/Workers/${record.workerSid}`;
  return {
    account_sid: scope.accountSid,
    date_created: date(record.createdAt),
    date_updated: date(record.updatedAt),
    reservation_status: record.status,
    sid: record.sid,
    task_sid: record.taskSid,
    worker_name: scope.workspace.workers.get(record.workerSid)?.friendlyName ?? null,
    worker_sid: record.workerSid,
    workspace_sid: scope.workspace.sid,
    url: `${parent}/Reservations/${record.sid}`,
    links: {
      task: `${base}/Tasks/${record.taskSid}`,
      worker: `${base}/Workers/${record.workerSid}`,
      workspace: base,
    },
  };
}
