import type { TaskStatus } from '../../generators/taskrouter';
import type { ApiResponse, Form, TwilioApi } from '../../targets/client';
import { test as base, expect } from '../fixtures';

export { expect, observeReading, recordObservation, verifies } from '../fixtures';

export type TaskBody = Record<string, unknown> & {
  sid: string;
  age: number;
  assignment_status: string;
  attributes: string | null;
  priority: number;
  reason: string | null;
  timeout: number;
  task_channel_sid: string | null;
  task_channel_unique_name: string | null;
  task_queue_sid: string | null;
  workflow_sid: string | null;
  date_created: string;
};

export type ReservationBody = Record<string, unknown> & {
  sid: string;
  task_sid: string;
  worker_sid: string;
  reservation_status: string;
};

type Page<K extends string, T> = { meta: Record<string, unknown> } & Record<K, T[]>;

/**
 * How long assignment may take on the target. The embedded mock offers reservations before it
 * answers the request that made them possible; elsewhere TaskRouter assigns asynchronously, so a
 * check waits for a reservation to appear (`assignWithinMs`) and, before concluding that none will,
 * lets a quiet period pass (`quietMs`).
 */
export interface AssignmentTiming {
  /** The target has offered every reservation it will by the time it answers (the embedded mock). */
  readonly synchronous: boolean;
  readonly assignWithinMs: number;
  readonly quietMs: number;
  /** Extra time, beyond a task's own Timeout, the target may take to cancel it. */
  readonly timeoutGraceMs: number;
  quietPeriod(): Promise<void>;
}

/** Polls a value until it passes the matcher, at the pace assignment needs. */
export const poll = <T>(timing: AssignmentTiming, read: () => Promise<T>, message?: string) =>
  expect.poll(read, { timeout: timing.assignWithinMs, intervals: [25, 50, 100, 200], message });

/**
 * One TaskRouter Workspace of the run, deleted (with everything in it) after the test. Every path
 * is Twilio's: `/v1/Workspaces/{WorkspaceSid}/…`.
 */
export class Workspace {
  private activitySids?: Map<string, string>;

  constructor(
    private readonly api: TwilioApi,
    readonly sid: string,
    readonly body: Record<string, unknown>,
  ) {}

  path(rest = ''): string {
    return `/v1/Workspaces/${this.sid}${rest}`;
  }

  post<T = Record<string, unknown>>(rest: string, form: Form = {}) {
    return this.api.post<T>('taskrouter', this.path(rest), form);
  }

  get<T = Record<string, unknown>>(rest: string, query?: Record<string, string | number>) {
    return this.api.get<T>('taskrouter', this.path(rest), query ? { query } : {});
  }

  /** The SID of an activity by friendly name (Offline, Available, Unavailable, Break or one created). */
  async activity(name: string): Promise<string> {
    if (!this.activitySids?.has(name)) {
      const { json } = await this.get<Page<'activities', { sid: string; friendly_name: string }>>(
        '/Activities',
        {
          PageSize: 1000,
        },
      );
      this.activitySids = new Map(json.activities.map((activity) => [activity.friendly_name, activity.sid]));
    }
    const sid = this.activitySids.get(name);
    if (!sid) throw new Error(`workspace ${this.sid} has no activity named ${name}`);
    return sid;
  }

  async createQueue(form: Form & { FriendlyName: string }): Promise<string> {
    const response = await this.post<{ sid: string }>('/TaskQueues', form);
    expect(response.status, response.text).toBe(201);
    return response.json.sid;
  }

  createWorkflow(form: Form) {
    return this.post<Record<string, unknown> & { sid: string }>('/Workflows', form);
  }

  /** A Workflow sending every task to `queueSid` (the out-of-box "Assign to Anyone" shape). */
  async assignToAnyone(queueSid: string, extra: Form = {}): Promise<string> {
    const response = await this.createWorkflow({
      FriendlyName: 'assign to anyone',
      Configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queueSid } } }),
      ...extra,
    });
    expect(response.status, response.text).toBe(201);
    return response.json.sid;
  }

  async createWorker(
    form: Form & { FriendlyName: string },
  ): Promise<Record<string, unknown> & { sid: string }> {
    const response = await this.post<Record<string, unknown> & { sid: string }>('/Workers', form);
    expect(response.status, response.text).toBe(201);
    return response.json;
  }

  async setActivity(workerSid: string, activityName: string, extra: Form = {}): Promise<void> {
    const response = await this.post(`/Workers/${workerSid}`, {
      ActivitySid: await this.activity(activityName),
      ...extra,
    });
    expect(response.status, response.text).toBe(200);
  }

  createTask(form: Form = {}) {
    return this.post<TaskBody>('/Tasks', form);
  }

  /** Creates a task that must be accepted (201) and returns it. */
  async task(form: Form = {}): Promise<TaskBody> {
    const response = await this.createTask(form);
    expect(response.status, response.text).toBe(201);
    return response.json;
  }

  fetchTask(sid: string) {
    return this.get<TaskBody>(`/Tasks/${sid}`);
  }

  updateTask(sid: string, form: Form) {
    return this.post<TaskBody>(`/Tasks/${sid}`, form);
  }

  async statusOf(sid: string): Promise<string> {
    return (await this.fetchTask(sid)).json.assignment_status;
  }

  /** One page of tasks; `search` is sent as is (AssignmentStatus may repeat). */
  listTasks(search = ''): Promise<ApiResponse<Page<'tasks', TaskBody>>> {
    return this.api.get('taskrouter', `${this.path('/Tasks')}${search ? `?${search}` : ''}`);
  }

  /** Every task a list query returns, following next_page_url. */
  async allTasks(search = ''): Promise<TaskBody[]> {
    let page = await this.listTasks(search);
    const tasks = [...page.json.tasks];
    for (
      let next = page.json.meta.next_page_url;
      typeof next === 'string';
      next = page.json.meta.next_page_url
    ) {
      page = await this.api.follow<Page<'tasks', TaskBody>>(next, 'taskrouter');
      tasks.push(...page.json.tasks);
    }
    return tasks;
  }

  async reservationsOf(workerSid: string, status?: string): Promise<ReservationBody[]> {
    const { json } = await this.get<Page<'reservations', ReservationBody>>(
      `/Workers/${workerSid}/Reservations`,
      status ? { ReservationStatus: status } : undefined,
    );
    return json.reservations;
  }

  updateReservation(workerSid: string, reservationSid: string, form: Form) {
    return this.post<ReservationBody>(`/Workers/${workerSid}/Reservations/${reservationSid}`, form);
  }
}

/**
 * The usual routing setup: a single-tasking workspace (MultiTaskEnabled false: a worker gets a new
 * reservation only when the previous task is completed), one FIFO queue for every worker, an
 * "Assign to Anyone" workflow and one worker, created Offline.
 */
export class RoutingScene {
  constructor(
    readonly workspace: Workspace,
    readonly queueSid: string,
    readonly workflowSid: string,
    readonly workerSid: string,
    private readonly timing: AssignmentTiming,
  ) {}

  task(form: Form = {}): Promise<TaskBody> {
    return this.workspace.task({ WorkflowSid: this.workflowSid, ...form });
  }

  becomeAvailable(): Promise<void> {
    return this.workspace.setActivity(this.workerSid, 'Available');
  }

  goOffline(): Promise<void> {
    return this.workspace.setActivity(this.workerSid, 'Offline');
  }

  /** The tasks the worker holds pending reservations for, now. */
  async reservedTaskSids(): Promise<string[]> {
    return (await this.workspace.reservationsOf(this.workerSid, 'pending')).map(
      (reservation) => reservation.task_sid,
    );
  }

  /** Waits for the worker's one pending reservation and returns it. */
  async nextReservation(): Promise<ReservationBody> {
    await poll(
      this.timing,
      async () => (await this.workspace.reservationsOf(this.workerSid, 'pending')).length,
    ).toBe(1);
    const [reservation] = await this.workspace.reservationsOf(this.workerSid, 'pending');
    return reservation as ReservationBody;
  }

  async accept(reservation: ReservationBody): Promise<void> {
    const response = await this.workspace.updateReservation(this.workerSid, reservation.sid, {
      ReservationStatus: 'accepted',
    });
    expect(response.status, response.text).toBe(200);
  }

  async complete(taskSid: string): Promise<void> {
    const response = await this.workspace.updateTask(taskSid, {
      AssignmentStatus: 'completed',
      Reason: 'handled',
    });
    expect(response.status, response.text).toBe(200);
  }

  /** Accepts the next reservation and completes its task: the worker serves one task. Returns its SID. */
  async serveNext(): Promise<string> {
    const reservation = await this.nextReservation();
    await this.accept(reservation);
    await this.complete(reservation.task_sid);
    return reservation.task_sid;
  }
}

/** Creates tagged workspaces for a test and deletes them after it. */
export class TaskRouterApi {
  constructor(
    private readonly api: TwilioApi,
    private readonly tag: (purpose: string) => string,
    private readonly cleanup: (undo: () => Promise<unknown>) => void,
    readonly timing: AssignmentTiming,
  ) {}

  async workspace(form: Form = {}): Promise<Workspace> {
    const response = await this.api.post<{ sid: string }>('taskrouter', '/v1/Workspaces', {
      FriendlyName: this.tag('ws'),
      ...form,
    });
    expect(response.status, response.text).toBe(201);
    const sid = response.json.sid;
    this.cleanup(() => this.api.delete('taskrouter', `/v1/Workspaces/${sid}`));
    return new Workspace(this.api, sid, response.json);
  }

  /**
   * A routing scene holding one task in each assignment status (two pending): three single-tasking
   * workers serve the first tasks in creation order and stop at different steps.
   */
  async tasksInEveryStatus(): Promise<{ workspace: Workspace; statusOf: Map<string, TaskStatus> }> {
    const scene = await this.routingScene();
    const { workspace, workflowSid } = scene;
    const second = await workspace.createWorker({ FriendlyName: 'second worker' });
    const third = await workspace.createWorker({ FriendlyName: 'third worker' });
    const tasks: string[] = [];
    for (let i = 0; i < 7; i++) tasks.push((await workspace.task({ WorkflowSid: workflowSid })).sid);
    const [completed, wrapping, assigned, reserved, pendingA, pendingB, canceled] = tasks as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    await scene.becomeAvailable();
    await scene.serveNext();
    const next = await scene.nextReservation();
    await scene.accept(next);
    await workspace.updateTask(next.task_sid, { AssignmentStatus: 'wrapping' });
    const pendingOf = async (workerSid: string) =>
      (await workspace.reservationsOf(workerSid, 'pending')).map((reservation) => reservation.sid);
    await workspace.setActivity(second.sid, 'Available');
    await poll(this.timing, async () => (await pendingOf(second.sid)).length).toBe(1);
    const [secondReservation] = await pendingOf(second.sid);
    await workspace.updateReservation(second.sid, secondReservation as string, {
      ReservationStatus: 'accepted',
    });
    await workspace.setActivity(third.sid, 'Available');
    await poll(this.timing, async () => (await pendingOf(third.sid)).length).toBe(1);
    await workspace.updateTask(canceled, { AssignmentStatus: 'canceled', Reason: 'abandoned' });
    const statusOf = new Map<string, TaskStatus>([
      [completed, 'completed'],
      [wrapping, 'wrapping'],
      [assigned, 'assigned'],
      [reserved, 'reserved'],
      [pendingA, 'pending'],
      [pendingB, 'pending'],
      [canceled, 'canceled'],
    ]);
    for (const [sid, status] of statusOf)
      expect(await workspace.statusOf(sid), `set-up of ${sid}`).toBe(status);
    return { workspace, statusOf };
  }

  async routingScene(): Promise<RoutingScene> {
    const workspace = await this.workspace({ MultiTaskEnabled: false });
    const queueSid = await workspace.createQueue({ FriendlyName: 'everyone' });
    const workflowSid = await workspace.assignToAnyone(queueSid);
    const worker = await workspace.createWorker({ FriendlyName: 'first worker' });
    return new RoutingScene(workspace, queueSid, workflowSid, worker.sid, this.timing);
  }
}

export const test = base.extend<{
  timing: AssignmentTiming;
  taskRouter: TaskRouterApi;
  scene: RoutingScene;
  tasksInEveryStatus: { workspace: Workspace; statusOf: Map<string, TaskStatus> };
}>({
  timing: async ({ target }, use) => {
    const synchronous = target.kind === 'mock';
    const quietMs = synchronous ? 0 : 3_000;
    await use({
      synchronous,
      assignWithinMs: synchronous ? 500 : 15_000,
      quietMs,
      timeoutGraceMs: synchronous ? 1_500 : 20_000,
      quietPeriod: () => new Promise((resolve) => setTimeout(resolve, quietMs)),
    });
  },
  taskRouter: async ({ api, uniqueName, cleanup, timing }, use) => {
    await use(new TaskRouterApi(api, uniqueName, cleanup, timing));
  },
  scene: async ({ taskRouter }, use) => {
    await use(await taskRouter.routingScene());
  },
  tasksInEveryStatus: async ({ taskRouter }, use) => {
    await use(await taskRouter.tasksInEveryStatus());
  },
});
