/** TaskRouter (tasks, queues, assignment order, timeouts): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */

import { decimalInteger } from '../core/params';
import { newSid } from '../core/sids';
import type { QueueOrder, ReservationStatus, TaskRecord, TaskStatus, WorkspaceState } from './records';
import { truthyFlag } from './truthy-flag';

/** An integer parameter's accepted range and the value taken when it is not sent. */
export interface IntegerParameter {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** Which of two waiting tasks is served first: negative for `a`, positive for `b`, 0 for neither. */
export type TaskOrder = (a: TaskRecord, b: TaskRecord) => number;

/** Where a task's priority can come from: the Workflow target it was routed to, or the request. */
export type PrioritySource = 'target' | 'request';

export interface TaskRouterBehaviour {
  /** Seam: how a new task's SID is made (its format). */
  readonly newTaskSid: () => string;
  /** Seam: how the text of a task's Priority or Timeout reads as an integer (undefined: refused 400/20001). */
  readonly integerOf: (text: string) => number | undefined;
  /** A task's Priority. */
  readonly priority: IntegerParameter;
  /** Where a task's priority comes from: the first source that gives one wins, else `priority.default`. */
  readonly prioritySources: readonly PrioritySource[];
  /** A task's Timeout, in seconds. */
  readonly timeout: IntegerParameter;
  /** Whether an unassigned (pending or reserved) task is canceled once its Timeout has passed. */
  readonly timeoutCancelsTask: boolean;
  /** The statuses a task is still unassigned in, and so canceled in once its Timeout has passed. */
  readonly timeoutCancelsStatuses: readonly TaskStatus[];
  /** The reason a task canceled by its timeout carries. */
  readonly timeoutReason: string;
  /** A Workflow's TaskReservationTimeout, in seconds; the default also holds for tasks placed in a queue directly. */
  readonly reservationTimeout: IntegerParameter;
  /** The Task Channel (unique name) of a task created without TaskChannel; null: no Task Channel. */
  readonly taskChannelDefault: string | null;
  /** The order a queue of each TaskOrder serves its waiting tasks in. */
  readonly taskOrders: Readonly<Record<QueueOrder, TaskOrder>>;
  /** Whether only workers in an available activity are offered tasks. */
  readonly reservesOnlyAvailableWorkers: boolean;
  /** Whether a queue's TargetWorkers expression limits the workers offered its tasks. */
  readonly evaluatesTargetWorkers: boolean;
  /** Seam: the activity a worker created without ActivitySid starts in. */
  readonly initialActivity: (workspace: WorkspaceState) => string;
  /** The statuses in which a reservation holds its worker's capacity. */
  readonly capacityHeldBy: readonly ReservationStatus[];
  /** Whether a multi-tasking worker's WorkerChannel Capacity bounds its reservations on that channel (else 1). */
  readonly honoursWorkerChannelCapacity: boolean;
  /** The status a task takes when a reservation is created for it. */
  readonly reservedTaskStatus: TaskStatus;
  /** What a rejected reservation does to its task: back in the queue, or canceled with a reason. */
  readonly rejectedTask: 'requeued' | { readonly canceledWithReason: string };
  /** The AssignmentStatus an update may ask for, from the statuses the task may then be in (others: refused). */
  readonly statusChanges: Readonly<Partial<Record<TaskStatus, readonly TaskStatus[]>>>;
  /** Seam: whether a TaskQueue's friendly_name matches a FriendlyName or TaskQueueName list filter. */
  readonly queueNameMatches: (friendlyName: string, filter: string) => boolean;
  /** The AssignmentStatus an update cannot ask for without a Reason. */
  readonly reasonRequiredFor: readonly TaskStatus[];
  /** Seam: whether a Worker's, Workflow's or Activity's friendly_name matches a FriendlyName list filter. */
  readonly friendlyNameMatches: Readonly<
    Record<NamedResource, (friendlyName: string, filter: string) => boolean>
  >;
  /** Seam: whether the value of an Available list filter (Workers, Activities) asks for available ones. */
  readonly availableFilter: (value: string) => boolean;
  /** Seam: whether a worker's activity_name matches an ActivityName list filter. */
  readonly activityNameMatches: (activityName: string, filter: string) => boolean;
}

/** The resources listed by FriendlyName besides TaskQueues (which `queueNameMatches` serves). */
export type NamedResource = 'workers' | 'workflows' | 'activities';

/** Higher priority first. */
export const higherPriorityFirst: TaskOrder = (a, b) => b.priority - a.priority;
/** Oldest first: by VirtualStartTime, then in creation order. */
export const oldestFirst: TaskOrder = (a, b) => a.virtualStartTime - b.virtualStartTime || a.seq - b.seq;
/** The order reversed. */
export const reversed =
  (order: TaskOrder): TaskOrder =>
  (a, b) =>
    order(b, a);
/** By the first order, ties broken by the next. */
export const thenBy =
  (...orders: readonly TaskOrder[]): TaskOrder =>
  (a, b) => {
    for (const order of orders) {
      const difference = order(a, b);
      if (difference !== 0) return difference;
    }
    return 0;
  };

export const referenceTaskRouterBehaviour: TaskRouterBehaviour = {
  newTaskSid: () => newSid('WT'),
  // Priority and Timeout are `type: integer` (twilio_taskrouter_v1)
  integerOf: decimalInteger,
  // "Value can be 0 to 2^31^ (2,147,483,647)."; without Priority a task has priority 0
  priority: { min: 0, max: 2_147_483_647, default: 0 },
  // a Workflow target's priority overrides the one sent with the task
  prioritySources: ['target', 'request'],
  // "Can be up to a maximum of 2 weeks (1,209,600 seconds). The default value is 24 hours (86,400 seconds)."
  timeout: { min: 1, max: 1_209_600, default: 86_400 },
  timeoutCancelsTask: true,
  // "the amount of time in seconds the new task can live before being assigned"
  timeoutCancelsStatuses: ['pending', 'reserved'],
  timeoutReason: 'Task TTL Exceeded',
  // "Can be up to `86,400` (24 hours) and the default is `120`."
  reservationTimeout: { min: 1, max: 86_400, default: 120 },
  taskChannelDefault: 'default',
  // FIFO: higher priority first whatever the age, among equal priorities the oldest first; LIFO: the newest first
  taskOrders: {
    FIFO: thenBy(higherPriorityFirst, oldestFirst),
    LIFO: reversed(oldestFirst),
  },
  reservesOnlyAvailableWorkers: true,
  evaluatesTargetWorkers: true,
  initialActivity: (workspace) => workspace.record.defaultActivitySid,
  // a reserved, assigned or wrapping task holds the capacity until it is completed or canceled
  capacityHeldBy: ['pending', 'accepted', 'wrapping'],
  honoursWorkerChannelCapacity: true,
  reservedTaskStatus: 'reserved',
  rejectedTask: 'requeued',
  statusChanges: {
    canceled: ['pending', 'reserved'],
    wrapping: ['assigned'],
    completed: ['assigned', 'wrapping'],
  },
  reasonRequiredFor: ['canceled', 'completed'],
  // "The `friendly_name` of the TaskQueue resources to read."
  queueNameMatches: (friendlyName, filter) => friendlyName === filter,
  friendlyNameMatches: {
    // "Friendly names are case insensitive, and unique within the TaskRouter Workspace." (Worker)
    workers: (friendlyName, filter) => friendlyName.toLowerCase() === filter.toLowerCase(),
    // "The `friendly_name` of the Workflow resources to read." (and of the Activity resources)
    workflows: (friendlyName, filter) => friendlyName === filter,
    activities: (friendlyName, filter) => friendlyName === filter,
  },
  // "Can be `true`, `1`, or `yes` to return Worker resources that are available, and `false`, or any
  // value returns the Worker resources that are not available." (letter case and blanks aside)
  availableFilter: truthyFlag,
  // "The `activity_name` of the Worker resources to read."
  activityNameMatches: (activityName, filter) => activityName === filter,
};
