import type { MockContext } from '../context';
import { invalidParameter, missingParameter, notFound } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, Route } from '../core/router';
import type { FlowEngine } from './engine';
import type { ExecutionRecord, ExecutionStore, StepRecord } from './execution-store';
import type { Flows } from './flows';

const executionStatuses = ['active', 'ended'] as const;

/**
 * Studio v2 Executions (the REST API trigger, `incomingRequest`), their Steps and Context: where
 * the transitions a widget took and the variables it stored are observed.
 */
export class Executions {
  constructor(
    private readonly ctx: MockContext,
    private readonly flows: Flows,
    private readonly store: ExecutionStore,
    private readonly engine: FlowEngine,
  ) {}

  routes(): Route[] {
    const base = '/v2/Flows/:FlowSid/Executions';
    return [
      { domain: 'studio', method: 'GET', pattern: base, handler: (r) => this.list(r) },
      { domain: 'studio', method: 'POST', pattern: base, handler: (r) => this.create(r) },
      { domain: 'studio', method: 'GET', pattern: `${base}/:Sid`, handler: (r) => this.fetch(r) },
      { domain: 'studio', method: 'POST', pattern: `${base}/:Sid`, handler: (r) => this.update(r) },
      { domain: 'studio', method: 'DELETE', pattern: `${base}/:Sid`, handler: (r) => this.remove(r) },
      { domain: 'studio', method: 'GET', pattern: `${base}/:Sid/Context`, handler: (r) => this.context(r) },
      { domain: 'studio', method: 'GET', pattern: `${base}/:Sid/Steps`, handler: (r) => this.steps(r) },
      {
        domain: 'studio',
        method: 'GET',
        pattern: `${base}/:Sid/Steps/:StepSid`,
        handler: (r) => this.step(r, false),
      },
      {
        domain: 'studio',
        method: 'GET',
        pattern: `${base}/:Sid/Steps/:StepSid/Context`,
        handler: (r) => this.step(r, true),
      },
    ];
  }

  private url(origin: string, execution: ExecutionRecord): string {
    return `${origin}/v2/Flows/${execution.flow_sid}/Executions/${execution.sid}`;
  }

  private render(execution: ExecutionRecord, origin: string) {
    const url = this.url(origin, execution);
    return {
      sid: execution.sid,
      account_sid: this.ctx.accountSid,
      flow_sid: execution.flow_sid,
      contact_channel_address: execution.contact_channel_address,
      contact_sid: execution.contact_sid,
      flow_version: execution.flow_version,
      context: { ...execution.context },
      status: execution.status,
      date_created: execution.date_created,
      date_updated: execution.date_updated,
      initiated_by: execution.initiated_by,
      url,
      links: { steps: `${url}/Steps`, execution_context: `${url}/Context` },
    };
  }

  private renderStep(execution: ExecutionRecord, step: StepRecord, origin: string) {
    const url = `${this.url(origin, execution)}/Steps/${step.sid}`;
    return {
      sid: step.sid,
      account_sid: this.ctx.accountSid,
      flow_sid: execution.flow_sid,
      execution_sid: execution.sid,
      parent_step_sid: null,
      name: step.name,
      context: step.context,
      transitioned_from: step.transitioned_from,
      transitioned_to: step.transitioned_to,
      type: step.type,
      date_created: step.date_created,
      date_updated: null,
      url,
      links: { step_context: `${url}/Context` },
    };
  }

  private async create(request: MockRequest) {
    const flow = this.flows.find(request.pathParams.FlowSid ?? '', request.path);
    const form = request.form;
    const { requiredOnCreate } = this.ctx.behaviour.studio.executions;
    const parameter = (name: 'To' | 'From') =>
      requiredOnCreate.includes(name) ? form.required(name) : (form.string(name) ?? '');
    const to = parameter('To');
    const from = parameter('From');
    if (Buffer.byteLength(to) + Buffer.byteLength(from) > 300) {
      throw invalidParameter('To', 'To and From parameters exceeded 300 bytes');
    }
    const parameters = form.json('Parameters');
    if (
      parameters !== undefined &&
      (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
    )
      throw invalidParameter('Parameters', 'must be a JSON object');
    const data = (parameters ?? {}) as Record<string, unknown>;
    const { execution } = await this.engine.start(flow, 'incomingRequest', {
      flowSid: flow.sid,
      flowVersion: flow.revision,
      contactAddress: to,
      flowAddress: from,
      initiatedBy: this.ctx.accountSid,
      trigger: { request: { to, from, parameters: data } },
      data,
    });
    return { status: 201, body: this.render(execution, request.origin) };
  }

  private find(request: MockRequest): ExecutionRecord {
    const flowSid = request.pathParams.FlowSid ?? '';
    this.flows.find(flowSid, request.path);
    return this.store.find(flowSid, request.pathParams.Sid ?? '', request.path);
  }

  private fetch(request: MockRequest) {
    return { status: 200, body: this.render(this.find(request), request.origin) };
  }

  private update(request: MockRequest) {
    const execution = this.find(request);
    const status = request.form.oneOf('Status', executionStatuses);
    if (status === undefined) throw missingParameter('Status');
    execution.status = status;
    if (status === 'ended') execution.waiting = undefined;
    return { status: 200, body: this.render(execution, request.origin) };
  }

  private remove(request: MockRequest) {
    const execution = this.find(request);
    this.store.table.delete(execution.sid);
    return { status: 204 };
  }

  private list(request: MockRequest) {
    const flowSid = request.pathParams.FlowSid ?? '';
    this.flows.find(flowSid, request.path);
    const status = request.query.get('status');
    if (status !== null && !(executionStatuses as readonly string[]).includes(status))
      throw invalidParameter('status', 'must be active or ended');
    const items = this.store.table
      .all()
      .filter(
        (execution) => execution.flow_sid === flowSid && (status === null || execution.status === status),
      );
    return {
      status: 200,
      body: pageOf(items, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v2/Flows/${flowSid}/Executions`,
        key: 'executions',
        filters: status !== null ? [['status', status]] : [],
        render: (execution) => this.render(execution, request.origin),
      }),
    };
  }

  private context(request: MockRequest) {
    const execution = this.find(request);
    return {
      status: 200,
      body: {
        account_sid: this.ctx.accountSid,
        context: { ...execution.context },
        flow_sid: execution.flow_sid,
        execution_sid: execution.sid,
        url: `${this.url(request.origin, execution)}/Context`,
      },
    };
  }

  private steps(request: MockRequest) {
    const execution = this.find(request);
    return {
      status: 200,
      body: pageOf(execution.steps.all(), readPageRequest(request.query), {
        origin: request.origin,
        path: `/v2/Flows/${execution.flow_sid}/Executions/${execution.sid}/Steps`,
        key: 'steps',
        filters: [],
        render: (step) => this.renderStep(execution, step, request.origin),
      }),
    };
  }

  private step(request: MockRequest, contextOnly: boolean) {
    const execution = this.find(request);
    const step = execution.steps.get(request.pathParams.StepSid ?? '');
    if (!step) throw notFound(request.path);
    if (!contextOnly) return { status: 200, body: this.renderStep(execution, step, request.origin) };
    return {
      status: 200,
      body: {
        account_sid: this.ctx.accountSid,
        context: step.context,
        flow_sid: execution.flow_sid,
        execution_sid: execution.sid,
        step_sid: step.sid,
        url: `${this.url(request.origin, execution)}/Steps/${step.sid}/Context`,
      },
    };
  }
}
