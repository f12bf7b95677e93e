import type { MockContext } from '../context';
import { missingParameter, notFound } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import type { MockRequest, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';

export const channelTypes = ['web', 'sms', 'facebook', 'whatsapp', 'line', 'custom'] as const;
export const integrationTypes = ['studio', 'external', 'task'] as const;
type ChannelType = (typeof channelTypes)[number];
type IntegrationType = (typeof integrationTypes)[number];

/** The stored Flex Flow, in wire (snake_case) shape minus the fields derived at render time. */
export interface FlexFlowRecord {
  readonly seq: number;
  readonly sid: string;
  readonly date_created: string;
  date_updated: string;
  friendly_name: string;
  chat_service_sid: string;
  channel_type: ChannelType;
  contact_identity: string | null;
  enabled: boolean;
  integration_type: IntegrationType;
  integration: Record<string, unknown>;
  long_lived: boolean;
  janitor_enabled: boolean;
}

const RETRY_COUNT = { min: 0, max: 3, fallback: 3 };
const TASK_TIMEOUT_DEFAULT = 86_400;
const TASK_PRIORITY_DEFAULT = 0;

export class FlexFlows {
  readonly table = new Table<FlexFlowRecord>();

  constructor(private readonly ctx: MockContext) {}

  routes(): Route[] {
    return [
      { domain: 'flex-api', method: 'GET', pattern: '/v1/FlexFlows', handler: (r) => this.list(r) },
      { domain: 'flex-api', method: 'POST', pattern: '/v1/FlexFlows', handler: (r) => this.create(r) },
      { domain: 'flex-api', method: 'GET', pattern: '/v1/FlexFlows/:Sid', handler: (r) => this.fetch(r) },
      { domain: 'flex-api', method: 'POST', pattern: '/v1/FlexFlows/:Sid', handler: (r) => this.update(r) },
      { domain: 'flex-api', method: 'DELETE', pattern: '/v1/FlexFlows/:Sid', handler: (r) => this.remove(r) },
    ];
  }

  render(record: FlexFlowRecord, origin: string): Record<string, unknown> {
    const { seq: _seq, ...wire } = record;
    return {
      account_sid: this.ctx.accountSid,
      ...wire,
      url: `${origin}/v1/FlexFlows/${record.sid}`,
    };
  }

  private create(request: MockRequest) {
    const form = request.form;
    const friendlyName = form.required('FriendlyName');
    const chatServiceSid = form.sid('ChatServiceSid', 'IS', true) as string;
    const channelType = this.channelType(form, true) as ChannelType;
    const integrationType = form.oneOf('IntegrationType', integrationTypes) ?? 'studio';
    const now = isoNow(this.ctx.clock.now());
    const record = {
      sid: newSid('FO'),
      date_created: now,
      date_updated: now,
      friendly_name: friendlyName,
      chat_service_sid: chatServiceSid,
      channel_type: channelType,
      contact_identity: form.string('ContactIdentity') ?? null,
      enabled: form.boolean('Enabled') ?? false,
      integration_type: integrationType,
      integration: this.integration(form, integrationType, {}),
      long_lived: this.ctx.fault('flexflow-longlived-default-true')
        ? true
        : (form.boolean('LongLived') ?? false),
      janitor_enabled: form.boolean('JanitorEnabled') ?? false,
    };
    const stored = this.table.insert((seq) => ({ seq, ...record }));
    return {
      status: this.ctx.fault('flexflow-create-returns-200') ? 200 : 201,
      body: this.render(stored, request.origin),
    };
  }

  private fetch(request: MockRequest) {
    return { status: 200, body: this.render(this.find(request), request.origin) };
  }

  private update(request: MockRequest) {
    const existing = this.find(request);
    const form = request.form;
    const integrationType = form.oneOf('IntegrationType', integrationTypes) ?? existing.integration_type;
    const keepIntegration =
      integrationType === existing.integration_type && !this.ctx.fault('flexflow-update-resets-unsent');
    const updated: FlexFlowRecord = {
      ...existing,
      friendly_name: nonEmpty(form, 'FriendlyName') ?? existing.friendly_name,
      chat_service_sid: form.sid('ChatServiceSid', 'IS') ?? existing.chat_service_sid,
      channel_type: this.channelType(form, false) ?? existing.channel_type,
      contact_identity: form.has('ContactIdentity')
        ? (form.string('ContactIdentity') ?? null)
        : existing.contact_identity,
      enabled: form.boolean('Enabled') ?? existing.enabled,
      integration_type: integrationType,
      integration: this.integration(form, integrationType, keepIntegration ? existing.integration : {}),
      long_lived:
        form.boolean('LongLived') ??
        (this.ctx.fault('flexflow-update-resets-unsent') ? false : existing.long_lived),
      janitor_enabled: form.boolean('JanitorEnabled') ?? existing.janitor_enabled,
      date_updated: isoNow(this.ctx.clock.now()),
    };
    this.table.replace(updated);
    return { status: 200, body: this.render(updated, request.origin) };
  }

  private remove(request: MockRequest) {
    const record = this.find(request);
    this.table.delete(record.sid);
    return { status: 204 };
  }

  private list(request: MockRequest) {
    const friendlyName = request.query.get('FriendlyName');
    const pageRequest = readPageRequest(request.query);
    let items = this.table.all();
    if (friendlyName !== null) items = items.filter((flow) => flow.friendly_name === friendlyName);
    if (this.ctx.fault('flexflow-paging-drops-item') && items.length > pageRequest.pageSize) {
      items = items.filter((_, index) => index !== pageRequest.pageSize);
    }
    return {
      status: 200,
      body: pageOf(items, pageRequest, {
        origin: request.origin,
        path: '/v1/FlexFlows',
        key: 'flex_flows',
        filters: friendlyName !== null ? [['FriendlyName', friendlyName]] : [],
        render: (flow) => this.render(flow, request.origin),
      }),
    };
  }

  private find(request: MockRequest): FlexFlowRecord {
    const record = this.table.get(request.pathParams.Sid ?? '');
    if (!record) throw notFound(request.path);
    return record;
  }

  private channelType(form: Params, required: boolean): ChannelType | undefined {
    if (this.ctx.fault('flexflow-channeltype-any-string')) {
      return (required ? form.required('ChannelType') : form.string('ChannelType')) as
        | ChannelType
        | undefined;
    }
    return form.oneOf('ChannelType', channelTypes, required);
  }

  /**
   * The `integration` object for a type, from the `Integration.*` parameters sent, on top of `base`
   * (the stored integration on a partial update). Conditional requirements are checked on the result;
   * parameters documented as "not applicable" to the type are ignored.
   */
  private integration(
    form: Params,
    type: IntegrationType,
    base: Record<string, unknown>,
  ): Record<string, unknown> {
    if (type === 'task') {
      const integration: Record<string, unknown> = {
        workspace_sid: form.sid('Integration.WorkspaceSid', 'WS') ?? base.workspace_sid,
        workflow_sid: form.sid('Integration.WorkflowSid', 'WW') ?? base.workflow_sid,
        channel: nonEmpty(form, 'Integration.Channel') ?? base.channel ?? 'default',
        timeout:
          form.integer('Integration.Timeout', { min: 1, max: 1_209_600 }) ??
          base.timeout ??
          TASK_TIMEOUT_DEFAULT,
        priority:
          form.integer('Integration.Priority', { min: 0, max: 2_147_483_647 }) ??
          base.priority ??
          TASK_PRIORITY_DEFAULT,
      };
      const creationOnMessage = form.boolean('Integration.CreationOnMessage') ?? base.creation_on_message;
      if (creationOnMessage !== undefined) integration.creation_on_message = creationOnMessage;
      if (integration.workspace_sid === undefined) throw missingParameter('Integration.WorkspaceSid');
      if (integration.workflow_sid === undefined && !this.ctx.fault('flexflow-task-skips-workflow-check')) {
        throw missingParameter('Integration.WorkflowSid');
      }
      return integration;
    }

    const retryBounds = this.ctx.fault('flexflow-retrycount-off-by-one') ? { min: 0, max: 4 } : RETRY_COUNT;
    const retryCount =
      form.integer('Integration.RetryCount', retryBounds) ?? base.retry_count ?? RETRY_COUNT.fallback;
    if (type === 'studio') {
      const flowSid = this.ctx.fault('flexflow-flowsid-any-prefix')
        ? (form.string('Integration.FlowSid') ?? base.flow_sid)
        : (form.sid('Integration.FlowSid', 'FW') ?? base.flow_sid);
      if (flowSid === undefined && !this.ctx.fault('flexflow-studio-skips-flowsid-check')) {
        throw missingParameter('Integration.FlowSid');
      }
      return this.withInapplicable(form, { flow_sid: flowSid ?? null, retry_count: retryCount });
    }
    const url = form.url('Integration.Url') ?? base.url;
    if (url === undefined && !this.ctx.fault('flexflow-external-skips-url-check')) {
      throw missingParameter('Integration.Url');
    }
    return this.withInapplicable(form, { url: url ?? null, retry_count: retryCount });
  }

  /** Fault hook: a sloppy implementation stores task-only parameters on studio/external flows. */
  private withInapplicable(form: Params, integration: Record<string, unknown>): Record<string, unknown> {
    if (!this.ctx.fault('flexflow-echoes-inapplicable-params')) return integration;
    const timeout = form.integer('Integration.Timeout');
    const priority = form.integer('Integration.Priority');
    return {
      ...integration,
      ...(timeout !== undefined ? { timeout } : {}),
      ...(priority !== undefined ? { priority } : {}),
    };
  }
}

function nonEmpty(form: Params, name: string): string | undefined {
  const value = form.string(name);
  return value === undefined || value === '' ? undefined : value;
}
