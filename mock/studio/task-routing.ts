import type { MockContext } from '../context';
import type { MockResponse } from '../core/router';

/**
 * How Studio and the voice platform reach TaskRouter: only through its REST API, in-process
 * (`ctx.call`), so a TaskRouter error answer is exactly what a real account would return.
 */

interface WorkspacePage {
  readonly workspaces?: ReadonlyArray<{ readonly sid?: unknown }>;
}

/** The workspace that owns a workflow, found through TaskRouter's list and fetch. */
export async function workspaceOfWorkflow(
  ctx: MockContext,
  workflowSid: string,
): Promise<string | undefined> {
  if (!/^WW[0-9a-fA-F]{32}$/.test(workflowSid)) return undefined;
  const list = await ctx.call('taskrouter', 'GET', '/v1/Workspaces?PageSize=1000');
  if (list.status !== 200) return undefined;
  for (const workspace of (list.body as WorkspacePage).workspaces ?? []) {
    if (typeof workspace.sid !== 'string') continue;
    const found = await ctx.call(
      'taskrouter',
      'GET',
      `/v1/Workspaces/${workspace.sid}/Workflows/${workflowSid}`,
    );
    if (found.status === 200) return workspace.sid;
  }
  return undefined;
}

export interface TaskParameters {
  readonly workflowSid: string;
  readonly taskChannel?: string;
  readonly attributes: string;
  readonly priority?: string;
  readonly timeout?: string;
}

export type TaskCreation =
  | { readonly ok: true; readonly task: Readonly<Record<string, unknown>> & { readonly sid: string } }
  | { readonly ok: false; readonly response: MockResponse; readonly reason: string };

/** POST /v1/Workspaces/{WS}/Tasks with the parameters a Send to Flex widget sends. */
export async function createTask(ctx: MockContext, parameters: TaskParameters): Promise<TaskCreation> {
  const workspaceSid = await workspaceOfWorkflow(ctx, parameters.workflowSid);
  if (!workspaceSid) {
    return {
      ok: false,
      response: { status: 404 },
      reason: `workflow ${parameters.workflowSid} is in no workspace of the account`,
    };
  }
  const workflowSid = await ctx.behaviour.studio.sendToFlex.workflowOf(
    ctx.call,
    workspaceSid,
    parameters.workflowSid,
  );
  const form: Record<string, string> = { WorkflowSid: workflowSid, Attributes: parameters.attributes };
  if (parameters.taskChannel !== undefined) form.TaskChannel = parameters.taskChannel;
  if (parameters.priority !== undefined) form.Priority = parameters.priority;
  if (parameters.timeout !== undefined) form.Timeout = parameters.timeout;
  const response = await ctx.call('taskrouter', 'POST', `/v1/Workspaces/${workspaceSid}/Tasks`, form);
  const task = response.body as Record<string, unknown> | undefined;
  if (response.status === 201 && typeof task?.sid === 'string')
    return { ok: true, task: task as Record<string, unknown> & { sid: string } };
  const message = (task as { message?: unknown } | undefined)?.message;
  return { ok: false, response, reason: typeof message === 'string' ? message : `status ${response.status}` };
}
