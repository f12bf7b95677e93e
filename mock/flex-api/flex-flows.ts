import type { MockContext } from '../context';
import { missingParameter, notFound } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { isoNow } from '../core/sids';
import { Table } from '../core/table';
import {
  type ChannelType,
  channelTypes,
  type FlexFlowBehaviour,
  type FlexFlowCreateParameter,
  type IntegrationParameter,
  type IntegrationType,
  integrationTypes,
} from './flex-flow-behaviour';

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

/** An `Integration.*` parameter as the `integration` object stores it. */
interface IntegrationMember {
  readonly member: string;
  read(form: Params): unknown;
  /** The value stored when the parameter is not sent (and not stored before); undefined leaves the member out. */
  readonly default?: unknown;
}

export class FlexFlows {
  readonly table = new Table<FlexFlowRecord>();
  /** How each `Integration.*` parameter is read and stored: made once, the behaviour being fixed. */
  private members: Record<IntegrationParameter, IntegrationMember> | undefined;

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

  private get behaviour(): FlexFlowBehaviour {
    return this.ctx.behaviour.flexFlows;
  }

  render(record: FlexFlowRecord, origin: string): Record<string, unknown> {
    const { seq: _seq, ...wire } = record;
    return { account_sid: this.ctx.accountSid, ...wire, url: `${origin}/v1/FlexFlows/${record.sid}` };
  }

  private create(request: MockRequest): MockResponse {
    const form = request.form;
    const defaults = this.behaviour.createDefaults;
    const sid = this.behaviour.newSid();
    // Whatever is not required may be left out: the flow is then named after its SID, has no chat
    // service, and is a web flow.
    const friendlyName = this.requires('FriendlyName')
      ? form.required('FriendlyName')
      : (nonEmpty(form, 'FriendlyName') ?? sid);
    const chatServiceSid = this.chatServiceSid(form, this.requires('ChatServiceSid'));
    const channelType = this.channelType(form, this.requires('ChannelType')) ?? 'web';
    const integrationType = form.oneOf('IntegrationType', integrationTypes) ?? 'studio';
    const now = isoNow(this.ctx.clock.now());
    const record = {
      sid,
      date_created: now,
      date_updated: now,
      friendly_name: friendlyName,
      chat_service_sid: chatServiceSid ?? null,
      channel_type: channelType,
      contact_identity: form.string('ContactIdentity') ?? defaults.contactIdentity,
      enabled: form.boolean('Enabled') ?? defaults.enabled,
      integration_type: integrationType,
      integration: this.integration(form, integrationType, {}),
      long_lived: form.boolean('LongLived') ?? defaults.longLived,
      janitor_enabled: form.boolean('JanitorEnabled') ?? defaults.janitorEnabled,
    };
    const stored = this.table.insert((seq) => ({ seq, ...record }));
    return { status: 201, body: this.render(stored, request.origin) };
  }

  private fetch(request: MockRequest): MockResponse {
    return { status: 200, body: this.render(this.find(request), request.origin) };
  }

  private update(request: MockRequest): MockResponse {
    const existing = this.find(request);
    const form = request.form;
    const integrationType = form.oneOf('IntegrationType', integrationTypes) ?? existing.integration_type;
    // What an unsent field keeps: its stored value, or (without partial updates) its create default.
    const defaults = this.behaviour.createDefaults;
    const kept = this.behaviour.partialUpdate
      ? existing
      : {
          ...existing,
          contact_identity: defaults.contactIdentity,
          enabled: defaults.enabled,
          integration: {},
          long_lived: defaults.longLived,
          janitor_enabled: defaults.janitorEnabled,
        };
    const updated: FlexFlowRecord = {
      ...existing,
      friendly_name: nonEmpty(form, 'FriendlyName') ?? existing.friendly_name,
      chat_service_sid: this.chatServiceSid(form, false) ?? existing.chat_service_sid,
      channel_type: this.channelType(form, false) ?? existing.channel_type,
      contact_identity: form.has('ContactIdentity')
        ? (form.string('ContactIdentity') ?? null)
        : kept.contact_identity,
      enabled: form.boolean('Enabled') ?? kept.enabled,
      integration_type: integrationType,
      integration: this.integration(
        form,
        integrationType,
        integrationType === existing.integration_type ? kept.integration : {},
      ),
      long_lived: form.boolean('LongLived') ?? kept.long_lived,
      janitor_enabled: form.boolean('JanitorEnabled') ?? kept.janitor_enabled,
      date_updated: isoNow(this.ctx.clock.now()),
    };
    this.table.replace(updated);
    return { status: 200, body: this.render(updated, request.origin) };
  }

  private remove(request: MockRequest): MockResponse {
    this.table.delete(this.find(request).sid);
    return { status: 204 };
  }

  private list(request: MockRequest): MockResponse {
    const friendlyName = request.query.get('FriendlyName');
    const { pageSize } = this.behaviour;
    const pageRequest = readPageRequest(request.query, {
      defaultSize: pageSize.default,
      maxSize: pageSize.max,
    });
    let items = this.table.all();
    if (friendlyName !== null)
      items = items.filter((flow) => this.behaviour.friendlyNameMatches(flow.friendly_name, friendlyName));
    const page = pageOf(items, pageRequest, {
      origin: request.origin,
      path: '/v1/FlexFlows',
      key: 'flex_flows',
      filters: friendlyName !== null ? [['FriendlyName', friendlyName]] : [],
      render: (flow) => this.render(flow, request.origin),
    });
    return { status: 200, body: page };
  }

  private find(request: MockRequest): FlexFlowRecord {
    const record = this.table.get(request.pathParams.Sid ?? '');
    if (!record) throw notFound(request.path);
    return record;
  }

  private requires(parameter: FlexFlowCreateParameter): boolean {
    return this.behaviour.requiredOnCreate.includes(parameter);
  }

  private chatServiceSid(form: Params, required: boolean): string | undefined {
    return form.matching('ChatServiceSid', this.behaviour.sidPatterns.ChatServiceSid, required);
  }

  private channelType(form: Params, required: boolean): ChannelType | undefined {
    if (this.behaviour.channelTypeIsEnum) return form.oneOf('ChannelType', channelTypes, required);
    return (required ? form.required('ChannelType') : form.string('ChannelType')) as ChannelType | undefined;
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
    this.members ??= this.integrationMembers();
    const members = this.members;
    const takes = this.behaviour.integrationParameters[type];
    // Every parameter the type takes is validated, in the order of `integrationMembers`.
    const sent = new Map<IntegrationParameter, unknown>();
    for (const parameter of Object.keys(members) as IntegrationParameter[]) {
      if (takes.includes(parameter)) sent.set(parameter, members[parameter].read(form));
    }
    const value = (parameter: IntegrationParameter) => sent.get(parameter) ?? base[members[parameter].member];
    for (const parameter of this.behaviour.requiredIntegration[type]) {
      if (value(parameter) === undefined) throw missingParameter(`Integration.${parameter}`);
    }
    const integration: Record<string, unknown> = {};
    for (const parameter of takes) {
      const { member, default: fallback } = members[parameter];
      const stored = value(parameter) ?? fallback;
      if (stored !== undefined) integration[member] = stored;
    }
    return integration;
  }

  /** How each `Integration.*` parameter is read and stored, in the order they are validated. */
  private integrationMembers(): Record<IntegrationParameter, IntegrationMember> {
    const { sidPatterns, retryCount, taskTimeout, taskPriority } = this.behaviour;
    const sid = (name: keyof typeof sidPatterns) => (form: Params) => form.matching(name, sidPatterns[name]);
    return {
      RetryCount: {
        member: 'retry_count',
        read: (form) => form.integer('Integration.RetryCount', retryCount),
        default: retryCount.default,
      },
      FlowSid: { member: 'flow_sid', read: sid('Integration.FlowSid'), default: null },
      Url: { member: 'url', read: (form) => form.url('Integration.Url'), default: null },
      WorkspaceSid: { member: 'workspace_sid', read: sid('Integration.WorkspaceSid') },
      WorkflowSid: { member: 'workflow_sid', read: sid('Integration.WorkflowSid') },
      Channel: {
        member: 'channel',
        read: (form) => nonEmpty(form, 'Integration.Channel'),
        default: this.behaviour.taskChannelDefault,
      },
      Timeout: {
        member: 'timeout',
        read: (form) => form.integer('Integration.Timeout', taskTimeout),
        default: taskTimeout.default,
      },
      Priority: {
        member: 'priority',
        read: (form) => form.integer('Integration.Priority', taskPriority),
        default: taskPriority.default,
      },
      CreationOnMessage: {
        member: 'creation_on_message',
        read: (form) => form.boolean('Integration.CreationOnMessage'),
      },
    };
  }
}

function nonEmpty(form: Params, name: string): string | undefined {
  const value = form.string(name);
  return value === undefined || value === '' ? undefined : value;
}
