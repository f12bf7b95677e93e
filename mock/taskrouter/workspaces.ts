import { invalidParameter } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import { collectionRoutes, type MockRequest, type Route } from '../core/router';
import { newSid } from '../core/sids';
import { parseExpression } from './expression';
import { queueOrders, type WorkspaceRecord, WorkspaceState } from './records';
import { renderWorkspace } from './render';
import type { TaskRouterState } from './state';

/** The activities every new workspace starts with; the first is the default and timeout activity. */
const defaultActivities = [
  { friendlyName: 'Offline', available: false },
  { friendlyName: 'Available', available: true },
  { friendlyName: 'Unavailable', available: false },
  { friendlyName: 'Break', available: false },
] as const;

/** The Task Channels every new workspace starts with. */
const defaultTaskChannels = [
  { uniqueName: 'default', friendlyName: 'Default' },
  { uniqueName: 'voice', friendlyName: 'Voice' },
  { uniqueName: 'chat', friendlyName: 'Programmable Chat' },
  { uniqueName: 'sms', friendlyName: 'SMS' },
  { uniqueName: 'video', friendlyName: 'Video' },
  { uniqueName: 'email', friendlyName: 'Email' },
] as const;

const templates = ['NONE', 'FIFO'] as const;

/** `/v1/Workspaces[/{Sid}]`. */
export class Workspaces {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const path = '/v1/Workspaces';
    return collectionRoutes('taskrouter', path, this);
  }

  create(request: MockRequest) {
    const form = request.form;
    const friendlyName = form.required('FriendlyName');
    const template = form.oneOf('Template', templates) ?? 'NONE';
    const now = this.state.now();
    const placeholder = '';
    const record = this.state.workspaceRecords.insert(
      (seq): WorkspaceRecord => ({
        seq,
        sid: newSid('WS'),
        createdAt: now,
        updatedAt: now,
        friendlyName,
        defaultActivitySid: placeholder,
        timeoutActivitySid: placeholder,
        eventCallbackUrl: form.url('EventCallbackUrl') ?? null,
        eventsFilter: form.string('EventsFilter') ?? null,
        multiTaskEnabled: form.boolean('MultiTaskEnabled') ?? true,
        prioritizeQueueOrder: form.oneOf('PrioritizeQueueOrder', queueOrders) ?? 'FIFO',
      }),
    );
    const workspace = new WorkspaceState(record);
    const activities = defaultActivities.map((activity) =>
      workspace.activities.insert((seq) => ({
        seq,
        sid: newSid('WA'),
        createdAt: now,
        updatedAt: now,
        ...activity,
      })),
    );
    record.defaultActivitySid = activities[0]?.sid ?? '';
    record.timeoutActivitySid = activities[0]?.sid ?? '';
    for (const channel of defaultTaskChannels) {
      workspace.taskChannels.insert((seq) => ({
        seq,
        sid: newSid('TC'),
        createdAt: now,
        updatedAt: now,
        channelOptimizedRouting: false,
        ...channel,
      }));
    }
    if (template === 'FIFO') addFifoTemplate(workspace, now);
    this.state.add(workspace);
    return { status: 201, body: renderWorkspace(this.state.scope(request, workspace)) };
  }

  fetch(request: MockRequest) {
    const workspace = this.state.workspace(request);
    return { status: 200, body: renderWorkspace(this.state.scope(request, workspace)) };
  }

  update(request: MockRequest) {
    const workspace = this.state.workspace(request);
    const form = request.form;
    const record = workspace.record;
    const activity = (name: string) => {
      const sid = form.sid(name, 'WA');
      if (sid !== undefined && !workspace.activities.get(sid))
        throw invalidParameter(name, 'names no Activity of this Workspace');
      return sid;
    };
    record.defaultActivitySid = activity('DefaultActivitySid') ?? record.defaultActivitySid;
    record.timeoutActivitySid = activity('TimeoutActivitySid') ?? record.timeoutActivitySid;
    record.friendlyName = nonEmpty(form, 'FriendlyName') ?? record.friendlyName;
    if (form.has('EventCallbackUrl')) record.eventCallbackUrl = form.url('EventCallbackUrl') ?? null;
    if (form.has('EventsFilter')) record.eventsFilter = form.string('EventsFilter') ?? null;
    record.multiTaskEnabled = form.boolean('MultiTaskEnabled') ?? record.multiTaskEnabled;
    record.prioritizeQueueOrder =
      form.oneOf('PrioritizeQueueOrder', queueOrders) ?? record.prioritizeQueueOrder;
    record.updatedAt = this.state.now();
    const body = renderWorkspace(this.state.scope(request, workspace));
    this.state.engine.assign(workspace);
    return { status: 200, body };
  }

  remove(request: MockRequest) {
    this.state.remove(this.state.workspace(request));
    return { status: 204 };
  }

  list(request: MockRequest) {
    const friendlyName = request.query.get('FriendlyName');
    const pageRequest = readPageRequest(request.query);
    let records = this.state.workspaceRecords.all();
    if (friendlyName !== null) records = records.filter((record) => record.friendlyName === friendlyName);
    return {
      status: 200,
      body: pageOf(records, pageRequest, {
        origin: request.origin,
        path: '/v1/Workspaces',
        key: 'workspaces',
        filters: friendlyName !== null ? [['FriendlyName', friendlyName]] : [],
        render: (record) => {
          const workspace = this.state.get(record.sid) as WorkspaceState;
          return renderWorkspace(this.state.scope(request, workspace));
        },
      }),
    };
  }
}

/** Template FIFO: a "Sample Queue" for every worker and a "Default Fifo Workflow" routing to it. */
function addFifoTemplate(workspace: WorkspaceState, now: number): void {
  const queue = workspace.taskQueues.insert((seq) => ({
    seq,
    sid: newSid('WQ'),
    createdAt: now,
    updatedAt: now,
    friendlyName: 'Sample Queue',
    targetWorkers: '1==1',
    targetExpression: parseExpression('1==1'),
    maxReservedWorkers: 1,
    taskOrder: 'FIFO',
    reservationActivitySid: null,
    assignmentActivitySid: null,
  }));
  workspace.workflows.insert((seq) => ({
    seq,
    sid: newSid('WW'),
    createdAt: now,
    updatedAt: now,
    friendlyName: 'Default Fifo Workflow',
    configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
    routing: { filters: [], defaultQueue: queue.sid },
    assignmentCallbackUrl: null,
    fallbackAssignmentCallbackUrl: null,
    taskReservationTimeout: 120,
  }));
}

export function nonEmpty(form: Params, name: string): string | undefined {
  const value = form.string(name);
  return value === undefined || value === '' ? undefined : value;
}
