import { randomUUID } from 'node:crypto';
import type { MockContext } from '../context';
import { invalidParameter, missingParameter, notFound } from '../core/errors';
import { type PageMeta, pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';
import type { FaultName } from '../faults';

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
  chat_service_sid: string | null;
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
const PAGE_LIMITS = { defaultSize: 50, maxSize: 1000 };
/** The account SID of the documentation's examples. */
const EXAMPLE_ACCOUNT_SID = `AC${'a'.repeat(32)}`;

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

  /** True when the mock runs with this deliberate bug (mock/flex-api/faults.ts). */
  private fault(name: FaultName): boolean {
    return this.ctx.fault(name);
  }

  render(record: FlexFlowRecord, origin: string): Record<string, unknown> {
    const { seq: _seq, ...wire } = record;
    const rendered: Record<string, unknown> = {
      account_sid: this.fault('flexflow-account-sid-placeholder') ? EXAMPLE_ACCOUNT_SID : this.ctx.accountSid,
      ...wire,
      url: `${this.fault('flexflow-relative-url') ? '' : origin}/v1/FlexFlows/${record.sid}`,
    };
    if (this.fault('flexflow-dates-rfc2822')) {
      rendered.date_created = new Date(record.date_created).toUTCString().replace('GMT', '+0000');
      rendered.date_updated = new Date(record.date_updated).toUTCString().replace('GMT', '+0000');
    }
    if (this.fault('flexflow-omits-date-updated') && record.date_updated === record.date_created) {
      delete rendered.date_updated;
    }
    if (this.fault('flexflow-integration-camelcase'))
      rendered.integration = camelCaseKeys(record.integration);
    return rendered;
  }

  private create(request: MockRequest): MockResponse {
    const form = request.form;
    const sid = this.fault('flexflow-sid-uuid') ? `FO${randomUUID()}` : newSid('FO');
    const friendlyName = this.fault('flexflow-friendlyname-optional')
      ? (nonEmpty(form, 'FriendlyName') ?? sid)
      : form.required('FriendlyName');
    const chatServiceSid = this.chatServiceSid(form, true);
    const channelType = this.channelType(form, true) as ChannelType;
    const integrationType = this.integrationType(form) ?? 'studio';
    const now = isoNow(this.ctx.clock.now());
    const record = {
      sid,
      date_created: now,
      date_updated: now,
      friendly_name: friendlyName,
      chat_service_sid: chatServiceSid ?? null,
      channel_type: channelType,
      contact_identity:
        form.string('ContactIdentity') ?? (this.fault('flexflow-contact-identity-empty-string') ? '' : null),
      enabled: this.boolean(form, 'Enabled') ?? false,
      integration_type: integrationType,
      integration: this.integration(form, integrationType, {}),
      long_lived: this.boolean(form, 'LongLived') ?? this.fault('flexflow-longlived-default-true'),
      janitor_enabled: this.boolean(form, 'JanitorEnabled') ?? this.fault('flexflow-janitor-default-true'),
    };
    const stored = this.table.insert((seq) => ({ seq, ...record }));
    return {
      status: this.fault('flexflow-create-returns-200') ? 200 : 201,
      body: this.render(stored, request.origin),
    };
  }

  private fetch(request: MockRequest): MockResponse {
    const body = this.render(this.find(request), request.origin);
    if (this.fault('flexflow-fetch-without-integration')) delete body.integration;
    return { status: 200, body };
  }

  private update(request: MockRequest): MockResponse {
    const existing = this.findForUpdate(request);
    const form = request.form;
    const integrationType = this.integrationType(form) ?? existing.integration_type;
    const resetsUnsent = this.fault('flexflow-update-resets-unsent');
    const keepIntegration = integrationType === existing.integration_type && !resetsUnsent;
    const updated: FlexFlowRecord = {
      ...existing,
      friendly_name: nonEmpty(form, 'FriendlyName') ?? existing.friendly_name,
      chat_service_sid: this.chatServiceSid(form, false) ?? existing.chat_service_sid,
      channel_type: this.channelType(form, false) ?? existing.channel_type,
      contact_identity: form.has('ContactIdentity')
        ? (form.string('ContactIdentity') ?? null)
        : existing.contact_identity,
      enabled: this.boolean(form, 'Enabled') ?? existing.enabled,
      integration_type: integrationType,
      integration: this.integration(form, integrationType, keepIntegration ? existing.integration : {}),
      long_lived: this.boolean(form, 'LongLived') ?? (resetsUnsent ? false : existing.long_lived),
      janitor_enabled: this.boolean(form, 'JanitorEnabled') ?? existing.janitor_enabled,
      date_updated: isoNow(this.ctx.clock.now()),
    };
    this.table.replace(updated);
    return {
      status: this.fault('flexflow-update-returns-201') ? 201 : 200,
      body: this.render(updated, request.origin),
    };
  }

  private remove(request: MockRequest): MockResponse {
    const record = this.find(request);
    if (!this.fault('flexflow-delete-not-persisted')) this.table.delete(record.sid);
    if (this.fault('flexflow-delete-returns-200')) {
      return { status: 200, body: this.render(record, request.origin) };
    }
    return { status: 204 };
  }

  private list(request: MockRequest): MockResponse {
    const friendlyName = request.query.get('FriendlyName');
    const pageRequest = readPageRequest(request.query, {
      defaultSize: this.fault('flexflow-pagesize-default-20') ? 20 : PAGE_LIMITS.defaultSize,
      maxSize: this.fault('flexflow-pagesize-max-exclusive') ? PAGE_LIMITS.maxSize - 1 : PAGE_LIMITS.maxSize,
    });
    let items = this.table.all();
    if (friendlyName !== null && !this.fault('flexflow-friendlyname-filter-ignored')) {
      items = items.filter((flow) => flow.friendly_name === friendlyName);
    }
    if (this.fault('flexflow-paging-drops-item') && items.length > pageRequest.pageSize) {
      items = items.filter((_, index) => index !== pageRequest.pageSize);
    }
    const key = this.fault('flexflow-list-key-results') ? 'results' : 'flex_flows';
    const page = pageOf(items, pageRequest, {
      origin: this.fault('paging-urls-relative') ? '' : request.origin,
      path: '/v1/FlexFlows',
      key,
      filters: friendlyName !== null ? [['FriendlyName', friendlyName]] : [],
      render: (flow) => {
        const rendered = this.render(flow, request.origin);
        if (this.fault('flexflow-list-without-integration')) delete rendered.integration;
        return rendered;
      },
    });
    const meta = page.meta as PageMeta;
    if (this.fault('paging-first-page-has-previous') && meta.previous_page_url === null) {
      meta.previous_page_url = meta.url;
    }
    return { status: 200, body: page };
  }

  private find(request: MockRequest): FlexFlowRecord {
    const record = this.table.get(request.pathParams.Sid ?? '');
    if (!record) throw notFound(request.path);
    return record;
  }

  /** The flow an update applies to; the upsert fault makes an unknown SID a new studio flow. */
  private findForUpdate(request: MockRequest): FlexFlowRecord {
    const sid = request.pathParams.Sid ?? '';
    if (this.table.get(sid) || !this.fault('flexflow-update-unknown-creates')) return this.find(request);
    const now = isoNow(this.ctx.clock.now());
    return this.table.insert((seq) => ({
      seq,
      sid,
      date_created: now,
      date_updated: now,
      friendly_name: sid,
      chat_service_sid: null,
      channel_type: 'web',
      contact_identity: null,
      enabled: false,
      integration_type: 'studio',
      integration: { flow_sid: null, retry_count: RETRY_COUNT.fallback },
      long_lived: false,
      janitor_enabled: false,
    }));
  }

  private boolean(form: Params, name: string): boolean | undefined {
    if (!this.fault('booleans-truthy-strings')) return form.boolean(name);
    const value = form.string(name);
    return value === undefined ? undefined : value !== '';
  }

  private chatServiceSid(form: Params, required: boolean): string | undefined {
    const requiredHere = required && !this.fault('flexflow-chatservicesid-optional');
    if (!this.fault('flexflow-chatservicesid-prefix-unchecked')) {
      return form.sid('ChatServiceSid', 'IS', requiredHere);
    }
    const value = requiredHere ? form.required('ChatServiceSid') : form.string('ChatServiceSid');
    if (value !== undefined && !/^[A-Za-z]{2}[0-9a-fA-F]{32}$/.test(value)) {
      throw invalidParameter('ChatServiceSid', 'must be a SID');
    }
    return value;
  }

  private channelType(form: Params, required: boolean): ChannelType | undefined {
    if (required && this.fault('flexflow-channeltype-defaults-web') && !nonEmpty(form, 'ChannelType')) {
      return 'web';
    }
    if (this.fault('flexflow-channeltype-any-string')) {
      return (required ? form.required('ChannelType') : form.string('ChannelType')) as
        | ChannelType
        | undefined;
    }
    return form.oneOf('ChannelType', channelTypes, required);
  }

  private integrationType(form: Params): IntegrationType | undefined {
    if (!this.fault('flexflow-unknown-integrationtype-as-studio')) {
      return form.oneOf('IntegrationType', integrationTypes);
    }
    const value = form.string('IntegrationType');
    if (value === undefined) return undefined;
    return (integrationTypes as readonly string[]).includes(value) ? (value as IntegrationType) : 'studio';
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
    if (type === 'task') return this.taskIntegration(form, base);
    const retryBounds = this.fault('flexflow-retrycount-off-by-one') ? { min: 0, max: 4 } : RETRY_COUNT;
    const retryDefault = this.fault('flexflow-retrycount-default-1') ? 1 : RETRY_COUNT.fallback;
    const retryCount =
      form.integer('Integration.RetryCount', retryBounds) ?? base.retry_count ?? retryDefault;
    if (type === 'studio') {
      const flowSid = this.fault('flexflow-flowsid-any-prefix')
        ? (form.string('Integration.FlowSid') ?? base.flow_sid)
        : (form.sid('Integration.FlowSid', 'FW') ?? base.flow_sid);
      if (flowSid === undefined && !this.fault('flexflow-studio-skips-flowsid-check')) {
        throw missingParameter('Integration.FlowSid');
      }
      return this.withInapplicable(form, { flow_sid: flowSid ?? null, retry_count: retryCount });
    }
    const url = form.url('Integration.Url') ?? base.url;
    if (url === undefined && !this.fault('flexflow-external-skips-url-check')) {
      throw missingParameter('Integration.Url');
    }
    return this.withInapplicable(form, { url: url ?? null, retry_count: retryCount });
  }

  private taskIntegration(form: Params, base: Record<string, unknown>): Record<string, unknown> {
    const integration: Record<string, unknown> = {
      workspace_sid: this.workspaceSid(form) ?? base.workspace_sid,
      workflow_sid: this.workflowSid(form) ?? base.workflow_sid,
      channel:
        nonEmpty(form, 'Integration.Channel') ??
        base.channel ??
        (this.fault('flexflow-task-channel-no-default') ? null : 'default'),
      timeout:
        form.integer('Integration.Timeout', { min: 1, max: 1_209_600 }) ??
        base.timeout ??
        (this.fault('flexflow-task-timeout-default-3600') ? 3600 : TASK_TIMEOUT_DEFAULT),
      priority:
        form.integer('Integration.Priority', { min: 0, max: 2_147_483_647 }) ??
        base.priority ??
        (this.fault('flexflow-task-priority-unset') ? undefined : TASK_PRIORITY_DEFAULT),
    };
    if (integration.priority === undefined) delete integration.priority;
    const creationOnMessage = form.boolean('Integration.CreationOnMessage') ?? base.creation_on_message;
    if (creationOnMessage !== undefined && !this.fault('flexflow-creation-on-message-dropped')) {
      integration.creation_on_message = creationOnMessage;
    }
    if (integration.workspace_sid === undefined && !this.fault('flexflow-task-skips-workspace-check')) {
      throw missingParameter('Integration.WorkspaceSid');
    }
    if (integration.workflow_sid === undefined && !this.fault('flexflow-task-skips-workflow-check')) {
      throw missingParameter('Integration.WorkflowSid');
    }
    return integration;
  }

  private workspaceSid(form: Params): string | undefined {
    if (!this.fault('flexflow-workspacesid-prefix-only')) return form.sid('Integration.WorkspaceSid', 'WS');
    const value = form.string('Integration.WorkspaceSid');
    if (value !== undefined && !value.startsWith('WS')) {
      throw invalidParameter('Integration.WorkspaceSid', 'must start with WS');
    }
    return value;
  }

  private workflowSid(form: Params): string | undefined {
    if (!this.fault('flexflow-workflowsid-any-length')) return form.sid('Integration.WorkflowSid', 'WW');
    const value = form.string('Integration.WorkflowSid');
    if (value !== undefined && !/^WW[0-9a-fA-F]+$/.test(value)) {
      throw invalidParameter('Integration.WorkflowSid', 'must be WW followed by hex digits');
    }
    return value;
  }

  /** Fault hook: a sloppy implementation stores task-only parameters on studio/external flows. */
  private withInapplicable(form: Params, integration: Record<string, unknown>): Record<string, unknown> {
    if (!this.fault('flexflow-echoes-inapplicable-params')) return integration;
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

function camelCaseKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}
