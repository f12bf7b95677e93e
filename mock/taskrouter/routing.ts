import type { MockContext } from '../context';
import { attributeResolver, evaluate } from './expression';
import { parsedAttributes, type TaskRecord, type WorkflowTarget, type WorkspaceState } from './records';

/**
 * Where a Workflow sends a task: the first target of the first filter whose expression matches
 * the task's attributes, else the default filter's queue, else nowhere (the task waits unrouted).
 */
export function routeTask(workspace: WorkspaceState, task: TaskRecord): WorkflowTarget | null {
  const workflow = task.workflowSid ? workspace.workflows.get(task.workflowSid) : undefined;
  if (!workflow) return null;
  const resolve = attributeResolver(parsedAttributes(task.attributes));
  for (const filter of workflow.routing.filters) {
    const target = filter.targets[0];
    if (target && evaluate(filter.expression, resolve)) return target;
  }
  return workflow.routing.defaultQueue ? { queue: workflow.routing.defaultQueue } : null;
}

/**
 * The priority a task takes: a Workflow target with a priority overrides the one supplied;
 * without either the task has priority 0 (the behaviour's `prioritySources` and `priority.default`).
 */
export function effectivePriority(
  ctx: MockContext,
  target: WorkflowTarget | null,
  supplied: number | undefined,
): number {
  const { prioritySources, priority } = ctx.behaviour.taskRouter;
  const given = { target: target?.priority, request: supplied };
  for (const source of prioritySources) {
    const value = given[source];
    if (value !== undefined) return value;
  }
  return priority.default;
}

/** Places a task in the queue its Workflow routes it to, as of `now`. */
export function placeTask(
  ctx: MockContext,
  workspace: WorkspaceState,
  task: TaskRecord,
  suppliedPriority: number | undefined,
  now: number,
): void {
  const target = routeTask(workspace, task);
  const queueChanged = (target?.queue ?? null) !== task.taskQueueSid;
  task.target = target;
  task.taskQueueSid = target?.queue ?? null;
  if (queueChanged) task.taskQueueEnteredAt = target ? now : null;
  task.priority = effectivePriority(ctx, target, suppliedPriority);
}
