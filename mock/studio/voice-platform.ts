import type { MockContext } from '../context';
import type { EnqueueRequest } from './engine';
import type { EnqueueOutcome } from './execution-store';
import { createTask } from './task-routing';

const TWO_WEEKS = 1_209_600;

/**
 * Stands in for Twilio's voice platform executing `<Enqueue workflowSid><Task>`: it creates the
 * TaskRouter task of the call on the voice Task Channel, with the `<Task>` attributes plus the
 * call's `call_sid`. A `<Task>` whose priority or timeout TaskRouter cannot take leaves the call
 * unqueued.
 */
export async function enqueueCall(
  ctx: MockContext,
  request: EnqueueRequest,
  callSid: string,
): Promise<EnqueueOutcome> {
  let attributes: Record<string, unknown>;
  try {
    attributes = { ...(JSON.parse(request.attributes) as Record<string, unknown>), call_sid: callSid };
  } catch {
    return { kind: 'failed', reason: 'the <Task> body is not JSON' };
  }
  if (request.timeout !== undefined && !inRange(request.timeout, 1, TWO_WEEKS))
    return { kind: 'failed', reason: `timeout ${request.timeout} is not between 1 and ${TWO_WEEKS}` };
  if (request.priority !== undefined && !inRange(request.priority, 0, 2_147_483_647))
    return { kind: 'failed', reason: `priority ${request.priority} is not between 0 and 2147483647` };
  const created = await createTask(ctx, {
    workflowSid: request.workflowSid,
    taskChannel: 'voice',
    attributes: JSON.stringify(attributes),
    priority: request.priority,
    timeout: request.timeout,
  });
  if (!created.ok) return { kind: 'failed', reason: created.reason };
  return {
    kind: 'created',
    taskSid: created.task.sid,
    attributes:
      typeof created.task.attributes === 'string' ? created.task.attributes : JSON.stringify(attributes),
    dateCreated: ctx.clock.now(),
  };
}

function inRange(value: string, min: number, max: number): boolean {
  if (!/^-?\d+$/.test(value.trim())) return false;
  const n = Number(value);
  return n >= min && n <= max;
}
