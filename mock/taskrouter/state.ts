import type { MockContext } from '../context';
import { invalidParameter, notFound } from '../core/errors';
import type { Params } from '../core/params';
import type { MockRequest } from '../core/router';
import { Table } from '../core/table';
import { AssignmentEngine } from './engine';
import type { WorkspaceRecord, WorkspaceState } from './records';
import type { RenderScope } from './render';

/** The account's TaskRouter: its workspaces and the engine that assigns their tasks. */
export class TaskRouterState {
  readonly workspaceRecords = new Table<WorkspaceRecord>();
  private readonly states = new Map<string, WorkspaceState>();
  readonly engine: AssignmentEngine;

  constructor(readonly ctx: MockContext) {
    this.engine = new AssignmentEngine(ctx, (workspace) => this.states.get(workspace.sid) === workspace);
  }

  now(): number {
    return this.ctx.clock.now();
  }

  add(state: WorkspaceState): void {
    this.states.set(state.sid, state);
  }

  remove(state: WorkspaceState): void {
    this.engine.forgetWorkspace(state);
    this.states.delete(state.sid);
    this.workspaceRecords.delete(state.sid);
  }

  get(sid: string): WorkspaceState | undefined {
    return this.states.get(sid);
  }

  /**
   * The workspace a request addresses (`:WorkspaceSid`, or `:Sid` on the workspace itself), brought
   * up to date with the clock first; 404 when there is none.
   */
  workspace(request: MockRequest): WorkspaceState {
    const sid = request.pathParams.WorkspaceSid ?? request.pathParams.Sid ?? '';
    const state = this.states.get(sid);
    if (!state) throw notFound(request.path);
    this.engine.settle(state);
    return state;
  }

  scope(request: MockRequest, workspace: WorkspaceState): RenderScope {
    return {
      accountSid: this.ctx.accountSid,
      origin: request.origin,
      now: this.now(),
      workspace,
    };
  }
}

/** A record of a workspace table by the path's `:Sid` (or another parameter), or 404. */
export function findIn<T extends { readonly sid: string; readonly seq: number }>(
  table: Table<T>,
  request: MockRequest,
  param = 'Sid',
): T {
  const record = table.get(request.pathParams[param] ?? '');
  if (!record) throw notFound(request.path);
  return record;
}

/** A JSON-object string parameter (`Attributes`), or undefined when absent; 400 when it is not a JSON object. */
export function jsonObjectParam(form: Params, name: string): string | undefined {
  const value = form.string(name);
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalidParameter(name, 'must be a valid JSON string');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidParameter(name, 'must be a JSON object');
  }
  return value;
}
