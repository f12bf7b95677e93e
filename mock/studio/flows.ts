import type { MockContext } from '../context';
import { missingParameter, notFound, TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import type { MockRequest, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';
import { type FlowDefinition, type ValidationFailure, validateDefinition } from './definition';

const statuses = ['draft', 'published'] as const;
type FlowStatus = (typeof statuses)[number];

export interface FlowRecord {
  readonly seq: number;
  readonly sid: string;
  readonly date_created: string;
  date_updated: string | null;
  friendly_name: string;
  status: FlowStatus;
  definition: FlowDefinition;
  revision: number;
  commit_message: string | null;
}

/** Error 81022: the definition failed validation; `details.errors` lists every failure. */
export const invalidDefinition = (failures: readonly ValidationFailure[]) =>
  new TwilioError(400, 81022, 'Flow definition validation failed', { errors: failures });

/** Studio v2 Flows: create, fetch, update, delete, list, and Validate. */
export class Flows {
  readonly table = new Table<FlowRecord>();
  /** Each flow's revisions, oldest first: the flow as each create and update left it (`seq` its revision). */
  readonly revisions = new Map<string, FlowRecord[]>();

  constructor(
    private readonly ctx: MockContext,
    /** Called when a flow is deleted, so its executions go with it. */
    private readonly onRemove: (flowSid: string) => void = () => {},
  ) {}

  routes(): Route[] {
    return [
      { domain: 'studio', method: 'POST', pattern: '/v2/Flows/Validate', handler: (r) => this.validate(r) },
      { domain: 'studio', method: 'GET', pattern: '/v2/Flows', handler: (r) => this.list(r) },
      { domain: 'studio', method: 'POST', pattern: '/v2/Flows', handler: (r) => this.create(r) },
      { domain: 'studio', method: 'GET', pattern: '/v2/Flows/:Sid', handler: (r) => this.fetch(r) },
      { domain: 'studio', method: 'POST', pattern: '/v2/Flows/:Sid', handler: (r) => this.update(r) },
      { domain: 'studio', method: 'DELETE', pattern: '/v2/Flows/:Sid', handler: (r) => this.remove(r) },
    ];
  }

  /** The flow's voice webhook, on the webhooks domain (webhooks.twilio.com on a real account). */
  webhookUrl(origin: string, flowSid: string): string {
    return `${origin}/v1/Accounts/${this.ctx.accountSid}/Flows/${flowSid}`;
  }

  render(flow: FlowRecord, origin: string): Record<string, unknown> {
    const url = `${origin}/v2/Flows/${flow.sid}`;
    return {
      sid: flow.sid,
      account_sid: this.ctx.accountSid,
      author_sid: null,
      friendly_name: flow.friendly_name,
      definition: flow.definition,
      status: flow.status,
      revision: flow.revision,
      commit_message: flow.commit_message,
      valid: true,
      errors: [],
      warnings: [],
      date_created: flow.date_created,
      date_updated: flow.date_updated,
      webhook_url: this.webhookUrl(origin, flow.sid),
      url,
      links: {
        test_users: `${url}/TestUsers`,
        revisions: `${url}/Revisions`,
        executions: `${url}/Executions`,
      },
    };
  }

  find(sid: string, path: string): FlowRecord {
    const flow = this.table.get(sid);
    if (!flow) throw notFound(path);
    return flow;
  }

  private readCreate(form: Params) {
    const friendlyName = form.required('FriendlyName');
    const status = form.oneOf('Status', statuses, true) as FlowStatus;
    const definition = this.readDefinition(form, true) as FlowDefinition;
    return { friendlyName, status, definition, commitMessage: form.string('CommitMessage') ?? null };
  }

  private readDefinition(form: Params, required: boolean): FlowDefinition | undefined {
    const raw = form.json('Definition', required);
    if (raw === undefined) return undefined;
    const failures = validateDefinition(raw, this.ctx.behaviour.studio.definition);
    if (failures.length > 0) throw invalidDefinition(failures);
    return raw as FlowDefinition;
  }

  private validate(request: MockRequest) {
    this.readCreate(request.form);
    return { status: 200, body: { valid: true } };
  }

  private create(request: MockRequest) {
    const { friendlyName, status, definition, commitMessage } = this.readCreate(request.form);
    const flow = this.store(friendlyName, status, definition, commitMessage);
    return { status: 201, body: this.render(flow, request.origin) };
  }

  private store(friendlyName: string, status: FlowStatus, definition: FlowDefinition, commit: string | null) {
    const now = isoNow(this.ctx.clock.now());
    const flow = this.table.insert((seq) => ({
      seq,
      sid: newSid('FW'),
      date_created: now,
      date_updated: null,
      friendly_name: friendlyName,
      status,
      definition,
      revision: 1,
      commit_message: commit,
    }));
    this.revisions.set(flow.sid, [{ ...flow, seq: flow.revision }]);
    return flow;
  }

  private fetch(request: MockRequest) {
    return {
      status: 200,
      body: this.render(this.find(request.pathParams.Sid ?? '', request.path), request.origin),
    };
  }

  private update(request: MockRequest) {
    const flow = this.find(request.pathParams.Sid ?? '', request.path);
    const form = request.form;
    const status = form.oneOf('Status', statuses);
    if (status === undefined) throw missingParameter('Status');
    const definition = this.readDefinition(form, false);
    const updated: FlowRecord = {
      ...flow,
      status,
      friendly_name: form.string('FriendlyName') || flow.friendly_name,
      definition: definition ?? flow.definition,
      commit_message: form.string('CommitMessage') ?? flow.commit_message,
      revision: flow.revision + 1,
      date_updated: isoNow(this.ctx.clock.now()),
    };
    this.table.replace(updated);
    this.revisions.get(updated.sid)?.push({ ...updated, seq: updated.revision });
    return { status: 200, body: this.render(updated, request.origin) };
  }

  private remove(request: MockRequest) {
    const flow = this.find(request.pathParams.Sid ?? '', request.path);
    this.table.delete(flow.sid);
    this.revisions.delete(flow.sid);
    this.onRemove(flow.sid);
    return { status: 204 };
  }

  private list(request: MockRequest) {
    const pageRequest = readPageRequest(request.query);
    return {
      status: 200,
      body: pageOf(this.table.all(), pageRequest, {
        origin: request.origin,
        path: '/v2/Flows',
        key: 'flows',
        filters: [],
        render: (flow) => ({ ...this.render(flow, request.origin), definition: null }),
      }),
    };
  }
}
