import type { TaskStatus } from '../../generators/taskrouter';
import type { ApiResponse, Form, RequestOptions, TwilioApi } from '../../targets/http/client';
import type { TargetKind } from '../../targets/types';
import { expect } from '../assertions';
import { eventually } from './eventually';

/**
 * TaskRouter as the checks drive it, through its public REST API. Every path is Twilio's:
 * `/v1/Workspaces/{WorkspaceSid}/…`.
 *
 * - `Workspace`: one workspace seen through a test's requests (tasks, workers, queues, workflows,
 *   reservations); every TaskRouter request of a check goes through it.
 * - `Routing`: the worker's workspace every Send to Flex check routes through (task channels, one
 *   queue, "Assign to Anyone" workflows); a test reaches it with `routing.workspace(api)`.
 * - `TaskRouterApi` and `RoutingScene`: tagged workspaces of a test's own, and the usual set-up of
 *   the TaskRouter checks (a queue, a workflow and a worker), paced by the target's `AssignmentTiming`.
 */

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

/** The attributes of a task, parsed. */
export function attributesOf(task: TaskBody): Record<string, unknown> {
  return typeof task.attributes === 'string' ? (JSON.parse(task.attributes) as Record<string, unknown>) : {};
}

/**
 * The form creating a Workflow of the out-of-the-box "Assign to Anyone" shape: every task to one
 * queue, no filters.
 */
export function assignToAnyoneWorkflow(queueSid: string, friendlyName: string) {
  return {
    FriendlyName: friendlyName,
    Configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queueSid } } }),
  };
}

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
  /**
   * A task Timeout (seconds) that outlasts making a worker available and seeing the task offered:
   * assignment may take up to `assignWithinMs`, and on a real account the requests around it are
   * paced by the account's limits too; a shorter one could pass before the offer.
   */
  readonly offeredWithinSeconds: number;
  quietPeriod(): Promise<void>;
}

/**
 * How long assignment takes on a target: at once on the embedded mock (synchronous), seconds
 * elsewhere; a real account (and the replay of one) also paces the requests.
 */
export function assignmentTiming(kind: TargetKind): AssignmentTiming {
  const synchronous = kind === 'mock';
  const paced = kind === 'twilio' || kind === 'replay';
  const assignWithinMs = synchronous ? 500 : 15_000;
  const quietMs = synchronous ? 0 : 3_000;
  return {
    synchronous,
    assignWithinMs,
    quietMs,
    timeoutGraceMs: synchronous ? 1_500 : 20_000,
    offeredWithinSeconds: synchronous ? 2 : paced ? 30 : Math.ceil(assignWithinMs / 1_000) + 1,
    quietPeriod: () => new Promise((resolve) => setTimeout(resolve, quietMs)),
  };
}

/** Polls a value until it passes the matcher, at the pace assignment needs. */
export const poll = <T>(timing: AssignmentTiming, read: () => Promise<T>, message?: string) =>
  expect.poll(read, { timeout: timing.assignWithinMs, intervals: [25, 50, 100, 200], message });

/** One TaskRouter Workspace, seen through the requests of one `TwilioApi` (a test's, or a worker's). */
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

  get<T = Record<string, unknown>>(rest: string, query?: RequestOptions['query']) {
    return this.api.get<T>('taskrouter', this.path(rest), query ? { query } : {});
  }

  /** Deletes the workspace with everything in it. */
  remove() {
    return this.api.delete('taskrouter', this.path());
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
    expect(response.status, 'POST /TaskQueues status').toBe(201);
    return response.json.sid;
  }

  createWorkflow(form: Form) {
    return this.post<Record<string, unknown> & { sid: string }>('/Workflows', form);
  }

  /** A Workflow sending every task to `queueSid` (the out-of-box "Assign to Anyone" shape). */
  async assignToAnyone(queueSid: string, extra: Form = {}): Promise<string> {
    const response = await this.createWorkflow({
      ...assignToAnyoneWorkflow(queueSid, 'assign to anyone'),
      ...extra,
    });
    expect(response.status, 'createWorkflow(…) status').toBe(201);
    return response.json.sid;
  }

  deleteWorkflow(workflowSid: string) {
    return this.api.delete('taskrouter', this.path(`/Workflows/${workflowSid}`));
  }

  async createWorker(
    form: Form & { FriendlyName: string },
  ): Promise<Record<string, unknown> & { sid: string }> {
    const response = await this.post<Record<string, unknown> & { sid: string }>('/Workers', form);
    expect(response.status, 'createWorkflow(…) status').toBe(201);
    return response.json;
  }

  async setActivity(workerSid: string, activityName: string, extra: Form = {}): Promise<void> {
    const response = await this.post(`/Workers/${workerSid}`, {
      ActivitySid: await this.activity(activityName),
      ...extra,
    });
    expect(response.status, 'POST /Workers/… status').toBe(200);
  }

  createTask(form: Form = {}) {
    return this.post<TaskBody>('/Tasks', form);
  }

  /** Creates a task that must be accepted (201) and returns it. */
  async task(form: Form = {}): Promise<TaskBody> {
    const response = await this.createTask(form);
    expect(response.status, 'createTask(…) status').toBe(201);
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

  /**
   * Every task routed through a workflow (and matching a TaskRouter expression over its attributes,
   * when given), each fetched: lists may leave attributes out.
   */
  async tasksOf(
    workflowSid: string,
    expression?: string,
    skip: ReadonlySet<string> = new Set(),
  ): Promise<TaskBody[]> {
    const tasks: TaskBody[] = [];
    for (const sid of await this.taskSidsOf(workflowSid, expression)) {
      if (skip.has(sid)) continue;
      const fetched = await this.fetchTask(sid);
      const task = fetched.status === 200 ? fetched.json : undefined;
      if (task) tasks.push(task);
    }
    return tasks;
  }

  /** The SIDs of the tasks routed through a workflow, from one list request. */
  async taskSidsOf(workflowSid: string, expression?: string): Promise<string[]> {
    const list = await this.get<{ tasks?: TaskBody[] }>('/Tasks', {
      WorkflowSid: workflowSid,
      EvaluateTaskAttributes: expression,
      PageSize: 1000,
    });
    return (list.json?.tasks ?? []).map((task) => task.sid);
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

/** The task channels of the routing workspace: default, voice, chat ("Programmable Chat") and sms. */
export const taskChannelNames = ['default', 'voice', 'chat', 'sms'] as const;
export type TaskChannelName = (typeof taskChannelNames)[number];

export interface TaskChannel {
  readonly sid: string;
  readonly uniqueName: string;
}

interface ChannelPage {
  channels?: Array<{ sid: string; unique_name: string }>;
  meta?: { next_page_url?: string | null };
}

/**
 * The TaskRouter setup every Send to Flex check routes through, one per worker (created on first
 * use, deleted when the worker ends): a workspace with the task channels default, voice, chat
 * ("Programmable Chat") and sms, a queue every worker serves, and workflows of the out-of-the-box
 * "Assign to Anyone" shape. It outlives a test, so a test sends its requests to the workspace
 * through its own client: `routing.workspace(api)`.
 */
export class Routing {
  private constructor(
    readonly workspaceSid: string,
    private readonly workspaceBody: Record<string, unknown>,
    readonly queueSid: string,
    readonly channels: Readonly<Record<TaskChannelName, TaskChannel>>,
    /** The worker's "Assign to Anyone" workflow, for flows whose tasks no check counts. */
    readonly anyoneWorkflowSid: string,
  ) {}

  /** Creates the workspace, its channels and queue; `remove` deletes it with everything in it. */
  static async create(api: TwilioApi, name: string): Promise<Routing> {
    const response = await api.post('taskrouter', '/v1/Workspaces', { FriendlyName: name });
    const workspace = new Workspace(api, expectSid(response, 'WS', 'workspace'), response.json);
    const existing = await workspace.get<ChannelPage>('/TaskChannels', { PageSize: 1000 });
    const channels: Partial<Record<TaskChannelName, TaskChannel>> = {};
    for (const channel of existing.json?.channels ?? []) {
      if ((taskChannelNames as readonly string[]).includes(channel.unique_name))
        channels[channel.unique_name as TaskChannelName] = {
          sid: channel.sid,
          uniqueName: channel.unique_name,
        };
    }
    for (const uniqueName of taskChannelNames) {
      if (channels[uniqueName]) continue;
      const created = await workspace.post('/TaskChannels', {
        FriendlyName: uniqueName === 'chat' ? 'Programmable Chat' : uniqueName,
        UniqueName: uniqueName,
      });
      channels[uniqueName] = { sid: expectSid(created, 'TC', `task channel ${uniqueName}`), uniqueName };
    }
    const queue = await workspace.post('/TaskQueues', {
      FriendlyName: `${name} Everyone`,
      TargetWorkers: '1==1',
    });
    const queueSid = expectSid(queue, 'WQ', 'task queue');
    const anyone = await workspace.createWorkflow(assignToAnyoneWorkflow(queueSid, 'Assign to Anyone'));
    return new Routing(
      workspace.sid,
      workspace.body,
      queueSid,
      channels as Record<TaskChannelName, TaskChannel>,
      expectSid(anyone, 'WW', 'workflow'),
    );
  }

  /** The routing workspace, through `api`'s requests (a test's, so they are recorded with the test's). */
  workspace(api: TwilioApi): Workspace {
    return new Workspace(api, this.workspaceSid, this.workspaceBody);
  }

  remove(api: TwilioApi) {
    return this.workspace(api).remove();
  }

  /** A new workflow of the "Assign to Anyone" shape: every task to the one queue. Returns its SID. */
  async createWorkflow(api: TwilioApi, name: string): Promise<string> {
    const created = await this.workspace(api).createWorkflow(assignToAnyoneWorkflow(this.queueSid, name));
    return expectSid(created, 'WW', 'workflow');
  }
}

function expectSid(
  response: { status: number; json: unknown; text: string },
  prefix: string,
  what: string,
): string {
  const sid = (response.json as { sid?: unknown } | undefined)?.sid;
  if (response.status !== 201 || typeof sid !== 'string' || !sid.startsWith(prefix))
    throw new Error(
      `could not create the ${what} the check routes through: ${response.status} ${response.text}`,
    );
  return sid;
}

/**
 * Tasks of a workflow the check has not seen yet, waiting for at least one (an Interaction's task
 * appears asynchronously on a real account). Seen tasks are added to `seen`.
 */
export async function awaitNewTasks(
  api: TwilioApi,
  routing: Routing,
  workflowSid: string,
  seen: Set<string>,
  {
    atLeast = 1,
    timeoutMs,
    settled,
  }: {
    atLeast?: number;
    timeoutMs?: number;
    /** True once no task can come any more (the widget took failedToEnqueue): stop waiting then. */
    settled?: () => Promise<boolean>;
  } = {},
): Promise<TaskBody[]> {
  const fresh = () => routing.workspace(api).tasksOf(workflowSid, undefined, seen);
  const found =
    (await eventually(
      async () => {
        const tasks = await fresh();
        if (tasks.length >= atLeast) return tasks;
        return settled && (await settled()) ? await fresh() : undefined;
      },
      { timeoutMs },
    )) ?? (await fresh());
  for (const task of found) seen.add(task.sid);
  return found;
}

/**
 * The usual routing setup of the TaskRouter checks: a single-tasking workspace (MultiTaskEnabled
 * false: a worker gets a new reservation only when the previous task is completed), one FIFO queue
 * for every worker, an "Assign to Anyone" workflow and one worker, created Offline.
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
    expect(response.status, 'workspace.updateReservation(…) status').toBe(200);
  }

  async complete(taskSid: string): Promise<void> {
    const response = await this.workspace.updateTask(taskSid, {
      AssignmentStatus: 'completed',
      Reason: 'handled',
    });
    expect(response.status, 'workspace.updateTask(…) status').toBe(200);
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
    expect(response.status, 'POST /v1/Workspaces status').toBe(201);
    const workspace = new Workspace(this.api, response.json.sid, response.json);
    this.cleanup(() => workspace.remove());
    return workspace;
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
