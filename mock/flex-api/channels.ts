import type { Chat } from '../chat/chat';
import type { ChatChannelRecord, ChatServiceRecord } from '../chat/records';
import type { MockContext } from '../context';
import { notFound, TwilioError } from '../core/errors';
import { findTask, type MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { isoNow } from '../core/sids';
import { Table } from '../core/table';
import type { ChannelAttribute, IntegrationType } from './channel-behaviour';

interface FlexFlow {
  sid: string;
  chat_service_sid: string;
  channel_type: string;
  enabled: boolean;
  integration_type: IntegrationType;
  integration: Record<string, unknown>;
  long_lived: boolean;
}

interface FlexChannelRecord {
  readonly seq: number;
  readonly sid: string;
  readonly kind: 'chat' | 'web';
  readonly flex_flow_sid: string;
  readonly identity: string;
  readonly user_sid: string;
  readonly task_sid: string | null;
  readonly long_lived: boolean;
  readonly date_created: string;
  date_updated: string;
  readonly chat: ChatChannelRecord;
}

const ENDED = ['completed', 'canceled'];

/**
 * Flex chat channels (`/v1/Channels`, `/v1/WebChannels`): a chat channel in the Flex Flow's chat
 * service for a customer identity, set up per the Flex Flow's integration type — a studio webhook
 * (its first message starts the flow), an external webhook, or a TaskRouter task right away.
 * While the interaction lasts (its task has not ended) the same identity gets the same channel; after
 * it, a long-lived channel is kept and any other is replaced.
 */
export class FlexChannels implements MockModule {
  readonly table = new Table<FlexChannelRecord>();

  constructor(
    private readonly ctx: MockContext,
    private readonly chat: Chat,
  ) {}

  routes(): Route[] {
    const routes: Route[] = [];
    for (const [base, kind] of [
      ['/v1/Channels', 'chat'],
      ['/v1/WebChannels', 'web'],
    ] as const) {
      routes.push(
        { domain: 'flex-api', method: 'POST', pattern: base, handler: (r) => this.create(r, kind) },
        { domain: 'flex-api', method: 'GET', pattern: base, handler: (r) => this.list(r, kind, base) },
        { domain: 'flex-api', method: 'GET', pattern: `${base}/:Sid`, handler: (r) => this.fetch(r, kind) },
        {
          domain: 'flex-api',
          method: 'DELETE',
          pattern: `${base}/:Sid`,
          handler: (r) => this.remove(r, kind),
        },
      );
    }
    routes.push({
      domain: 'flex-api',
      method: 'POST',
      pattern: '/v1/WebChannels/:Sid',
      handler: (r) => this.updateWeb(r),
    });
    return routes;
  }

  private render(record: FlexChannelRecord, origin: string) {
    const common = {
      account_sid: this.ctx.accountSid,
      flex_flow_sid: record.flex_flow_sid,
      sid: record.sid,
      url: `${origin}/v1/${record.kind === 'web' ? 'WebChannels' : 'Channels'}/${record.sid}`,
      date_created: record.date_created,
      date_updated: record.date_updated,
    };
    return record.kind === 'web'
      ? common
      : { ...common, user_sid: record.user_sid, task_sid: record.task_sid };
  }

  private async create(request: MockRequest, kind: 'chat' | 'web'): Promise<MockResponse> {
    const form = request.form;
    const flexFlowSid = form.sid('FlexFlowSid', 'FO', true) as string;
    const identity = form.required('Identity');
    const userFriendlyName = form.required(kind === 'web' ? 'CustomerFriendlyName' : 'ChatUserFriendlyName');
    const chatFriendlyName = form.required('ChatFriendlyName');
    const fetched = await this.ctx.call('flex-api', 'GET', `/v1/FlexFlows/${flexFlowSid}`);
    if (fetched.status !== 200) return fetched;
    const flow = fetched.body as FlexFlow;
    const service = this.chat.findService(flow.chat_service_sid);
    if (!service) throw notFound(`/Services/${flow.chat_service_sid}`);
    const longLived = form.boolean('LongLived') ?? flow.long_lived;

    const current = await this.currentChannel(flexFlowSid, identity, kind);
    if (current) return { status: 201, body: this.render(current, request.origin) };

    const preEngagement = form.string('PreEngagementData');
    const values: Record<ChannelAttribute, unknown> = {
      status: 'ACTIVE',
      long_lived: longLived,
      from: userFriendlyName,
      channel_type: flow.channel_type,
      pre_engagement_data: preEngagement === undefined ? undefined : parseOrText(preEngagement),
    };
    const attributes = Object.fromEntries(
      this.ctx.behaviour.flexChannels.channelAttributes.map((name) => [name, values[name]]),
    );
    const chatChannel = this.chat.createChannel(service, {
      friendlyName: chatFriendlyName,
      uniqueName: form.string('ChatUniqueName') ?? null,
      attributes: JSON.stringify(attributes),
      createdBy: identity,
    });
    const userSid = this.chat.userOf(service, identity, userFriendlyName);
    this.chat.addMember(chatChannel, identity);
    let taskSid = flow.enabled
      ? await this.integrate(flow, service, chatChannel, form, userFriendlyName)
      : null;
    if (this.ctx.behaviour.flexChannels.taskSidParameterFor.includes(flow.integration_type))
      taskSid = form.sid('TaskSid', 'WT') ?? taskSid;
    const now = isoNow(this.ctx.clock.now());
    const record = this.table.insert((seq) => ({
      seq,
      sid: chatChannel.sid,
      kind,
      flex_flow_sid: flexFlowSid,
      identity,
      user_sid: userSid,
      task_sid: taskSid,
      long_lived: longLived,
      date_created: now,
      date_updated: now,
      chat: chatChannel,
    }));
    return { status: 201, body: this.render(record, request.origin) };
  }

  /**
   * The identity's channel on this Flex Flow while its interaction lasts: its newest task has not
   * ended, or the channel is long-lived. An ended, short-lived channel is marked INACTIVE.
   */
  private async currentChannel(flexFlowSid: string, identity: string, kind: 'chat' | 'web') {
    const sameCustomer = this.ctx.behaviour.flexChannels.sameCustomer;
    const existing = this.table
      .all()
      .filter(
        (record) =>
          record.flex_flow_sid === flexFlowSid &&
          sameCustomer(record.identity, identity) &&
          record.kind === kind,
      )
      .at(-1);
    if (!existing) return undefined;
    const attributes = parseOrText(existing.chat.attributes) as Record<string, unknown>;
    if (attributes.status === 'INACTIVE') return undefined;
    if (existing.long_lived && this.ctx.behaviour.flexChannels.longLivedOutlivesTask) return existing;
    const taskSid = existing.chat.taskSids.at(-1) ?? existing.task_sid;
    if (!taskSid || !(await this.taskEnded(taskSid))) return existing;
    existing.chat.attributes = JSON.stringify({ ...attributes, status: 'INACTIVE' });
    return undefined;
  }

  private async taskEnded(taskSid: string): Promise<boolean> {
    const task = await findTask(this.ctx.call, taskSid);
    return task === undefined || ENDED.includes(String(task.assignment_status));
  }

  /** Sets the channel up for the Flex Flow's integration; answers the task SID for a task integration. */
  private async integrate(
    flow: FlexFlow,
    service: ChatServiceRecord,
    channel: ChatChannelRecord,
    form: Params,
    name: string,
  ): Promise<string | null> {
    const integration = flow.integration;
    const retryCount = typeof integration.retry_count === 'number' ? integration.retry_count : 3;
    const behaviour = this.ctx.behaviour.flexChannels;
    const setup = behaviour.setupFor[flow.integration_type];
    if (setup === 'studio-webhook') {
      this.chat.addWebhook(channel, {
        type: 'studio',
        configuration: {
          url: null,
          method: null,
          filters: ['onMessageSent'],
          flow_sid: behaviour.studioFlowOf(flow.sid, String(integration.flow_sid)),
          retry_count: retryCount,
        },
      });
      return null;
    }
    if (setup === 'webhook') {
      this.chat.addWebhook(channel, {
        type: 'webhook',
        configuration: {
          url: String(integration.url),
          method: 'POST',
          filters: ['onMessageSent'],
          flow_sid: null,
          retry_count: retryCount,
        },
      });
      return null;
    }
    if (setup !== 'task' || integration.creation_on_message === true) return null;
    const taskAttributes = form.string('TaskAttributes');
    const given =
      taskAttributes === undefined ? {} : (parseOrText(taskAttributes) as Record<string, unknown>);
    const created = await this.ctx.call(
      'taskrouter',
      'POST',
      `/v1/Workspaces/${integration.workspace_sid}/Tasks`,
      {
        WorkflowSid: String(integration.workflow_sid),
        TaskChannel: String(integration.channel ?? 'default'),
        Priority: String(integration.priority ?? 0),
        Timeout: String(integration.timeout ?? 86_400),
        Attributes: JSON.stringify({
          name,
          channelType: flow.channel_type,
          channelSid: channel.sid,
          chatServiceSid: service.sid,
          ...given,
        }),
      },
    );
    if (created.status !== 201) {
      const body = created.body as { code?: number; message?: string } | undefined;
      throw new TwilioError(
        created.status,
        body?.code ?? 20001,
        body?.message ?? 'the task could not be created',
      );
    }
    const sid = (created.body as { sid: string }).sid;
    channel.taskSids.push(sid);
    return sid;
  }

  private find(request: MockRequest, kind: 'chat' | 'web'): FlexChannelRecord {
    const record = this.table.get(request.pathParams.Sid ?? '');
    if (!record || record.kind !== kind) throw notFound(request.path);
    return record;
  }

  private fetch(request: MockRequest, kind: 'chat' | 'web') {
    return { status: 200, body: this.render(this.find(request, kind), request.origin) };
  }

  private remove(request: MockRequest, kind: 'chat' | 'web') {
    this.table.delete(this.find(request, kind).sid);
    return { status: 204 };
  }

  private updateWeb(request: MockRequest) {
    const record = this.find(request, 'web');
    const status = request.form.oneOf('ChatStatus', ['inactive'] as const);
    if (status === 'inactive') {
      const attributes = parseOrText(record.chat.attributes) as Record<string, unknown>;
      record.chat.attributes = JSON.stringify({ ...attributes, status: 'INACTIVE' });
    }
    record.date_updated = isoNow(this.ctx.clock.now());
    return { status: 200, body: this.render(record, request.origin) };
  }

  private list(request: MockRequest, kind: 'chat' | 'web', path: string) {
    const key = this.ctx.behaviour.flexChannels.listKey;
    return {
      status: 200,
      body: pageOf(
        this.table.all().filter((record) => record.kind === kind),
        readPageRequest(request.query),
        {
          origin: request.origin,
          path,
          key,
          filters: [],
          render: (record) => this.render(record, request.origin),
        },
      ),
    };
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
