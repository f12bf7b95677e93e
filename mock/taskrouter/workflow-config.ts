import { invalidParameter } from '../core/errors';
import { isJsonObject } from '../core/json';
import { type ExpressionError, parseExpression } from './expression';
import type { WorkflowFilter, WorkflowRouting, WorkflowTarget, WorkspaceState } from './records';

/**
 * Reads a Workflow `Configuration` JSON string:
 *
 *   {"task_routing": {"filters": [{"filter_friendly_name": "…", "expression": "type == 'sales'",
 *     "targets": [{"queue": "WQ…", "priority": 5, "expression": "worker.level > 2"}]}],
 *     "default_filter": {"queue": "WQ…"}}}
 *
 * Every queue named must exist in the workspace; a malformed document is a 400.
 */
export function readWorkflowConfiguration(source: string, workspace: WorkspaceState): WorkflowRouting {
  const fail = (reason: string) => invalidParameter('Configuration', reason);
  let document: unknown;
  try {
    document = JSON.parse(source);
  } catch {
    throw fail('must be a valid JSON string');
  }
  const routing = objectField(document, 'task_routing');
  if (!routing) throw fail('must contain a task_routing object');
  const filters = routing.filters ?? [];
  if (!Array.isArray(filters)) throw fail('task_routing.filters must be an array');

  const knownQueue = (value: unknown, where: string): string => {
    if (typeof value !== 'string' || !workspace.taskQueues.get(value)) {
      throw fail(`${where} names no TaskQueue of this Workspace`);
    }
    return value;
  };
  const expression = (value: unknown, where: string) => {
    if (typeof value !== 'string') throw fail(`${where} must be a string`);
    try {
      return parseExpression(value);
    } catch (error) {
      throw fail(`${where} is not a valid expression (${(error as ExpressionError).message})`);
    }
  };

  const parsedFilters: WorkflowFilter[] = filters.map((filter: unknown, i: number) => {
    const where = `task_routing.filters[${i}]`;
    if (!isJsonObject(filter)) throw fail(`${where} must be an object`);
    const targets = filter.targets;
    if (!Array.isArray(targets) || targets.length === 0)
      throw fail(`${where}.targets must be a non-empty array`);
    return {
      expression: expression(filter.expression, `${where}.expression`),
      targets: targets.map((target: unknown, j: number): WorkflowTarget => {
        const at = `${where}.targets[${j}]`;
        if (!isJsonObject(target)) throw fail(`${at} must be an object`);
        const priority = target.priority;
        if (
          priority !== undefined &&
          (typeof priority !== 'number' ||
            !Number.isInteger(priority) ||
            priority < 0 ||
            priority > 2_147_483_647)
        ) {
          throw fail(`${at}.priority must be an integer from 0 to 2147483647`);
        }
        return {
          queue: knownQueue(target.queue, `${at}.queue`),
          ...(priority !== undefined ? { priority } : {}),
          ...(target.expression !== undefined
            ? { expression: expression(target.expression, `${at}.expression`) }
            : {}),
        };
      }),
    };
  });

  const defaultFilter = routing.default_filter;
  if (defaultFilter !== undefined && !isJsonObject(defaultFilter))
    throw fail('task_routing.default_filter must be an object');
  return {
    filters: parsedFilters,
    ...(defaultFilter
      ? { defaultQueue: knownQueue(defaultFilter.queue, 'task_routing.default_filter.queue') }
      : {}),
  };
}

function objectField(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isJsonObject(value)) return undefined;
  const field = value[key];
  return isJsonObject(field) ? field : undefined;
}

/** Whether a workflow still refers to a queue (a queue in use cannot be deleted). */
export function workflowUsesQueue(routing: WorkflowRouting, queueSid: string): boolean {
  return (
    routing.defaultQueue === queueSid ||
    routing.filters.some((filter) => filter.targets.some((target) => target.queue === queueSid))
  );
}
