import { invalidParameter } from '../core/errors';
import {
  attributeResolver,
  type Expression,
  type ExpressionError,
  evaluate,
  parseExpression,
} from './expression';
import { parsedAttributes, type TaskRecord, taskStatuses, type WorkspaceState } from './records';

/** A listed task with the position it is paged by (its place in the requested order). */
export interface ListedTask {
  readonly seq: number;
  readonly task: TaskRecord;
}

type SortKey = 'DateCreated' | 'Priority' | 'VirtualStartTime';
const sortKeys: readonly SortKey[] = ['DateCreated', 'Priority', 'VirtualStartTime'];

/**
 * The tasks `GET …/Tasks` returns for its query: filters Priority, AssignmentStatus (repeated or
 * comma-separated), WorkflowSid, WorkflowName, TaskQueueSid, TaskQueueName and
 * EvaluateTaskAttributes; `Ordering` such as `Priority:desc,DateCreated:asc` (default DateCreated
 * ascending). Also the filters to echo into the page URLs.
 */
export function listTasks(
  workspace: WorkspaceState,
  query: URLSearchParams,
  queueNameMatches: (friendlyName: string, filter: string) => boolean,
): { items: ListedTask[]; filters: [string, string][] } {
  const filters: [string, string][] = [];
  let tasks = workspace.tasks.all();
  const keep = (name: string, predicate: (value: string) => (task: TaskRecord) => boolean) => {
    const value = query.get(name);
    if (value === null) return;
    filters.push([name, value]);
    tasks = tasks.filter(predicate(value));
  };

  keep('Priority', (value) => {
    if (!/^\d+$/.test(value)) throw invalidParameter('Priority', 'must be an integer');
    return (task) => task.priority === Number(value);
  });

  const statuses = query
    .getAll('AssignmentStatus')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (statuses.length > 0) {
    for (const status of statuses) {
      if (!(taskStatuses as readonly string[]).includes(status)) {
        throw invalidParameter('AssignmentStatus', `must be one of ${taskStatuses.join(', ')}`);
      }
    }
    filters.push(['AssignmentStatus', statuses.join(',')]);
    tasks = tasks.filter((task) => statuses.includes(task.assignmentStatus));
  }

  keep('WorkflowSid', (sid) => (task) => task.workflowSid === sid);
  keep(
    'WorkflowName',
    (name) => (task) => workspace.workflows.get(task.workflowSid ?? '')?.friendlyName === name,
  );
  keep('TaskQueueSid', (sid) => (task) => task.taskQueueSid === sid);
  keep('TaskQueueName', (name) => (task) => {
    const queue = workspace.taskQueues.get(task.taskQueueSid ?? '');
    return queue !== undefined && queueNameMatches(queue.friendlyName, name);
  });
  keep('EvaluateTaskAttributes', (source) => {
    const expression = attributesExpression(source);
    return (task) => evaluate(expression, attributeResolver(parsedAttributes(task.attributes)));
  });

  const ordering = query.get('Ordering');
  if (ordering !== null) {
    filters.push(['Ordering', ordering]);
    tasks = [...tasks].sort(readOrdering(ordering));
  }
  return { items: tasks.map((task, index) => ({ seq: index + 1, task })), filters };
}

function attributesExpression(source: string): Expression {
  try {
    return parseExpression(source);
  } catch (error) {
    throw invalidParameter(
      'EvaluateTaskAttributes',
      `is not a valid expression (${(error as ExpressionError).message})`,
    );
  }
}

/** `Attribute:Order` pairs, comma-separated; DateCreated and VirtualStartTime may not be paired. */
function readOrdering(ordering: string): (a: TaskRecord, b: TaskRecord) => number {
  const pairs = ordering.split(',').map((pair) => {
    const [key = '', direction = 'asc', ...rest] = pair.trim().split(':');
    if (
      !(sortKeys as readonly string[]).includes(key) ||
      !['asc', 'desc'].includes(direction) ||
      rest.length > 0
    ) {
      throw invalidParameter(
        'Ordering',
        'must be Attribute:Order pairs with Attribute DateCreated, Priority or VirtualStartTime and Order asc or desc',
      );
    }
    return { key: key as SortKey, sign: direction === 'asc' ? 1 : -1 };
  });
  const keys = pairs.map((pair) => pair.key);
  if (keys.includes('DateCreated') && keys.includes('VirtualStartTime')) {
    throw invalidParameter('Ordering', 'DateCreated and VirtualStartTime cannot be paired');
  }
  // tasks created in the same millisecond keep their creation order within a date key
  const difference = (a: TaskRecord, b: TaskRecord, key: SortKey) =>
    key === 'Priority'
      ? a.priority - b.priority
      : (key === 'DateCreated' ? a.createdAt - b.createdAt : a.virtualStartTime - b.virtualStartTime) ||
        a.seq - b.seq;
  return (a, b) => {
    for (const { key, sign } of pairs) {
      const delta = difference(a, b, key);
      if (delta !== 0) return sign * delta;
    }
    return a.seq - b.seq;
  };
}
