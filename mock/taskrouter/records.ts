import { isJsonObject } from '../core/json';
import { Table } from '../core/table';
import type { Expression } from './expression';

/**
 * The stored TaskRouter resources of one account. Dates are kept as epoch milliseconds and
 * written as ISO 8601 when rendered; names of related resources are looked up at render time.
 */

export const taskStatuses = ['pending', 'reserved', 'assigned', 'canceled', 'completed', 'wrapping'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const reservationStatuses = [
  'pending',
  'accepted',
  'rejected',
  'timeout',
  'canceled',
  'rescinded',
  'wrapping',
  'completed',
] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

export const queueOrders = ['FIFO', 'LIFO'] as const;
export type QueueOrder = (typeof queueOrders)[number];

interface Stored {
  readonly seq: number;
  readonly sid: string;
  readonly createdAt: number;
  updatedAt: number;
}

export interface WorkspaceRecord extends Stored {
  friendlyName: string;
  defaultActivitySid: string;
  timeoutActivitySid: string;
  eventCallbackUrl: string | null;
  eventsFilter: string | null;
  multiTaskEnabled: boolean;
  prioritizeQueueOrder: QueueOrder;
}

export interface ActivityRecord extends Stored {
  friendlyName: string;
  readonly available: boolean;
}

export interface TaskChannelRecord extends Stored {
  friendlyName: string;
  readonly uniqueName: string;
  channelOptimizedRouting: boolean;
}

/** One target of a Workflow filter: the queue, an optional priority and worker-side expression. */
export interface WorkflowTarget {
  readonly queue: string;
  readonly priority?: number;
  readonly expression?: Expression;
}

export interface WorkflowFilter {
  readonly expression: Expression;
  readonly targets: readonly WorkflowTarget[];
}

export interface WorkflowRouting {
  readonly filters: readonly WorkflowFilter[];
  readonly defaultQueue?: string;
}

export interface WorkflowRecord extends Stored {
  friendlyName: string;
  /** The Configuration string exactly as sent, and what it parsed to. */
  configuration: string;
  routing: WorkflowRouting;
  assignmentCallbackUrl: string | null;
  fallbackAssignmentCallbackUrl: string | null;
  taskReservationTimeout: number;
}

export interface TaskQueueRecord extends Stored {
  friendlyName: string;
  targetWorkers: string;
  targetExpression: Expression;
  maxReservedWorkers: number;
  taskOrder: QueueOrder;
  reservationActivitySid: string | null;
  assignmentActivitySid: string | null;
}

export interface WorkerRecord extends Stored {
  friendlyName: string;
  attributes: string;
  activitySid: string;
  statusChangedAt: number;
  /** The worker's earlier activities, each from `since` until `until`, oldest first. */
  pastActivities?: { readonly activitySid: string; readonly since: number; readonly until: number }[];
  /** The worker's settings per Task Channel (by Task Channel SID), made when first read or changed. */
  channels?: Map<string, WorkerChannelSetting>;
}

/** A worker's capacity and availability on one Task Channel (its WorkerChannel). */
export interface WorkerChannelSetting {
  readonly sid: string;
  readonly createdAt: number;
  updatedAt: number;
  capacity: number;
  available: boolean;
}

export interface TaskRecord extends Stored {
  attributes: string;
  assignmentStatus: TaskStatus;
  priority: number;
  /** The priority last sent with the task (create or update), which a Workflow target may override. */
  requestedPriority: number | undefined;
  reason: string | null;
  timeout: number;
  taskChannelSid: string;
  workflowSid: string | null;
  taskQueueSid: string | null;
  /** The Workflow target the task was routed to (its priority and worker-side expression). */
  target: WorkflowTarget | null;
  taskQueueEnteredAt: number | null;
  virtualStartTime: number;
}

export interface ReservationRecord extends Stored {
  readonly taskSid: string;
  readonly workerSid: string;
  status: ReservationStatus;
  /** When a pending reservation times out (the Workflow's TaskReservationTimeout). */
  readonly expiresAt: number;
}

/** What happened to a task or a reservation, as the statistics count it. */
export type TaskRouterEventType =
  | 'task.created'
  | 'task.canceled'
  | 'task.completed'
  | 'task.deleted'
  | 'reservation.created'
  | `reservation.${Exclude<ReservationStatus, 'pending' | 'wrapping' | 'completed'>}`;

export interface TaskRouterEvent {
  readonly type: TaskRouterEventType;
  readonly at: number;
  readonly taskSid: string;
  readonly workerSid?: string;
}

/** A Workspace and everything in it. */
export class WorkspaceState {
  /** Every task and reservation event, oldest first: what the cumulative statistics count. */
  readonly events: TaskRouterEvent[] = [];
  /** Where each task was created (it outlives a deleted task): the queue, workflow and channel it counts in. */
  readonly taskOrigins = new Map<
    string,
    Pick<TaskRecord, 'taskQueueSid' | 'workflowSid' | 'taskChannelSid' | 'createdAt'>
  >();
  readonly activities = new Table<ActivityRecord>();
  readonly taskChannels = new Table<TaskChannelRecord>();
  readonly workflows = new Table<WorkflowRecord>();
  readonly taskQueues = new Table<TaskQueueRecord>();
  readonly workers = new Table<WorkerRecord>();
  readonly tasks = new Table<TaskRecord>();
  readonly reservations = new Table<ReservationRecord>();

  constructor(public record: WorkspaceRecord) {}

  get sid(): string {
    return this.record.sid;
  }

  /** A Task Channel by SID or unique name. */
  taskChannel(sidOrName: string): TaskChannelRecord | undefined {
    return (
      this.taskChannels.get(sidOrName) ??
      this.taskChannels.all().find((channel) => channel.uniqueName === sidOrName)
    );
  }
}

/**
 * Parses a stored attributes string (always valid JSON: it was checked on the way in). Routing
 * reads the same workers' and tasks' attributes on every request, so the parsed objects are kept:
 * read them, never change them.
 */
export function parsedAttributes(attributes: string): Readonly<Record<string, unknown>> {
  let parsed = parsedAttributesKept.get(attributes);
  if (parsed === undefined) {
    const value = JSON.parse(attributes) as unknown;
    parsed = isJsonObject(value) ? value : {};
    if (parsedAttributesKept.size >= keptAttributesLimit) parsedAttributesKept.clear();
    parsedAttributesKept.set(attributes, parsed);
  }
  return parsed;
}

const keptAttributesLimit = 2_000;
const parsedAttributesKept = new Map<string, Record<string, unknown>>();
