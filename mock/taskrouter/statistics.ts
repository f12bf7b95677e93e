import { invalidParameter, TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import { jsonDepth, maxJsonDepth } from '../core/params';
import type { MockRequest, Route } from '../core/router';
import { isSid } from '../core/sids';
import type { WorkspaceState } from './records';
import { findIn, type TaskRouterState } from './state';
import {
  activityStatistics,
  availableWorkers,
  cumulativeFigures,
  liveTasks,
  type TaskScope,
  taskFigures,
  type Window,
  workerCumulativeFigures,
} from './statistics-figures';
import { matchesWorker } from './workers';

/** "Only calculate statistics since this many minutes in the past. The default is 15 minutes." */
const defaultMinutes = 15;

/** "Fetch a Task Queue Real Time Statistics in bulk for the array of TaskQueue SIDs, support upto 50 in a request." */
const maxBulkQueues = 50;

/** The attributes "`task_queue_data` returns" for each queue, besides `task_queue_sid`. */
const bulkQueueFigures = [
  'longest_task_waiting_age',
  'longest_task_waiting_sid',
  'total_tasks',
  'total_eligible_workers',
  'total_available_workers',
  'tasks_by_status',
  'tasks_by_priority',
  'activity_statistics',
] as const;

/**
 * The statistics resources of a Workspace, its TaskQueues, Workflows and Workers
 * (`…/Statistics`, `…/RealTimeStatistics`, `…/CumulativeStatistics`).
 */
export class Statistics {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const ws = '/v1/Workspaces/:WorkspaceSid';
    const get = (pattern: string, handler: (request: MockRequest) => Record<string, unknown>): Route => ({
      domain: 'taskrouter',
      method: 'GET',
      pattern,
      handler: (request) => ({ status: 200, body: handler(request) }),
    });
    return [
      get(`${ws}/Statistics`, (r) => this.combined(r, this.workspaceScope(r))),
      get(`${ws}/RealTimeStatistics`, (r) => this.realTime(r, this.workspaceScope(r))),
      get(`${ws}/CumulativeStatistics`, (r) => this.cumulative(r, this.workspaceScope(r))),
      get(`${ws}/TaskQueues/Statistics`, (r) => this.queueList(r)),
      {
        domain: 'taskrouter',
        method: 'POST',
        pattern: `${ws}/TaskQueues/RealTimeStatistics`,
        handler: (request) => ({ status: 200, body: this.queueBulkRealTime(request) }),
      },
      get(`${ws}/TaskQueues/:Sid/Statistics`, (r) => this.combined(r, this.queueScope(r))),
      get(`${ws}/TaskQueues/:Sid/RealTimeStatistics`, (r) => this.realTime(r, this.queueScope(r))),
      get(`${ws}/TaskQueues/:Sid/CumulativeStatistics`, (r) => this.cumulative(r, this.queueScope(r))),
      get(`${ws}/Workflows/:Sid/Statistics`, (r) => this.combined(r, this.workflowScope(r))),
      get(`${ws}/Workflows/:Sid/RealTimeStatistics`, (r) => this.realTime(r, this.workflowScope(r))),
      get(`${ws}/Workflows/:Sid/CumulativeStatistics`, (r) => this.cumulative(r, this.workflowScope(r))),
      get(`${ws}/Workers/Statistics`, (r) => this.workers(r)),
      get(`${ws}/Workers/RealTimeStatistics`, (r) => ({ ...this.envelope(r), ...this.workersRealTime(r) })),
      get(`${ws}/Workers/CumulativeStatistics`, (r) => ({
        ...this.envelope(r),
        ...workerCumulativeFigures(this.workspace(r), this.window(r), this.channelScope(r)),
      })),
      get(`${ws}/Workers/:Sid/Statistics`, (r) => this.worker(r)),
    ];
  }

  // ---------------------------------------------------------------- what is counted

  private workspace(request: MockRequest): WorkspaceState {
    return this.state.workspace(request);
  }

  private channelScope(request: MockRequest): TaskScope {
    const channel = request.query.get('TaskChannel');
    if (channel === null) return {};
    const record = this.workspace(request).taskChannel(channel);
    if (!record) throw invalidParameter('TaskChannel', 'names no Task Channel of this Workspace');
    return { taskChannelSid: record.sid };
  }

  private workspaceScope(request: MockRequest): Scoped {
    return { scope: this.channelScope(request), own: {} };
  }

  private queueScope(
    request: MockRequest,
    queue = findIn(this.workspace(request).taskQueues, request),
  ): Scoped {
    return {
      scope: { ...this.channelScope(request), taskQueueSid: queue.sid },
      own: { task_queue_sid: queue.sid },
    };
  }

  private workflowScope(request: MockRequest): Scoped {
    const workflow = findIn(this.workspace(request).workflows, request);
    return {
      scope: { ...this.channelScope(request), workflowSid: workflow.sid },
      own: { workflow_sid: workflow.sid },
    };
  }

  /** The window of the cumulative figures: `StartDate`/`EndDate`, or the last `Minutes` (15). */
  private window(request: MockRequest): Window {
    const now = this.state.now();
    const dateOf = (name: string) => {
      const text = request.query.get(name);
      if (text === null) return undefined;
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) throw invalidParameter(name, 'must be an ISO 8601 date-time');
      return ms;
    };
    const minutesText = request.query.get('Minutes');
    const minutes = minutesText === null ? defaultMinutes : Number(minutesText);
    if (!Number.isInteger(minutes) || minutes < 0)
      throw invalidParameter('Minutes', 'must be a whole number');
    const end = dateOf('EndDate') ?? now;
    return { start: dateOf('StartDate') ?? end - minutes * 60_000, end };
  }

  // ---------------------------------------------------------------- rendering

  private envelope(request: MockRequest, own: Record<string, string> = {}) {
    const workspace = this.workspace(request);
    return {
      account_sid: this.state.ctx.accountSid,
      workspace_sid: workspace.sid,
      ...own,
      url: `${request.origin}${request.path}`,
    };
  }

  private realTimeFigures(request: MockRequest, { scope, own }: Scoped) {
    const workspace = this.workspace(request);
    const figures = taskFigures(liveTasks(workspace, scope), this.state.now());
    if ('workflow_sid' in own) return figures;
    const workers =
      scope.taskQueueSid === undefined
        ? workspace.workers.all()
        : workspace.workers.all().filter((worker) => {
            const queue = workspace.taskQueues.get(scope.taskQueueSid as string);
            return queue !== undefined && matchesWorker(queue.targetExpression, worker);
          });
    const activities = { activity_statistics: activityStatistics(workspace, workers) };
    if (scope.taskQueueSid === undefined) return { ...activities, ...figures, total_workers: workers.length };
    const { longest_task_waiting_age, longest_task_waiting_sid } = figures;
    return {
      ...activities,
      ...figures,
      longest_relative_task_age_in_queue: longest_task_waiting_age,
      longest_relative_task_sid_in_queue: longest_task_waiting_sid,
      total_available_workers: availableWorkers(workspace, workers),
      total_eligible_workers: workers.length,
    };
  }

  private realTime(request: MockRequest, scoped: Scoped) {
    return { ...this.envelope(request, scoped.own), ...this.realTimeFigures(request, scoped) };
  }

  private cumulativeOf(request: MockRequest, { scope, own }: Scoped) {
    const figures = cumulativeFigures(this.workspace(request), this.window(request), scope);
    if ('workflow_sid' in own) {
      const { tasks_created, ...rest } = figures;
      return { ...rest, tasks_entered: tasks_created };
    }
    if ('task_queue_sid' in own) {
      const { tasks_created, tasks_timed_out_in_workflow: _, ...rest } = figures;
      const accepted = rest.wait_duration_until_accepted;
      return { ...rest, tasks_entered: tasks_created, wait_duration_in_queue_until_accepted: accepted };
    }
    return figures;
  }

  private cumulative(request: MockRequest, scoped: Scoped) {
    return { ...this.envelope(request, scoped.own), ...this.cumulativeOf(request, scoped) };
  }

  private combined(request: MockRequest, scoped: Scoped) {
    return {
      ...this.envelope(request, scoped.own),
      realtime: this.realTimeFigures(request, scoped),
      cumulative: this.cumulativeOf(request, scoped),
    };
  }

  private queueList(request: MockRequest) {
    const workspace = this.workspace(request);
    const name = request.query.get('FriendlyName');
    const queues = workspace.taskQueues.all().filter((queue) => name === null || queue.friendlyName === name);
    return pageOf(queues, readPageRequest(request.query), {
      origin: request.origin,
      path: `/v1/Workspaces/${workspace.sid}/TaskQueues/Statistics`,
      key: 'task_queues_statistics',
      filters: name === null ? [] : [['FriendlyName', name]],
      render: (queue) => {
        const scoped = this.queueScope(request, queue);
        const { url: _url, ...envelope } = this.envelope(request, scoped.own);
        return {
          ...envelope,
          realtime: this.realTimeFigures(request, scoped),
          cumulative: this.cumulativeOf(request, scoped),
        };
      },
    });
  }

  /** The real-time figures of each queue the JSON body names, as its own `RealTimeStatistics` gives them. */
  private queueBulkRealTime(request: MockRequest) {
    const workspace = this.workspace(request);
    const queues = requestedQueueSids(request).map((sid) => {
      const queue = workspace.taskQueues.get(sid);
      if (!queue) throw bulkBodyError(`${sid} names no TaskQueue of this Workspace`);
      return queue;
    });
    const data = queues.map((queue) => {
      const figures: Record<string, unknown> = this.realTimeFigures(request, this.queueScope(request, queue));
      return {
        task_queue_sid: queue.sid,
        ...Object.fromEntries(bulkQueueFigures.map((name) => [name, figures[name]])),
      };
    });
    return { ...this.envelope(request), task_queue_data: data, task_queue_response_count: data.length };
  }

  private workersRealTime(request: MockRequest) {
    const workers = this.workspace(request).workers.all();
    return {
      activity_statistics: activityStatistics(this.workspace(request), workers),
      total_workers: workers.length,
    };
  }

  private workers(request: MockRequest) {
    return {
      ...this.envelope(request),
      realtime: this.workersRealTime(request),
      cumulative: workerCumulativeFigures(
        this.workspace(request),
        this.window(request),
        this.channelScope(request),
      ),
    };
  }

  private worker(request: MockRequest) {
    const worker = findIn(this.workspace(request).workers, request);
    return {
      ...this.envelope(request, { worker_sid: worker.sid }),
      cumulative: workerCumulativeFigures(
        this.workspace(request),
        this.window(request),
        this.channelScope(request),
        worker.sid,
      ),
    };
  }
}

/**
 * The TaskQueue SIDs a bulk request's JSON body lists, each once. The description gives the body no
 * schema beyond "the array of TaskQueue SIDs"; anything else is refused as Twilio refuses a bad parameter.
 */
function requestedQueueSids(request: MockRequest): string[] {
  const entries = [...request.form.raw];
  if (entries.length === 0) throw bulkBodyError('the body is missing');
  // a JSON text reaches the handler as the one form key it parses into (no `=` or `&` in a SID list)
  const [text, value] = entries[0] as [string, string];
  if (entries.length > 1 || value !== '') throw bulkBodyError('the body is not JSON');
  if (jsonDepth(text) > maxJsonDepth)
    throw bulkBodyError(`the body nests deeper than ${maxJsonDepth} levels`);
  let listed: unknown;
  try {
    listed = JSON.parse(text);
  } catch {
    throw bulkBodyError('the body is not JSON');
  }
  if (!Array.isArray(listed)) throw bulkBodyError('the body is not a JSON array');
  if (listed.length === 0) throw bulkBodyError('the array is empty');
  const sids = [...new Set(listed)];
  if (sids.length > maxBulkQueues)
    throw bulkBodyError(`it names ${sids.length} TaskQueues, at most ${maxBulkQueues} are allowed`);
  const malformed = sids.find((sid) => typeof sid !== 'string' || !isSid(sid, 'WQ'));
  if (malformed !== undefined)
    throw bulkBodyError(`${JSON.stringify(malformed).slice(0, 40)} does not match ^WQ[0-9a-fA-F]{32}$`);
  return sids as string[];
}

const bulkBodyError = (reason: string) =>
  new TwilioError(
    400,
    20001,
    `Invalid request body: expected a JSON array of 1 to ${maxBulkQueues} TaskQueue SIDs, but ${reason}`,
  );

interface Scoped {
  readonly scope: TaskScope;
  /** The SID field naming the resource (`task_queue_sid`, `workflow_sid`). */
  readonly own: Record<string, string>;
}
