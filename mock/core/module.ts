import type { Domain } from '../../contracts/domains';
import type { MockResponse, Route } from './router';

/** A piece of the emulator: one resource or engine of one Twilio domain. */
export interface MockModule {
  routes(): Route[];
  /** Stops timers the module started (TaskRouter timeouts, for instance). */
  close?(): void;
}

/**
 * Calls another domain's route in-process, as Twilio's own services call each other's APIs.
 * Errors come back as responses (status and Twilio error body), exactly as over HTTP.
 */
export type DomainCall = (
  domain: Domain,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  form?: Record<string, string>,
) => Promise<MockResponse>;

/** A TaskRouter task as its resource, from whichever workspace holds it; undefined when none does. */
export async function findTask(
  call: DomainCall,
  taskSid: string,
): Promise<Record<string, unknown> | undefined> {
  const workspaces = await call('taskrouter', 'GET', '/v1/Workspaces?PageSize=1000');
  for (const workspace of (workspaces.body as { workspaces?: Array<{ sid: string }> }).workspaces ?? []) {
    const task = await call('taskrouter', 'GET', `/v1/Workspaces/${workspace.sid}/Tasks/${taskSid}`);
    if (task.status === 200) return task.body as Record<string, unknown>;
  }
  return undefined;
}
