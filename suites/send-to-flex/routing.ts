import type { TwilioApi } from '../../targets/client';
import { eventually } from './eventually';

/**
 * The TaskRouter setup every Send to Flex check routes through, made with TaskRouter's public REST
 * API: a workspace with the task channels default, voice, chat ("Programmable Chat") and sms, a
 * queue every worker serves, and workflows of the out-of-the-box "Assign to Anyone" shape.
 */
export const taskChannelNames = ['default', 'voice', 'chat', 'sms'] as const;
export type TaskChannelName = (typeof taskChannelNames)[number];

export interface TaskChannel {
  readonly sid: string;
  readonly uniqueName: string;
}

export interface TaskBody {
  sid: string;
  workflow_sid: string | null;
  task_channel_sid: string | null;
  task_channel_unique_name: string | null;
  priority: number | null;
  timeout: number | null;
  attributes: string | null;
  assignment_status: string;
  age?: number;
}

interface ChannelPage {
  channels?: Array<{ sid: string; unique_name: string }>;
  meta?: { next_page_url?: string | null };
}

export class Routing {
  private constructor(
    readonly workspaceSid: string,
    readonly queueSid: string,
    readonly channels: Readonly<Record<TaskChannelName, TaskChannel>>,
    /** The worker's "Assign to Anyone" workflow, for flows whose tasks no check counts. */
    readonly anyoneWorkflowSid: string,
  ) {}

  /** Creates the workspace, its channels and queue; `remove` deletes it with everything in it. */
  static async create(api: TwilioApi, name: string): Promise<Routing> {
    const workspace = await api.post('taskrouter', '/v1/Workspaces', { FriendlyName: name });
    const workspaceSid = expectSid(workspace, 'WS', 'workspace');
    const base = `/v1/Workspaces/${workspaceSid}`;
    const existing = await api.get<ChannelPage>('taskrouter', `${base}/TaskChannels`, {
      query: { PageSize: 1000 },
    });
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
      const created = await api.post('taskrouter', `${base}/TaskChannels`, {
        FriendlyName: uniqueName === 'chat' ? 'Programmable Chat' : uniqueName,
        UniqueName: uniqueName,
      });
      channels[uniqueName] = { sid: expectSid(created, 'TC', `task channel ${uniqueName}`), uniqueName };
    }
    const queue = await api.post('taskrouter', `${base}/TaskQueues`, {
      FriendlyName: `${name} Everyone`,
      TargetWorkers: '1==1',
    });
    const queueSid = expectSid(queue, 'WQ', 'task queue');
    const anyone = await api.post('taskrouter', `${base}/Workflows`, {
      FriendlyName: 'Assign to Anyone',
      Configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queueSid } } }),
    });
    return new Routing(
      workspaceSid,
      queueSid,
      channels as Record<TaskChannelName, TaskChannel>,
      expectSid(anyone, 'WW', 'workflow'),
    );
  }

  remove(api: TwilioApi) {
    return api.delete('taskrouter', `/v1/Workspaces/${this.workspaceSid}`);
  }

  /** A new workflow of the "Assign to Anyone" shape: every task to the one queue. */
  async createWorkflow(api: TwilioApi, name: string): Promise<string> {
    const created = await api.post('taskrouter', `/v1/Workspaces/${this.workspaceSid}/Workflows`, {
      FriendlyName: name,
      Configuration: JSON.stringify({
        task_routing: { filters: [], default_filter: { queue: this.queueSid } },
      }),
    });
    return expectSid(created, 'WW', 'workflow');
  }

  deleteWorkflow(api: TwilioApi, workflowSid: string) {
    return api.delete('taskrouter', `/v1/Workspaces/${this.workspaceSid}/Workflows/${workflowSid}`);
  }

  async fetchTask(api: TwilioApi, taskSid: string): Promise<TaskBody | undefined> {
    const response = await api.get<TaskBody>(
      'taskrouter',
      `/v1/Workspaces/${this.workspaceSid}/Tasks/${taskSid}`,
    );
    return response.status === 200 ? response.json : undefined;
  }

  /**
   * Every task routed through a workflow (and matching a TaskRouter expression over its attributes,
   * when given), each fetched: lists may leave attributes out.
   */
  async tasksOf(
    api: TwilioApi,
    workflowSid: string,
    expression?: string,
    skip: ReadonlySet<string> = new Set(),
  ): Promise<TaskBody[]> {
    const tasks: TaskBody[] = [];
    for (const sid of await this.taskSidsOf(api, workflowSid, expression)) {
      if (skip.has(sid)) continue;
      const task = await this.fetchTask(api, sid);
      if (task) tasks.push(task);
    }
    return tasks;
  }

  /** The SIDs of the tasks routed through a workflow, from one list request. */
  async taskSidsOf(api: TwilioApi, workflowSid: string, expression?: string): Promise<string[]> {
    const list = await api.get<{ tasks?: TaskBody[] }>(
      'taskrouter',
      `/v1/Workspaces/${this.workspaceSid}/Tasks`,
      {
        query: { WorkflowSid: workflowSid, EvaluateTaskAttributes: expression, PageSize: 1000 },
      },
    );
    return (list.json?.tasks ?? []).map((task) => task.sid);
  }
}

/** The attributes of a task, parsed. */
export function attributesOf(task: TaskBody): Record<string, unknown> {
  return typeof task.attributes === 'string' ? (JSON.parse(task.attributes) as Record<string, unknown>) : {};
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
  { atLeast = 1, timeoutMs }: { atLeast?: number; timeoutMs?: number } = {},
): Promise<TaskBody[]> {
  const fresh = () => routing.tasksOf(api, workflowSid, undefined, seen);
  const found =
    (await eventually(
      async () => {
        const tasks = await fresh();
        return tasks.length >= atLeast ? tasks : undefined;
      },
      { timeoutMs },
    )) ?? (await fresh());
  for (const task of found) seen.add(task.sid);
  return found;
}
