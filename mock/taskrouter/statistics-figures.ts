import { isoNow } from '../core/sids';
import {
  type TaskRecord,
  type TaskRouterEvent,
  taskStatuses,
  type WorkerRecord,
  type WorkspaceState,
} from './records';

/**
 * TaskRouter's statistics, computed from what the workspace holds: real-time figures from the live
 * tasks and workers, cumulative ones from the task and reservation events of a time window.
 * Field names as in twilio_taskrouter_v1's `*_statistics` schemas.
 */

/** Which tasks a statistic counts: those of a queue, a workflow, or the whole workspace; one channel or all. */
export interface TaskScope {
  readonly taskQueueSid?: string;
  readonly workflowSid?: string;
  readonly taskChannelSid?: string;
}

export interface Window {
  readonly start: number;
  readonly end: number;
}

const waiting: readonly TaskRecord['assignmentStatus'][] = ['pending', 'reserved'];

function inScope(workspace: WorkspaceState, taskSid: string, scope: TaskScope): boolean {
  const origin = workspace.taskOrigins.get(taskSid);
  const live = workspace.tasks.get(taskSid);
  const queue = live?.taskQueueSid ?? origin?.taskQueueSid;
  const workflow = live?.workflowSid ?? origin?.workflowSid;
  const channel = live?.taskChannelSid ?? origin?.taskChannelSid;
  return (
    (scope.taskQueueSid === undefined || queue === scope.taskQueueSid) &&
    (scope.workflowSid === undefined || workflow === scope.workflowSid) &&
    (scope.taskChannelSid === undefined || channel === scope.taskChannelSid)
  );
}

export function liveTasks(workspace: WorkspaceState, scope: TaskScope): TaskRecord[] {
  return workspace.tasks.all().filter((task) => inScope(workspace, task.sid, scope));
}

/** tasks_by_status, tasks_by_priority, total_tasks and the longest-waiting task of live tasks. */
export function taskFigures(tasks: readonly TaskRecord[], now: number) {
  const byStatus = Object.fromEntries(taskStatuses.map((status) => [status, 0])) as Record<string, number>;
  const byPriority: Record<string, number> = {};
  for (const task of tasks) {
    byStatus[task.assignmentStatus] = (byStatus[task.assignmentStatus] ?? 0) + 1;
    byPriority[String(task.priority)] = (byPriority[String(task.priority)] ?? 0) + 1;
  }
  const oldest = tasks
    .filter((task) => waiting.includes(task.assignmentStatus))
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  return {
    longest_task_waiting_age: oldest ? Math.floor((now - oldest.createdAt) / 1000) : 0,
    longest_task_waiting_sid: oldest?.sid ?? null,
    tasks_by_priority: byPriority,
    tasks_by_status: byStatus,
    total_tasks: tasks.length,
  };
}

/** How many of `workers` are in each activity of the workspace. */
export function activityStatistics(workspace: WorkspaceState, workers: readonly WorkerRecord[]) {
  return workspace.activities.all().map((activity) => ({
    sid: activity.sid,
    friendly_name: activity.friendlyName,
    workers: workers.filter((worker) => worker.activitySid === activity.sid).length,
  }));
}

export function availableWorkers(workspace: WorkspaceState, workers: readonly WorkerRecord[]): number {
  return workers.filter((worker) => workspace.activities.get(worker.activitySid)?.available).length;
}

function eventsIn(workspace: WorkspaceState, window: Window, scope: TaskScope, worker?: string) {
  return workspace.events.filter(
    (event) =>
      event.at >= window.start &&
      event.at <= window.end &&
      (worker === undefined || event.workerSid === worker) &&
      inScope(workspace, event.taskSid, scope),
  );
}

const count = (events: readonly TaskRouterEvent[], type: TaskRouterEvent['type']) =>
  events.filter((event) => event.type === type).length;

function durations(seconds: readonly number[]) {
  const total = seconds.reduce((sum, value) => sum + value, 0);
  return {
    avg: seconds.length ? Math.round(total / seconds.length) : 0,
    min: seconds.length ? Math.min(...seconds) : 0,
    max: seconds.length ? Math.max(...seconds) : 0,
    total,
  };
}

/** Seconds from each task's creation to its first event of `type` in the window. */
function waitsUntil(
  workspace: WorkspaceState,
  events: readonly TaskRouterEvent[],
  type: TaskRouterEvent['type'],
) {
  const firsts = new Map<string, number>();
  for (const event of events)
    if (event.type === type && !firsts.has(event.taskSid)) firsts.set(event.taskSid, event.at);
  return [...firsts].map(([taskSid, at]) =>
    Math.round((at - (workspace.taskOrigins.get(taskSid)?.createdAt ?? at)) / 1000),
  );
}

export function reservationFigures(events: readonly TaskRouterEvent[]) {
  return {
    reservations_created: count(events, 'reservation.created'),
    reservations_accepted: count(events, 'reservation.accepted'),
    reservations_rejected: count(events, 'reservation.rejected'),
    reservations_timed_out: count(events, 'reservation.timeout'),
    reservations_canceled: count(events, 'reservation.canceled'),
    reservations_rescinded: count(events, 'reservation.rescinded'),
  };
}

/** The cumulative figures shared by the workspace, a queue and a workflow. */
export function cumulativeFigures(workspace: WorkspaceState, window: Window, scope: TaskScope) {
  const events = eventsIn(workspace, window, scope);
  const accepted = durations(waitsUntil(workspace, events, 'reservation.accepted'));
  return {
    start_time: isoNow(window.start),
    end_time: isoNow(window.end),
    avg_task_acceptance_time: accepted.avg,
    ...reservationFigures(events),
    split_by_wait_time: null,
    wait_duration_until_accepted: accepted,
    wait_duration_until_canceled: durations(waitsUntil(workspace, events, 'task.canceled')),
    tasks_canceled: count(events, 'task.canceled'),
    tasks_completed: count(events, 'task.completed'),
    tasks_created: count(events, 'task.created'),
    tasks_deleted: count(events, 'task.deleted'),
    tasks_moved: 0,
    tasks_timed_out_in_workflow: 0,
  };
}

/** A worker's (or every worker's) reservations and time in each activity over the window. */
export function workerCumulativeFigures(
  workspace: WorkspaceState,
  window: Window,
  scope: TaskScope,
  workerSid?: string,
) {
  return {
    start_time: isoNow(window.start),
    end_time: isoNow(window.end),
    activity_durations: workspace.activities.all().map((activity) => {
      const spans = workspace.workers
        .all()
        .filter((worker) => workerSid === undefined || worker.sid === workerSid)
        .flatMap((worker) => [
          ...(worker.pastActivities ?? []),
          { activitySid: worker.activitySid, since: worker.statusChangedAt, until: window.end },
        ])
        .filter((span) => span.activitySid === activity.sid)
        .map((span) => Math.min(span.until, window.end) - Math.max(span.since, window.start))
        .filter((ms) => ms > 0)
        .map((ms) => Math.round(ms / 1000));
      return { sid: activity.sid, friendly_name: activity.friendlyName, ...durations(spans) };
    }),
    ...reservationFigures(eventsIn(workspace, window, scope, workerSid)),
  };
}
