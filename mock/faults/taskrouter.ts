import { randomUUID } from 'node:crypto';
import type { MockContext } from '../context';
import { isJsonObject } from '../core/json';
import {
  higherPriorityFirst,
  oldestFirst,
  referenceTaskRouterBehaviour,
  reversed,
  thenBy,
} from '../taskrouter/taskrouter-behaviour';
import type { FaultSpec, WireRequest, WireTransform } from './fault';
import { jsonBodyOf } from './fault';

type Json = Record<string, unknown>;

const tasksPattern = '/v1/Workspaces/:WorkspaceSid/Tasks';
const taskPattern = `${tasksPattern}/:Sid`;
const tasksPath = /^\/v1\/Workspaces\/[^/]+\/Tasks$/;

/**
 * A response transform: `rewrite` changes every task a successful answer of the Task routes
 * carries (create, fetch, update, or each task of a list page), with the request it answers.
 */
export function rewritingTasks(
  rewrite: (task: Json, request: WireRequest, ctx: MockContext) => Json,
): WireTransform {
  return {
    response: (response, request, route, ctx) => {
      const body = jsonBodyOf(response);
      if (!body || response.status >= 400 || route?.domain !== 'taskrouter') return response;
      if (route.method === 'GET' && route.pattern === tasksPattern) {
        const tasks = Array.isArray(body.tasks) ? (body.tasks as unknown[]) : [];
        return {
          ...response,
          body: {
            ...body,
            tasks: tasks.map((task) => (isJsonObject(task) ? rewrite({ ...task }, request, ctx) : task)),
          },
        };
      }
      const one =
        (route.method === 'POST' && route.pattern === tasksPattern) ||
        ((route.method === 'GET' || route.method === 'POST') && route.pattern === taskPattern);
      return one ? { ...response, body: rewrite(body, request, ctx) } : response;
    },
  };
}

/** A request transform: `rewrite` changes the query of a task list (`GET …/Tasks`) before the emulator reads it. */
function rewritingTaskListQuery(rewrite: (query: URLSearchParams) => void): WireTransform {
  return {
    request: (request) => {
      if (request.method !== 'GET' || request.domain !== 'taskrouter' || !tasksPath.test(request.path)) {
        return request;
      }
      const query = new URLSearchParams(request.query);
      rewrite(query);
      return { ...request, query };
    },
  };
}

const workersPath = /^\/v1\/Workspaces\/[^/]+\/Workers$/;

/** A request transform: `rewrite` changes the query of a worker list (`GET …/Workers`) before the emulator reads it. */
function rewritingWorkerListQuery(rewrite: (query: URLSearchParams) => void): WireTransform {
  return {
    request: (request) => {
      if (request.method !== 'GET' || request.domain !== 'taskrouter' || !workersPath.test(request.path)) {
        return request;
      }
      const query = new URLSearchParams(request.query);
      rewrite(query);
      return { ...request, query };
    },
  };
}

/** A name in compatibility decomposition without its combining marks ("café" as "cafe"). */
const withoutMarks = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * Priority null for the tasks created over the wire without Priority whose priority is still 0,
 * until an update sends one: what an implementation that leaves an unset priority unset shows.
 * A target's priority (not on the wire) is told apart by its value only: a target priority of 0
 * shows null too.
 */
function priorityLeftUnset(): WireTransform {
  const unset = new WeakMap<MockContext, Set<string>>();
  return rewritingTasks((task, request, ctx) => {
    const sids = unset.get(ctx) ?? new Set<string>();
    unset.set(ctx, sids);
    const sid = String(task.sid);
    if (request.method === 'POST') {
      const sent = new URLSearchParams(request.body).has('Priority');
      if (tasksPath.test(request.path) && !sent) sids.add(sid);
      if (sent) sids.delete(sid);
    }
    return sids.has(sid) && task.priority === 0 ? { ...task, priority: null } : task;
  });
}

/** A response transform: `rewrite` changes the attributes text of every task a Task route answers with. */
function rewritingAttributeText(rewrite: (text: string) => string): WireTransform {
  return rewritingTasks((task) =>
    typeof task.attributes === 'string' ? { ...task, attributes: rewrite(task.attributes) } : task,
  );
}

/** A JSON object's top-level keys merged when they differ only by letter case: the first spelling, the last value. */
function caseInsensitiveKeys(attributes: Json): Json {
  const spelling = new Map<string, string>();
  const merged: Json = {};
  for (const [key, value] of Object.entries(attributes)) {
    const folded = key.toLowerCase();
    const first = spelling.get(folded) ?? key;
    spelling.set(folded, first);
    merged[first] = value;
  }
  return merged;
}

/** Deliberate bugs in TaskRouter: the assignment engine, task validation and the task resource. */
export const taskRouterFaults = [
  // ---------------------------------------------------------------- assignment order
  {
    name: 'taskrouter-priority-inverted',
    description:
      'Lower priority values are served first (the "0 is the highest priority" reading, which TR-PRIORITY-HIGHER-FIRST observes and accepts).',
    trips: ['STF-PRIORITY-ORDERS-QUEUE'],
    behaviour: { taskRouter: { taskOrders: { FIFO: thenBy(reversed(higherPriorityFirst), oldestFirst) } } },
  },
  {
    name: 'taskrouter-priority-ignored',
    description:
      'A FIFO queue serves its tasks oldest first whatever their priority (neither priority reading).',
    trips: ['TR-PRIORITY-HIGHER-FIRST', 'STF-PRIORITY-ORDERS-QUEUE'],
    behaviour: { taskRouter: { taskOrders: { FIFO: oldestFirst } } },
  },
  {
    name: 'taskrouter-ties-lifo',
    description: 'Among tasks of equal priority in a FIFO queue, the newest is served first.',
    trips: ['TR-PRIORITY-TIES-OLDEST-FIRST'],
    behaviour: { taskRouter: { taskOrders: { FIFO: thenBy(higherPriorityFirst, reversed(oldestFirst)) } } },
  },
  {
    name: 'taskrouter-lifo-queue-as-fifo',
    description: 'A queue with TaskOrder LIFO is served oldest first, like a FIFO queue.',
    trips: ['TR-QUEUE-LIFO-NEWEST-FIRST'],
    behaviour: { taskRouter: { taskOrders: { LIFO: referenceTaskRouterBehaviour.taskOrders.FIFO } } },
  },
  {
    name: 'taskrouter-ignores-availability',
    description: 'Workers in an unavailable activity (Offline, Break) are offered tasks.',
    trips: ['TR-UNAVAILABLE-WORKER-NOT-RESERVED', 'TR-WORKER-DEFAULT-ACTIVITY'],
    behaviour: { taskRouter: { reservesOnlyAvailableWorkers: false } },
  },
  {
    name: 'taskrouter-target-workers-ignored',
    description: "A queue's TargetWorkers expression is not evaluated: every worker is eligible.",
    trips: ['TR-QUEUE-TARGET-WORKERS'],
    behaviour: { taskRouter: { evaluatesTargetWorkers: false } },
  },
  {
    name: 'taskrouter-worker-starts-available',
    description: 'A worker created without ActivitySid starts in an available activity.',
    trips: ['TR-WORKER-DEFAULT-ACTIVITY'],
    behaviour: {
      taskRouter: {
        initialActivity: (workspace) =>
          workspace.activities.all().find((activity) => activity.available)?.sid ??
          workspace.record.defaultActivitySid,
      },
    },
  },
  {
    name: 'taskrouter-wrapping-frees-worker',
    description: 'A wrapping task no longer holds the worker: the next task is reserved before it completes.',
    trips: ['TR-SINGLE-TASKING-ONE-AT-A-TIME'],
    behaviour: { taskRouter: { capacityHeldBy: ['pending', 'accepted'] } },
  },
  // ---------------------------------------------------------------- lifecycle
  {
    name: 'taskrouter-task-stays-pending-when-reserved',
    description: 'A reservation is created but the task keeps assignment_status pending.',
    trips: ['TR-RESERVATION-FOR-AVAILABLE-WORKER'],
    behaviour: { taskRouter: { reservedTaskStatus: 'pending' } },
  },
  {
    name: 'taskrouter-status-accepted',
    description:
      "An accepted reservation's status leaks into the task: assignment_status accepted instead of assigned.",
    trips: ['TR-RESERVATION-ACCEPT-ASSIGNS', 'TR-ASSIGNMENT-STATUS-ENUM'],
    wire: rewritingTasks((task) =>
      task.assignment_status === 'assigned' ? { ...task, assignment_status: 'accepted' } : task,
    ),
  },
  {
    name: 'taskrouter-reject-cancels-task',
    description: 'Rejecting a reservation cancels its task instead of putting it back in the queue.',
    trips: ['TR-RESERVATION-REJECT-REQUEUES'],
    behaviour: { taskRouter: { rejectedTask: { canceledWithReason: 'Reservation rejected' } } },
  },
  {
    name: 'taskrouter-wrapping-refused',
    description: 'AssignmentStatus wrapping is refused: assigned tasks can only be completed.',
    trips: ['TR-TASK-WRAP-THEN-COMPLETE'],
    behaviour: { taskRouter: { statusChanges: { wrapping: [] } } },
  },
  {
    name: 'taskrouter-cancel-without-reason',
    description: 'A task can be canceled or completed without a Reason.',
    trips: ['TR-CANCEL-REQUIRES-REASON'],
    behaviour: { taskRouter: { reasonRequiredFor: [] } },
  },
  // ---------------------------------------------------------------- timeout
  {
    name: 'taskrouter-timeout-ignored',
    description: 'Task timeouts never fire: an unassigned task waits forever.',
    trips: ['TR-TIMEOUT-CANCELS-TTL'],
    behaviour: { taskRouter: { timeoutCancelsTask: false } },
  },
  {
    name: 'taskrouter-timeout-spares-reserved',
    description:
      'A task whose timeout passes while it is reserved (offered, not yet accepted) is not canceled.',
    trips: ['TR-TIMEOUT-CANCELS-TTL'],
    behaviour: { taskRouter: { timeoutCancelsStatuses: ['pending'] } },
  },
  {
    name: 'taskrouter-canceled-reason-wrong',
    description:
      'A task canceled by its timeout reports reason "Task timed out" instead of "Task TTL Exceeded".',
    trips: ['TR-TIMEOUT-CANCELS-TTL'],
    behaviour: { taskRouter: { timeoutReason: 'Task timed out' } },
  },
  {
    name: 'taskrouter-timeout-max-not-enforced',
    description: 'Timeout above 1,209,600 seconds (two weeks) is accepted.',
    trips: ['TR-TIMEOUT-MAX'],
    behaviour: { taskRouter: { timeout: { max: Number.POSITIVE_INFINITY } } },
  },
  {
    name: 'taskrouter-default-timeout-3600',
    description:
      "A task created without Timeout gets 3600 seconds (the Studio editor's value) instead of 86,400.",
    trips: ['TR-TIMEOUT-DEFAULT-86400'],
    behaviour: { taskRouter: { timeout: { default: 3600 } } },
  },
  {
    name: 'taskrouter-reservation-timeout-unbounded',
    description: 'A Workflow accepts TaskReservationTimeout above 86,400.',
    trips: ['TR-WORKFLOW-RESERVATION-TIMEOUT'],
    behaviour: { taskRouter: { reservationTimeout: { max: Number.POSITIVE_INFINITY } } },
  },
  // ---------------------------------------------------------------- the task resource
  {
    name: 'taskrouter-priority-range-not-enforced',
    description: 'Priority outside 0..2,147,483,647 (negative, 2^31) is stored as sent.',
    trips: ['TR-PRIORITY-RANGE'],
    behaviour: {
      taskRouter: { priority: { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY } },
    },
  },
  {
    name: 'taskrouter-integers-read-as-numbers',
    description:
      'Priority and Timeout are read with Number(text): "1.5" is stored as 1.5, "1e3" as 1000, "0x10" as 16.',
    trips: ['TR-PRIORITY-RANGE', 'TR-TIMEOUT-MAX'],
    behaviour: {
      taskRouter: {
        integerOf: (text: string) => {
          const n = Number(text);
          return text.trim() === '' || Number.isNaN(n) ? undefined : n;
        },
      },
    },
  },
  {
    name: 'taskrouter-priority-default-null',
    description: 'A task created without Priority (and no target priority) has priority null instead of 0.',
    trips: ['TR-PRIORITY-DEFAULT-0'],
    wire: priorityLeftUnset(),
  },
  {
    name: 'taskrouter-target-priority-ignored',
    description: 'The Priority sent wins over the priority of the matching Workflow target.',
    trips: ['TR-WORKFLOW-TARGET-PRIORITY-OVERRIDES'],
    behaviour: { taskRouter: { prioritySources: ['request', 'target'] } },
  },
  {
    name: 'taskrouter-task-sid-uuid',
    description: 'Task SIDs are WT followed by a dashed UUID (38 characters).',
    trips: ['TR-TASK-SID-WT'],
    behaviour: { taskRouter: { newTaskSid: () => `WT${randomUUID()}` } },
  },
  {
    name: 'taskrouter-channel-default-null',
    description: 'A task created without TaskChannel has no Task Channel instead of "default".',
    trips: ['TR-TASK-CHANNEL-DEFAULT'],
    behaviour: { taskRouter: { taskChannelDefault: null } },
  },
  {
    name: 'taskrouter-attributes-as-object',
    description: 'A fetched task carries attributes as a JSON object instead of a JSON string.',
    trips: ['TR-ATTRIBUTES-JSON-STRING'],
    wire: rewritingTasks((task) =>
      typeof task.attributes === 'string' ? { ...task, attributes: JSON.parse(task.attributes) } : task,
    ),
  },
  {
    name: 'taskrouter-attributes-latin1',
    description:
      'Task attributes are stored as bytes and read back as Latin-1: non-ASCII keys and values come back garbled ("é" as "Ã©").',
    trips: ['TR-ATTRIBUTES-JSON-STRING'],
    wire: rewritingAttributeText((text) => Buffer.from(text, 'utf8').toString('latin1')),
  },
  {
    name: 'taskrouter-attribute-keys-case-insensitive',
    description:
      'Task attributes are kept in a case-insensitive map: "vip" and "VIP" are one key, the last value under the first spelling.',
    trips: ['TR-ATTRIBUTES-JSON-STRING'],
    wire: rewritingAttributeText((text) => JSON.stringify(caseInsensitiveKeys(JSON.parse(text)))),
  },
  {
    name: 'taskrouter-age-in-milliseconds',
    description: 'age counts milliseconds instead of seconds.',
    trips: ['TR-TASK-AGE'],
    wire: rewritingTasks((task, _request, ctx) =>
      typeof task.date_created === 'string'
        ? { ...task, age: Math.max(0, ctx.clock.now() - Date.parse(task.date_created)) }
        : task,
    ),
  },
  // ---------------------------------------------------------------- reading tasks
  {
    name: 'taskrouter-list-status-single-value',
    description: 'A repeated AssignmentStatus filter keeps only its first value.',
    trips: ['TR-LIST-ASSIGNMENT-STATUS'],
    wire: rewritingTaskListQuery((query) => {
      const [first] = query
        .getAll('AssignmentStatus')
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean);
      if (first !== undefined) query.set('AssignmentStatus', first);
    }),
  },
  {
    name: 'taskrouter-evaluate-attributes-ignored',
    description: 'EvaluateTaskAttributes is accepted but filters nothing.',
    trips: ['TR-LIST-EVALUATE-TASK-ATTRIBUTES'],
    wire: rewritingTaskListQuery((query) => query.delete('EvaluateTaskAttributes')),
  },
  {
    name: 'taskrouter-queue-name-filter-prefix',
    description:
      'FriendlyName (TaskQueues) and TaskQueueName (Tasks, Workers) filters match every queue whose name starts with the value.',
    trips: ['TR-LIST-QUEUE-NAME'],
    behaviour: {
      taskRouter: {
        queueNameMatches: (friendlyName: string, filter: string) => friendlyName.startsWith(filter),
      },
    },
  },
  {
    name: 'taskrouter-worker-name-filter-prefix',
    description:
      'The FriendlyName filter of the Workers list matches every worker whose name starts with the value (letter case aside).',
    trips: ['TR-LIST-WORKER-NAME'],
    behaviour: {
      taskRouter: {
        friendlyNameMatches: {
          workers: (friendlyName: string, filter: string) =>
            friendlyName.toLowerCase().startsWith(filter.toLowerCase()),
        },
      },
    },
  },
  {
    name: 'taskrouter-name-filter-normalised',
    description:
      'The FriendlyName filters of Workflows and Activities compare names in Unicode NFKD with the marks stripped, and by prefix: "café", "cafe\u0301" and "cafés" all match "cafe".',
    trips: ['TR-LIST-FRIENDLY-NAME'],
    behaviour: {
      taskRouter: {
        friendlyNameMatches: {
          workflows: (friendlyName: string, filter: string) =>
            withoutMarks(friendlyName).startsWith(withoutMarks(filter)),
          activities: (friendlyName: string, filter: string) =>
            withoutMarks(friendlyName).startsWith(withoutMarks(filter)),
        },
      },
    },
  },
  {
    name: 'taskrouter-available-filter-not-false',
    description:
      'The Available filter of Workers and Activities reads every value but "false" as true: "no", "0" or "" list the available ones.',
    trips: ['TR-LIST-AVAILABLE'],
    behaviour: { taskRouter: { availableFilter: (value: string) => value.trim().toLowerCase() !== 'false' } },
  },
  {
    name: 'taskrouter-activity-name-filter-substring',
    description:
      'The ActivityName filter of Workers matches every activity whose name contains the value, letter case aside (LIKE %value%): Available lists the Unavailable workers too.',
    trips: ['TR-LIST-WORKER-ACTIVITY'],
    behaviour: {
      taskRouter: {
        activityNameMatches: (activityName: string, filter: string) =>
          activityName.toLowerCase().includes(filter.toLowerCase()),
      },
    },
  },
  {
    name: 'taskrouter-activity-sid-filter-ignored',
    description: 'The ActivitySid filter of Workers is accepted but filters nothing.',
    trips: ['TR-LIST-WORKER-ACTIVITY'],
    wire: rewritingWorkerListQuery((query) => query.delete('ActivitySid')),
  },
  {
    name: 'taskrouter-ordering-ignored',
    description: 'Ordering is accepted but tasks are always listed by creation date.',
    trips: ['TR-LIST-ORDERING'],
    wire: rewritingTaskListQuery((query) => query.delete('Ordering')),
  },
] as const satisfies readonly FaultSpec[];
