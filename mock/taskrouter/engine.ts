import type { MockContext } from '../context';
import { invalidParameter } from '../core/errors';
import { newSid } from '../core/sids';
import { attributeResolver, evaluate } from './expression';
import {
  parsedAttributes,
  type ReservationRecord,
  type TaskQueueRecord,
  type TaskRecord,
  type WorkerRecord,
  type WorkspaceState,
} from './records';
import type { TaskRouterBehaviour } from './taskrouter-behaviour';
import { workerChannel } from './worker-channel-setting';

/**
 * TaskRouter's assignment engine for one account. A pending task in a queue is reserved for an
 * available worker who matches the queue's TargetWorkers (and the Workflow target's expression)
 * and has capacity; FIFO queues serve the highest priority first and, among equal priorities, the
 * oldest task first; LIFO queues serve the newest task first. Reservations are accepted, rejected
 * or time out; tasks are assigned, wrapped, completed or canceled; an unassigned task is canceled
 * with reason "Task TTL Exceeded" once its timeout has passed. The orders, bounds and statuses are
 * the behaviour's (taskrouter-behaviour.ts).
 *
 * Time comes from the context's clock. Timers wake the engine when a timeout falls due, and every
 * request settles its workspace first, so answers are right even if a timer is late.
 */
export class AssignmentEngine {
  /** What cancels each timer the engine set, by what it watches. */
  private readonly timers = new Map<string, () => void>();

  constructor(
    private readonly ctx: MockContext,
    private readonly isLive: (workspace: WorkspaceState) => boolean,
  ) {}

  now(): number {
    return this.ctx.clock.now();
  }

  private get behaviour(): TaskRouterBehaviour {
    return this.ctx.behaviour.taskRouter;
  }

  /** Applies the timeouts that have fallen due, then offers reservations. */
  settle(workspace: WorkspaceState): void {
    this.expire(workspace);
    this.assign(workspace);
  }

  /** Stops every timer (module close). */
  close(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  /** Stops the timers of a deleted workspace. */
  forgetWorkspace(workspace: WorkspaceState): void {
    for (const task of workspace.tasks.all()) this.forget(ttlKey(task.sid));
    for (const reservation of workspace.reservations.all()) this.forget(reservationKey(reservation.sid));
  }

  // ------------------------------------------------------------------ tasks

  /** Starts the timeout of a newly created task. */
  taskCreated(workspace: WorkspaceState, task: TaskRecord): void {
    const { taskQueueSid, workflowSid, taskChannelSid, createdAt } = task;
    workspace.taskOrigins.set(task.sid, { taskQueueSid, workflowSid, taskChannelSid, createdAt });
    workspace.events.push({ type: 'task.created', at: createdAt, taskSid: task.sid });
    if (this.behaviour.timeoutCancelsTask) this.watch(workspace, ttlKey(task.sid), deadline(task));
  }

  cancel(workspace: WorkspaceState, task: TaskRecord, reason: string): void {
    const now = this.now();
    for (const reservation of this.reservationsOf(workspace, task, ['pending'])) {
      this.endReservation(workspace, reservation, 'canceled', now);
    }
    task.assignmentStatus = 'canceled';
    task.reason = reason;
    task.updatedAt = now;
    workspace.events.push({ type: 'task.canceled', at: now, taskSid: task.sid });
    this.forget(ttlKey(task.sid));
  }

  wrap(workspace: WorkspaceState, task: TaskRecord): void {
    const now = this.now();
    for (const reservation of this.reservationsOf(workspace, task, ['accepted'])) {
      reservation.status = 'wrapping';
      reservation.updatedAt = now;
    }
    task.assignmentStatus = 'wrapping';
    task.updatedAt = now;
  }

  complete(workspace: WorkspaceState, task: TaskRecord, reason: string | null): void {
    const now = this.now();
    for (const reservation of this.reservationsOf(workspace, task, ['accepted', 'wrapping'])) {
      reservation.status = 'completed';
      reservation.updatedAt = now;
    }
    task.assignmentStatus = 'completed';
    task.reason = reason;
    task.updatedAt = now;
    workspace.events.push({ type: 'task.completed', at: now, taskSid: task.sid });
  }

  /** A deleted task takes its reservations with it. */
  remove(workspace: WorkspaceState, task: TaskRecord): void {
    for (const reservation of workspace.reservations.all()) {
      if (reservation.taskSid !== task.sid) continue;
      this.forget(reservationKey(reservation.sid));
      workspace.reservations.delete(reservation.sid);
    }
    this.forget(ttlKey(task.sid));
    workspace.tasks.delete(task.sid);
    workspace.events.push({ type: 'task.deleted', at: this.now(), taskSid: task.sid });
  }

  // ------------------------------------------------------------------ reservations

  accept(workspace: WorkspaceState, reservation: ReservationRecord): void {
    const task = this.taskOf(workspace, reservation);
    const now = this.now();
    this.endReservation(workspace, reservation, 'accepted', now);
    for (const other of this.reservationsOf(workspace, task, ['pending'])) {
      this.endReservation(workspace, other, 'rescinded', now);
    }
    task.assignmentStatus = 'assigned';
    task.updatedAt = now;
    this.forget(ttlKey(task.sid));
    const queue = task.taskQueueSid ? workspace.taskQueues.get(task.taskQueueSid) : undefined;
    const worker = workspace.workers.get(reservation.workerSid);
    if (worker && queue?.assignmentActivitySid) this.moveWorker(worker, queue.assignmentActivitySid, now);
  }

  reject(workspace: WorkspaceState, reservation: ReservationRecord, workerActivitySid?: string): void {
    const now = this.now();
    this.endReservation(workspace, reservation, 'rejected', now);
    const worker = workspace.workers.get(reservation.workerSid);
    if (worker && workerActivitySid) this.moveWorker(worker, workerActivitySid, now);
    const task = this.taskOf(workspace, reservation);
    const { rejectedTask } = this.behaviour;
    if (rejectedTask === 'requeued') this.release(workspace, task, now);
    else this.cancel(workspace, task, rejectedTask.canceledWithReason);
  }

  /** The reservations of a worker that are still open (pending) are rejected. */
  rejectPendingOf(workspace: WorkspaceState, worker: WorkerRecord): void {
    for (const reservation of workspace.reservations.all()) {
      if (reservation.workerSid === worker.sid && reservation.status === 'pending')
        this.reject(workspace, reservation);
    }
  }

  /** A deleted worker's open reservations are canceled and their tasks wait again. */
  workerRemoved(workspace: WorkspaceState, worker: WorkerRecord): void {
    const now = this.now();
    for (const reservation of workspace.reservations.all()) {
      if (reservation.workerSid !== worker.sid || reservation.status !== 'pending') continue;
      this.endReservation(workspace, reservation, 'canceled', now);
      this.release(workspace, this.taskOf(workspace, reservation), now);
    }
  }

  moveWorker(worker: WorkerRecord, activitySid: string, now: number = this.now()): void {
    if (worker.activitySid === activitySid) return;
    const past = { activitySid: worker.activitySid, since: worker.statusChangedAt, until: now };
    worker.pastActivities = [...(worker.pastActivities ?? []), past];
    worker.activitySid = activitySid;
    worker.statusChangedAt = now;
    worker.updatedAt = now;
  }

  // ------------------------------------------------------------------ assignment

  /** Offers reservations: tasks in queue order, each to the eligible workers idle the longest. */
  assign(workspace: WorkspaceState): void {
    // Without a worker nothing can be reserved: a workspace of waiting tasks and no workers (most of
    // a run's) would otherwise order and evaluate every task again on each request.
    if (workspace.workers.size === 0) return;
    const now = this.now();
    for (const task of this.waitingInOrder(workspace)) {
      const queue = workspace.taskQueues.get(task.taskQueueSid as string) as TaskQueueRecord;
      const workers = this.eligibleWorkers(workspace, task, queue);
      for (const worker of workers.slice(0, queue.maxReservedWorkers))
        this.reserve(workspace, task, worker, queue, now);
    }
  }

  /** Pending, routed tasks in the order they are served. */
  waitingInOrder(workspace: WorkspaceState): TaskRecord[] {
    const queueOf = (task: TaskRecord) => workspace.taskQueues.get(task.taskQueueSid ?? '');
    const waiting = workspace.tasks
      .all()
      .filter((task) => task.assignmentStatus === 'pending' && queueOf(task) !== undefined);
    const isLifo = (task: TaskRecord) => queueOf(task)?.taskOrder === 'LIFO';
    const { taskOrders } = this.behaviour;
    const fifo = waiting.filter((task) => !isLifo(task)).sort(taskOrders.FIFO);
    const lifo = waiting.filter(isLifo).sort(taskOrders.LIFO);
    return workspace.record.prioritizeQueueOrder === 'LIFO' ? [...lifo, ...fifo] : [...fifo, ...lifo];
  }

  private eligibleWorkers(
    workspace: WorkspaceState,
    task: TaskRecord,
    queue: TaskQueueRecord,
  ): WorkerRecord[] {
    const taskAttributes = parsedAttributes(task.attributes);
    return workspace.workers
      .all()
      .filter((worker) => {
        const activity = workspace.activities.get(worker.activitySid);
        if (!activity?.available && this.behaviour.reservesOnlyAvailableWorkers) return false;
        if (!this.hasCapacity(workspace, worker, task)) return false;
        const attributes = parsedAttributes(worker.attributes);
        const resolve = attributeResolver(attributes, { worker: attributes, task: taskAttributes });
        if (this.behaviour.evaluatesTargetWorkers && !evaluate(queue.targetExpression, resolve)) return false;
        return !task.target?.expression || evaluate(task.target.expression, resolve);
      })
      .sort((a, b) => a.statusChangedAt - b.statusChangedAt || a.seq - b.seq);
  }

  /**
   * The WorkerChannel's capacity (1 unless set) per Task Channel with multi-tasking, one task in all
   * without it; none on a channel the worker made unavailable. A reserved,
   * assigned or wrapping task holds the capacity until it is completed or canceled.
   */
  private hasCapacity(workspace: WorkspaceState, worker: WorkerRecord, task: TaskRecord): boolean {
    const { capacityHeldBy } = this.behaviour;
    const holding = workspace.reservations
      .all()
      .filter(
        (reservation) => reservation.workerSid === worker.sid && capacityHeldBy.includes(reservation.status),
      );
    const channel = workerChannel(worker, task.taskChannelSid, this.ctx.clock.now());
    if (!channel.available) return false;
    if (!workspace.record.multiTaskEnabled) return holding.length === 0;
    const onChannel = holding.filter(
      (reservation) => workspace.tasks.get(reservation.taskSid)?.taskChannelSid === task.taskChannelSid,
    );
    return onChannel.length < (this.behaviour.honoursWorkerChannelCapacity ? channel.capacity : 1);
  }

  private reserve(
    workspace: WorkspaceState,
    task: TaskRecord,
    worker: WorkerRecord,
    queue: TaskQueueRecord,
    now: number,
  ): void {
    const workflow = task.workflowSid ? workspace.workflows.get(task.workflowSid) : undefined;
    const timeout = workflow?.taskReservationTimeout ?? this.behaviour.reservationTimeout.default;
    const reservation = workspace.reservations.insert((seq) => ({
      seq,
      sid: newSid('WR'),
      createdAt: now,
      updatedAt: now,
      taskSid: task.sid,
      workerSid: worker.sid,
      status: 'pending',
      expiresAt: now + timeout * 1000,
    }));
    task.assignmentStatus = this.behaviour.reservedTaskStatus;
    task.updatedAt = now;
    workspace.events.push({ type: 'reservation.created', at: now, taskSid: task.sid, workerSid: worker.sid });
    if (queue.reservationActivitySid) this.moveWorker(worker, queue.reservationActivitySid, now);
    this.watch(workspace, reservationKey(reservation.sid), reservation.expiresAt);
  }

  // ------------------------------------------------------------------ time

  private expire(workspace: WorkspaceState): void {
    const now = this.now();
    for (const reservation of workspace.reservations.all()) {
      if (reservation.status === 'pending' && reservation.expiresAt <= now)
        this.timeOut(workspace, reservation, now);
    }
    const { timeoutCancelsTask, timeoutCancelsStatuses, timeoutReason } = this.behaviour;
    if (!timeoutCancelsTask) return;
    for (const task of workspace.tasks.all()) {
      const unassigned = timeoutCancelsStatuses.includes(task.assignmentStatus);
      if (unassigned && deadline(task) <= now) this.cancel(workspace, task, timeoutReason);
    }
  }

  /** The worker who let a reservation time out moves to the workspace's timeout activity. */
  private timeOut(workspace: WorkspaceState, reservation: ReservationRecord, now: number): void {
    this.endReservation(workspace, reservation, 'timeout', now);
    const worker = workspace.workers.get(reservation.workerSid);
    if (worker) this.moveWorker(worker, workspace.record.timeoutActivitySid, now);
    this.release(workspace, this.taskOf(workspace, reservation), now);
  }

  /** A reserved task with no open reservation left waits again. */
  private release(workspace: WorkspaceState, task: TaskRecord, now: number): void {
    if (task.assignmentStatus !== 'reserved') return;
    if (this.reservationsOf(workspace, task, ['pending']).length > 0) return;
    task.assignmentStatus = 'pending';
    task.updatedAt = now;
  }

  private endReservation(
    workspace: WorkspaceState,
    reservation: ReservationRecord,
    status: 'accepted' | 'rejected' | 'timeout' | 'canceled' | 'rescinded',
    now: number,
  ): void {
    reservation.status = status;
    reservation.updatedAt = now;
    const { taskSid, workerSid } = reservation;
    workspace.events.push({ type: `reservation.${status}`, at: now, taskSid, workerSid });
    this.forget(reservationKey(reservation.sid));
  }

  private reservationsOf(
    workspace: WorkspaceState,
    task: TaskRecord,
    statuses: readonly ReservationRecord['status'][],
  ): ReservationRecord[] {
    return workspace.reservations
      .all()
      .filter((reservation) => reservation.taskSid === task.sid && statuses.includes(reservation.status));
  }

  private taskOf(workspace: WorkspaceState, reservation: ReservationRecord): TaskRecord {
    const task = workspace.tasks.get(reservation.taskSid);
    if (!task) throw invalidParameter('ReservationStatus', 'the reservation has no task');
    return task;
  }

  private watch(workspace: WorkspaceState, key: string, at: number): void {
    this.forget(key);
    const cancel = this.ctx.clock.at(at, () => {
      this.timers.delete(key);
      if (this.isLive(workspace)) this.settle(workspace);
    });
    this.timers.set(key, cancel);
  }

  private forget(key: string): void {
    this.timers.get(key)?.();
    this.timers.delete(key);
  }
}

const ttlKey = (taskSid: string) => `ttl:${taskSid}`;
const reservationKey = (reservationSid: string) => `reservation:${reservationSid}`;

/** When a task's timeout falls due: `timeout` seconds after it was created. */
export function deadline(task: TaskRecord): number {
  return task.createdAt + task.timeout * 1000;
}
