import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import type { MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';
import type { StudioTriggers } from '../studio/triggers';
import { ChannelWebhooks } from './channel-webhooks';
import {
  renderChannel,
  renderMember,
  renderMessage,
  renderRole,
  renderService,
  renderUser,
  renderWebhook,
  roleSidOf,
} from './chat-resources';
import type {
  ChannelWebhookRecord,
  ChatChannelRecord,
  ChatMemberRecord,
  ChatMessageRecord,
  ChatServiceRecord,
  ChatUserRecord,
} from './records';
import { type DefaultRole, defaultRolePermissions } from './roles';

type Child = 'Members' | 'Messages' | 'Webhooks';
const childTable = { Members: 'members', Messages: 'messages', Webhooks: 'webhooks' } as const;

/**
 * Programmable Chat v2, as far as Flex's legacy messaging uses it: services, channels with their
 * members, messages and channel webhooks. A customer's message (POST …/Messages) sets off the
 * channel's webhooks: that is how a Flex Flow's Studio flow or external webhook gets it.
 */
export class Chat implements MockModule {
  readonly services = new Table<ChatServiceRecord>();
  private readonly webhooks: ChannelWebhooks;

  constructor(
    private readonly ctx: MockContext,
    studio: StudioTriggers,
  ) {
    this.webhooks = new ChannelWebhooks(ctx, studio);
  }

  routes(): Route[] {
    const services = '/v2/Services';
    const channels = `${services}/:ServiceSid/Channels`;
    const route = (method: Route['method'], pattern: string, handler: Route['handler']): Route => ({
      domain: 'chat',
      method,
      pattern,
      handler,
    });
    const children: Route[] = (['Members', 'Messages', 'Webhooks'] as const).flatMap((child) => [
      route('GET', `${channels}/:ChannelSid/${child}`, (r) => this.listChildren(r, child)),
      route('GET', `${channels}/:ChannelSid/${child}/:Sid`, (r) => this.fetchChild(r, child)),
    ]);
    return [
      route('POST', services, (r) => this.createService(r)),
      route('GET', services, (r) => this.listServices(r)),
      route('GET', `${services}/:Sid`, (r) => ({
        status: 200,
        body: renderService(this.service(r, 'Sid'), this.ctx.accountSid, r.origin),
      })),
      route('DELETE', `${services}/:Sid`, (r) => this.deleteService(r)),
      route('GET', `${services}/:ServiceSid/Users`, (r) => this.listUsers(r)),
      route('GET', `${services}/:ServiceSid/Users/:Sid`, (r) => this.fetchUser(r)),
      route('GET', `${services}/:ServiceSid/Roles`, (r) => this.listRoles(r)),
      route('GET', `${services}/:ServiceSid/Roles/:Sid`, (r) => this.fetchRole(r)),
      route('POST', channels, (r) => this.createChannelRoute(r)),
      route('GET', channels, (r) => this.listChannels(r)),
      route('GET', `${channels}/:Sid`, (r) => ({
        status: 200,
        body: renderChannel(this.channel(r, 'Sid'), this.ctx.accountSid, r.origin),
      })),
      route('POST', `${channels}/:Sid`, (r) => this.updateChannel(r)),
      route('DELETE', `${channels}/:Sid`, (r) => this.deleteChannel(r)),
      route('POST', `${channels}/:ChannelSid/Members`, (r) => this.addMemberRoute(r)),
      route('POST', `${channels}/:ChannelSid/Messages`, (r) => this.sendMessage(r)),
      ...children,
    ];
  }

  // ---------------------------------------------------------------- in-process use by Flex (flex-api /v1/Channels)

  findService(sid: string): ChatServiceRecord | undefined {
    return this.services.get(sid);
  }

  createChannel(
    service: ChatServiceRecord,
    spec: { friendlyName: string | null; uniqueName: string | null; attributes: string; createdBy: string },
  ): ChatChannelRecord {
    const now = isoNow(this.ctx.clock.now());
    return service.channels.insert((seq) => ({
      seq,
      sid: newSid('CH'),
      service_sid: service.sid,
      friendly_name: spec.friendlyName,
      unique_name: spec.uniqueName,
      attributes: spec.attributes,
      type: 'private',
      created_by: spec.createdBy,
      date_created: now,
      date_updated: now,
      members: new Table<ChatMemberRecord>(),
      messages: new Table<ChatMessageRecord>(),
      webhooks: new Table<ChannelWebhookRecord>(),
      taskSids: [],
    }));
  }

  /** The chat user of a customer's identity, created on first use with the customer's role. */
  userOf(service: ChatServiceRecord, identity: string, friendlyName: string | null): string {
    const existing = service.users.get(identity);
    if (existing) return existing.sid;
    const user: ChatUserRecord = {
      sid: newSid('US'),
      identity,
      friendly_name: friendlyName,
      role_sid: roleSidOf(service, this.ctx.behaviour.chat.customerRole),
      date_created: isoNow(this.ctx.clock.now()),
    };
    service.users.set(identity, user);
    return user.sid;
  }

  addMember(channel: ChatChannelRecord, identity: string): void {
    if (channel.members.all().some((member) => member.identity === identity)) return;
    channel.members.insert((seq) => ({
      seq,
      sid: newSid('MB'),
      identity,
      date_created: isoNow(this.ctx.clock.now()),
    }));
  }

  addWebhook(
    channel: ChatChannelRecord,
    webhook: Omit<ChannelWebhookRecord, 'seq' | 'sid' | 'date_created'>,
  ): void {
    channel.webhooks.insert((seq) => ({
      seq,
      sid: newSid('WH'),
      date_created: isoNow(this.ctx.clock.now()),
      ...webhook,
    }));
  }

  // ---------------------------------------------------------------- REST

  private service(request: MockRequest, param: 'Sid' | 'ServiceSid'): ChatServiceRecord {
    const service = this.services.get(request.pathParams[param] ?? '');
    if (!service) throw notFound(request.path);
    return service;
  }

  private channel(request: MockRequest, param: 'Sid' | 'ChannelSid'): ChatChannelRecord {
    const service = this.service(request, 'ServiceSid');
    const key = request.pathParams[param] ?? '';
    const channel = service.channels.get(key) ?? service.channels.all().find((c) => c.unique_name === key);
    if (!channel) throw notFound(request.path);
    return channel;
  }

  private createService(request: MockRequest) {
    const friendlyName = request.form.required('FriendlyName');
    const now = isoNow(this.ctx.clock.now());
    const service = this.services.insert((seq) => ({
      seq,
      sid: newSid('IS'),
      friendly_name: friendlyName,
      date_created: now,
      date_updated: now,
      channels: new Table<ChatChannelRecord>(),
      users: new Map(),
      roles: Object.entries(defaultRolePermissions).map(([name, { type, permissions }]) => ({
        sid: newSid('RL'),
        friendly_name: name as DefaultRole,
        type,
        permissions,
        date_created: now,
      })),
    }));
    return { status: 201, body: renderService(service, this.ctx.accountSid, request.origin) };
  }

  /** A user by SID or identity, as Twilio's Users/{Sid} accepts either. */
  private fetchUser(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    const key = request.pathParams.Sid ?? '';
    const user = service.users.get(key) ?? [...service.users.values()].find((u) => u.sid === key);
    if (!user) throw notFound(request.path);
    return { status: 200, body: renderUser(service, user, this.ctx.accountSid, request.origin) };
  }

  private listUsers(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    const users = [...service.users.values()].map((user, index) => ({ ...user, seq: index + 1 }));
    return {
      status: 200,
      body: pageOf(users, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v2/Services/${service.sid}/Users`,
        key: 'users',
        filters: [],
        render: (user) => renderUser(service, user, this.ctx.accountSid, request.origin),
      }),
    };
  }

  private fetchRole(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    const role = service.roles.find((r) => r.sid === request.pathParams.Sid);
    if (!role) throw notFound(request.path);
    return { status: 200, body: renderRole(service, role, this.ctx.accountSid, request.origin) };
  }

  private listRoles(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    const roles = service.roles.map((role, index) => ({ ...role, seq: index + 1 }));
    return {
      status: 200,
      body: pageOf(roles, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v2/Services/${service.sid}/Roles`,
        key: 'roles',
        filters: [],
        render: (role) => renderRole(service, role, this.ctx.accountSid, request.origin),
      }),
    };
  }

  private listServices(request: MockRequest) {
    return {
      status: 200,
      body: pageOf(this.services.all(), readPageRequest(request.query), {
        origin: request.origin,
        path: '/v2/Services',
        key: 'services',
        filters: [],
        render: (service) => renderService(service, this.ctx.accountSid, request.origin),
      }),
    };
  }

  private deleteService(request: MockRequest) {
    this.services.delete(this.service(request, 'Sid').sid);
    return { status: 204 };
  }

  private createChannelRoute(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    const form = request.form;
    const attributes = form.string('Attributes') ?? '{}';
    form.json('Attributes');
    const channel = this.createChannel(service, {
      friendlyName: form.string('FriendlyName') ?? null,
      uniqueName: form.string('UniqueName') ?? null,
      attributes,
      createdBy: form.string('CreatedBy') ?? 'system',
    });
    return { status: 201, body: renderChannel(channel, this.ctx.accountSid, request.origin) };
  }

  private listChannels(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    return {
      status: 200,
      body: pageOf(service.channels.all(), readPageRequest(request.query), {
        origin: request.origin,
        path: `/v2/Services/${service.sid}/Channels`,
        key: 'channels',
        filters: [],
        render: (channel) => renderChannel(channel, this.ctx.accountSid, request.origin),
      }),
    };
  }

  private updateChannel(request: MockRequest) {
    const channel = this.channel(request, 'Sid');
    const form = request.form;
    if (form.has('Attributes')) {
      form.json('Attributes');
      channel.attributes = form.string('Attributes') ?? channel.attributes;
    }
    if (form.has('FriendlyName')) channel.friendly_name = form.string('FriendlyName') ?? null;
    channel.date_updated = isoNow(this.ctx.clock.now());
    return { status: 200, body: renderChannel(channel, this.ctx.accountSid, request.origin) };
  }

  private deleteChannel(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    service.channels.delete(this.channel(request, 'Sid').sid);
    return { status: 204 };
  }

  private addMemberRoute(request: MockRequest) {
    const channel = this.channel(request, 'ChannelSid');
    this.addMember(channel, request.form.required('Identity'));
    const member = channel.members.all().at(-1) as ChatMemberRecord;
    const service = this.service(request, 'ServiceSid');
    return { status: 201, body: renderMember(service, channel, member, this.ctx.accountSid, request.origin) };
  }

  private async sendMessage(request: MockRequest) {
    const service = this.service(request, 'ServiceSid');
    const channel = this.channel(request, 'ChannelSid');
    const form = request.form;
    const attributes = form.string('Attributes') ?? '{}';
    form.json('Attributes');
    const message = channel.messages.insert((seq) => ({
      seq,
      sid: newSid('IM'),
      index: seq - 1,
      from: form.string('From') || 'system',
      body: form.string('Body') ?? '',
      attributes,
      date_created: isoNow(this.ctx.clock.now()),
    }));
    await this.webhooks.messageSent(service, channel, message);
    return { status: 201, body: renderMessage(channel, message, this.ctx.accountSid, request.origin) };
  }

  private listChildren(request: MockRequest, child: Child) {
    const channel = this.channel(request, 'ChannelSid');
    const table = channel[childTable[child]] as Table<{ seq: number; sid: string }>;
    return {
      status: 200,
      body: pageOf(table.all(), readPageRequest(request.query), {
        origin: request.origin,
        path: `/v2/Services/${channel.service_sid}/Channels/${channel.sid}/${child}`,
        key: childTable[child],
        filters: [],
        render: (record) => this.renderChild(request, channel, child, record),
      }),
    };
  }

  private fetchChild(request: MockRequest, child: Child) {
    const channel = this.channel(request, 'ChannelSid');
    const table = channel[childTable[child]] as Table<{ seq: number; sid: string }>;
    const record = table.get(request.pathParams.Sid ?? '');
    if (!record) throw notFound(request.path);
    return { status: 200, body: this.renderChild(request, channel, child, record) };
  }

  private renderChild(request: MockRequest, channel: ChatChannelRecord, child: Child, record: unknown) {
    const { accountSid } = this.ctx;
    if (child === 'Members')
      return renderMember(
        this.service(request, 'ServiceSid'),
        channel,
        record as ChatMemberRecord,
        accountSid,
        request.origin,
      );
    if (child === 'Messages')
      return renderMessage(channel, record as ChatMessageRecord, accountSid, request.origin);
    return renderWebhook(channel, record as ChannelWebhookRecord, accountSid, request.origin);
  }
}
