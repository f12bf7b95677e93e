import type { MockContext } from '../context';
import { invalidParameter, missingParameter, notFound, TwilioError } from '../core/errors';
import type { MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { Params } from '../core/params';
import type { MockRequest, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';
import type { StudioTriggers } from '../studio/triggers';
import { deliverySummary, receiptsOf, recordReceipts, renderReceipt } from './receipts';
import type {
  ConversationRecord,
  MessageRecord,
  ParticipantRecord,
  ReceiptRecord,
  WebhookRecord,
  WebhookTarget,
} from './records';
import { WebhookDispatch } from './webhook-dispatch';

const states = ['initializing', 'inactive', 'active', 'closed'] as const;
const targets: readonly WebhookTarget[] = ['webhook', 'trigger', 'studio'];
const MAX_WEBHOOKS = 5;

/**
 * Conversations v1: conversations, their participants (an SDK identity or a messaging binding),
 * messages, and conversation-scoped webhooks (`webhook`, `trigger`, `studio`).
 */
export class Conversations implements MockModule {
  readonly table = new Table<ConversationRecord>();
  /** The account's default Conversation Service (the Flex Conversation Service). */
  readonly chatServiceSid = newSid('IS');
  private readonly dispatch: WebhookDispatch;

  constructor(
    private readonly ctx: MockContext,
    studio: StudioTriggers,
  ) {
    this.dispatch = new WebhookDispatch(ctx, studio, this.chatServiceSid);
  }

  routes(): Route[] {
    const conversations = '/v1/Conversations';
    const one = `${conversations}/:Sid`;
    const participants = `${conversations}/:ConversationSid/Participants`;
    const messages = `${conversations}/:ConversationSid/Messages`;
    const webhooks = `${conversations}/:ConversationSid/Webhooks`;
    const route = (method: Route['method'], pattern: string, handler: Route['handler']): Route => ({
      domain: 'conversations',
      method,
      pattern,
      handler,
    });
    return [
      route('GET', conversations, (r) => this.list(r)),
      route('POST', conversations, (r) => this.create(r)),
      route('GET', one, (r) => ({ status: 200, body: this.render(this.find(r, 'Sid'), r.origin) })),
      route('POST', one, (r) => this.update(r)),
      route('DELETE', one, (r) => this.remove(r)),
      route('GET', participants, (r) => this.listOf(r, 'participants')),
      route('POST', participants, (r) => this.addParticipant(r)),
      route('GET', `${participants}/:Sid`, (r) => this.fetchOf(r, 'participants')),
      route('POST', `${participants}/:Sid`, (r) => this.updateParticipant(r)),
      route('DELETE', `${participants}/:Sid`, (r) => this.removeOf(r, 'participants')),
      route('GET', messages, (r) => this.listOf(r, 'messages')),
      route('POST', messages, (r) => this.addMessage(r)),
      route('GET', `${messages}/:Sid`, (r) => this.fetchOf(r, 'messages')),
      route('POST', `${messages}/:Sid`, (r) => this.updateMessage(r)),
      route('GET', `${messages}/:MessageSid/Receipts`, (r) => this.listReceipts(r)),
      route('GET', `${messages}/:MessageSid/Receipts/:Sid`, (r) => this.fetchReceipt(r)),
      route('DELETE', `${messages}/:Sid`, (r) => this.removeOf(r, 'messages')),
      route('GET', webhooks, (r) => this.listOf(r, 'webhooks')),
      route('POST', webhooks, (r) => this.addWebhook(r)),
      route('GET', `${webhooks}/:Sid`, (r) => this.fetchOf(r, 'webhooks')),
      route('POST', `${webhooks}/:Sid`, (r) => this.updateWebhook(r)),
      route('DELETE', `${webhooks}/:Sid`, (r) => this.removeOf(r, 'webhooks')),
    ];
  }

  // ---------------------------------------------------------------- conversations

  private render(conversation: ConversationRecord, origin: string) {
    const url = `${origin}/v1/Conversations/${conversation.sid}`;
    return {
      account_sid: this.ctx.accountSid,
      chat_service_sid: this.chatServiceSid,
      messaging_service_sid: null,
      sid: conversation.sid,
      friendly_name: conversation.friendly_name,
      unique_name: conversation.unique_name,
      attributes: conversation.attributes,
      state: conversation.state,
      date_created: conversation.date_created,
      date_updated: conversation.date_updated,
      timers: {},
      url,
      links: {
        participants: `${url}/Participants`,
        messages: `${url}/Messages`,
        webhooks: `${url}/Webhooks`,
      },
      bindings: null,
    };
  }

  private find(request: MockRequest, param: 'Sid' | 'ConversationSid'): ConversationRecord {
    const key = request.pathParams[param] ?? '';
    const found =
      this.table.get(key) ?? this.table.all().find((conversation) => conversation.unique_name === key);
    if (!found) throw notFound(request.path);
    return found;
  }

  private create(request: MockRequest) {
    const form = request.form;
    const now = isoNow(this.ctx.clock.now());
    const uniqueName = form.string('UniqueName') ?? null;
    if (uniqueName && this.table.all().some((c) => c.unique_name === uniqueName))
      throw new TwilioError(409, 50353, 'Conversation with provided unique name already exists');
    const conversation = this.table.insert((seq) => ({
      seq,
      sid: newSid('CH'),
      friendly_name: this.limitedText(form, 'FriendlyName', 256) ?? null,
      unique_name: uniqueName,
      attributes: jsonText(form, 'Attributes') ?? '{}',
      state: form.oneOf('State', states) ?? 'active',
      date_created: now,
      date_updated: now,
      participants: new Table<ParticipantRecord>(),
      messages: new Table<MessageRecord>(),
      receipts: new Table<ReceiptRecord>(),
      webhooks: new Table<WebhookRecord>(),
    }));
    return { status: 201, body: this.render(conversation, request.origin) };
  }

  private update(request: MockRequest) {
    const conversation = this.find(request, 'Sid');
    const form = request.form;
    conversation.friendly_name = form.has('FriendlyName')
      ? (form.string('FriendlyName') ?? null)
      : conversation.friendly_name;
    conversation.attributes = jsonText(form, 'Attributes') ?? conversation.attributes;
    conversation.state = form.oneOf('State', states) ?? conversation.state;
    conversation.date_updated = isoNow(this.ctx.clock.now());
    return { status: 200, body: this.render(conversation, request.origin) };
  }

  private remove(request: MockRequest) {
    this.table.delete(this.find(request, 'Sid').sid);
    return { status: 204 };
  }

  private list(request: MockRequest) {
    const state = request.query.get('State');
    const matches = this.ctx.behaviour.conversations.stateMatches;
    const items = this.table
      .all()
      .filter((conversation) => state === null || matches(conversation.state, state));
    return {
      status: 200,
      body: pageOf(items, readPageRequest(request.query, { defaultSize: 50, maxSize: 100 }), {
        origin: request.origin,
        path: '/v1/Conversations',
        key: 'conversations',
        filters: state !== null ? [['State', state]] : [],
        render: (conversation) => this.render(conversation, request.origin),
      }),
    };
  }

  // ---------------------------------------------------------------- participants, messages, webhooks

  private renderChild(
    kind: 'participants' | 'messages' | 'webhooks',
    conversation: ConversationRecord,
    record: ParticipantRecord | MessageRecord | WebhookRecord,
    origin: string,
  ): Record<string, unknown> {
    const { seq: _seq, ...wire } = record;
    const url = `${origin}/v1/Conversations/${conversation.sid}/${kind.charAt(0).toUpperCase()}${kind.slice(1)}/${record.sid}`;
    const base = { account_sid: this.ctx.accountSid, conversation_sid: conversation.sid, ...wire, url };
    if (kind === 'participants')
      return { role_sid: null, last_read_message_index: null, last_read_timestamp: null, ...base };
    if (kind === 'messages')
      return {
        media: null,
        delivery: deliverySummary(receiptsOf(conversation, record.sid)),
        content_sid: null,
        date_updated: null,
        ...base,
        links: { delivery_receipts: `${url}/Receipts`, channel_metadata: `${url}/ChannelMetadata` },
      };
    return base;
  }

  private tableOf(conversation: ConversationRecord, kind: 'participants' | 'messages' | 'webhooks') {
    return conversation[kind] as Table<ParticipantRecord | MessageRecord | WebhookRecord>;
  }

  private listOf(request: MockRequest, kind: 'participants' | 'messages' | 'webhooks') {
    const conversation = this.find(request, 'ConversationSid');
    const limits = kind === 'webhooks' ? { defaultSize: 5, maxSize: 5 } : { defaultSize: 50, maxSize: 100 };
    return {
      status: 200,
      body: pageOf(this.tableOf(conversation, kind).all(), readPageRequest(request.query, limits), {
        origin: request.origin,
        path: `/v1/Conversations/${conversation.sid}/${kind.charAt(0).toUpperCase()}${kind.slice(1)}`,
        key: kind,
        filters: [],
        render: (record) => this.renderChild(kind, conversation, record, request.origin),
      }),
    };
  }

  private findOf(request: MockRequest, kind: 'participants' | 'messages' | 'webhooks') {
    const conversation = this.find(request, 'ConversationSid');
    const record = this.tableOf(conversation, kind).get(request.pathParams.Sid ?? '');
    if (!record) throw notFound(request.path);
    return { conversation, record };
  }

  private fetchOf(request: MockRequest, kind: 'participants' | 'messages' | 'webhooks') {
    const { conversation, record } = this.findOf(request, kind);
    return { status: 200, body: this.renderChild(kind, conversation, record, request.origin) };
  }

  private removeOf(request: MockRequest, kind: 'participants' | 'messages' | 'webhooks') {
    const { conversation, record } = this.findOf(request, kind);
    this.tableOf(conversation, kind).delete(record.sid);
    return { status: 204 };
  }

  /** A text parameter of at most `max` characters ("limited to 256 characters", "up to 1,600 characters long"). */
  private limitedText(form: Params, name: string, max: number): string | undefined {
    const value = form.string(name);
    if (value !== undefined && this.ctx.behaviour.conversations.textLength(value) > max)
      throw invalidParameter(name, `is longer than ${max.toLocaleString('en-US')} characters`);
    return value;
  }

  private addParticipant(request: MockRequest) {
    const conversation = this.find(request, 'ConversationSid');
    const form = request.form;
    const identity = this.limitedText(form, 'Identity', 256) || null;
    const address = form.string('MessagingBinding.Address') || null;
    if (!identity && !address) throw missingParameter('Identity');
    if (identity && address)
      throw invalidParameter(
        'Identity',
        'a participant has an Identity or a MessagingBinding.Address, not both',
      );
    const duplicate = conversation.participants
      .all()
      .some(
        (p) => (identity && p.identity === identity) || (address && p.messaging_binding?.address === address),
      );
    if (duplicate) throw new TwilioError(409, 50433, 'Participant already exists');
    const now = isoNow(this.ctx.clock.now());
    const participant = conversation.participants.insert((seq) => ({
      seq,
      sid: newSid('MB'),
      identity,
      messaging_binding: address
        ? {
            type: address.startsWith('whatsapp:') ? 'whatsapp' : 'sms',
            address,
            proxy_address: form.string('MessagingBinding.ProxyAddress') ?? null,
          }
        : null,
      attributes: jsonText(form, 'Attributes') ?? '{}',
      date_created: now,
      date_updated: now,
    }));
    return { status: 201, body: this.renderChild('participants', conversation, participant, request.origin) };
  }

  /** Attributes, and how far the participant has read (LastReadMessageIndex, LastReadTimestamp). */
  private updateParticipant(request: MockRequest) {
    const { conversation, record } = this.findOf(request, 'participants');
    const participant = record as ParticipantRecord;
    const form = request.form;
    participant.attributes = jsonText(form, 'Attributes') ?? participant.attributes;
    const index = form.integer('LastReadMessageIndex', { min: 0 });
    if (index !== undefined) participant.last_read_message_index = index;
    if (form.has('LastReadTimestamp'))
      participant.last_read_timestamp = form.string('LastReadTimestamp') ?? null;
    participant.date_updated = isoNow(this.ctx.clock.now());
    return { status: 200, body: this.renderChild('participants', conversation, participant, request.origin) };
  }

  /** Author, Body (at most 1,600 characters) and Attributes of a message already sent. */
  private updateMessage(request: MockRequest) {
    const { conversation, record } = this.findOf(request, 'messages');
    const message = record as MessageRecord;
    const form = request.form;
    const body = this.limitedText(form, 'Body', 1600);
    message.body = body ?? message.body;
    message.author = form.string('Author') || message.author;
    message.attributes = jsonText(form, 'Attributes') ?? message.attributes;
    message.date_updated = isoNow(this.ctx.clock.now());
    return { status: 200, body: this.renderChild('messages', conversation, message, request.origin) };
  }

  private async addMessage(request: MockRequest) {
    const conversation = this.find(request, 'ConversationSid');
    const form = request.form;
    const author = form.string('Author') || 'system';
    const body = this.limitedText(form, 'Body', 1600) ?? null;
    const isAuthor = this.ctx.behaviour.conversations.isAuthor;
    const participant = conversation.participants
      .all()
      .find((p) => isAuthor(author, p.identity ?? p.messaging_binding?.address ?? null));
    const message = conversation.messages.insert((seq) => ({
      seq,
      sid: newSid('IM'),
      index: seq - 1,
      author,
      body,
      attributes: jsonText(form, 'Attributes') ?? '{}',
      participant_sid: participant?.sid ?? null,
      date_created: isoNow(this.ctx.clock.now()),
    }));
    conversation.date_updated = message.date_created;
    recordReceipts(conversation, message, this.ctx.clock.now());
    // Messages created through the REST API fire webhooks only when asked to, as on Twilio.
    if (request.headers['x-twilio-webhook-enabled'] === 'true')
      await this.dispatch.messageAdded(conversation, message);
    return { status: 201, body: this.renderChild('messages', conversation, message, request.origin) };
  }

  private message(request: MockRequest) {
    const conversation = this.find(request, 'ConversationSid');
    const message = conversation.messages.get(request.pathParams.MessageSid ?? '');
    if (!message) throw notFound(request.path);
    return { conversation, message };
  }

  private listReceipts(request: MockRequest) {
    const { conversation, message } = this.message(request);
    return {
      status: 200,
      body: pageOf(
        receiptsOf(conversation, message.sid),
        readPageRequest(request.query, { defaultSize: 50, maxSize: 100 }),
        {
          origin: request.origin,
          path: `/v1/Conversations/${conversation.sid}/Messages/${message.sid}/Receipts`,
          key: 'delivery_receipts',
          filters: [],
          render: (receipt) => renderReceipt(this.ctx.accountSid, conversation, receipt, request.origin),
        },
      ),
    };
  }

  private fetchReceipt(request: MockRequest) {
    const { conversation, message } = this.message(request);
    const receipt = receiptsOf(conversation, message.sid).find((r) => r.sid === request.pathParams.Sid);
    if (!receipt) throw notFound(request.path);
    return { status: 200, body: renderReceipt(this.ctx.accountSid, conversation, receipt, request.origin) };
  }

  private addWebhook(request: MockRequest) {
    const conversation = this.find(request, 'ConversationSid');
    const form = request.form;
    const target = form.oneOf('Target', targets, true) as WebhookTarget;
    if (conversation.webhooks.size >= MAX_WEBHOOKS)
      throw new TwilioError(400, 50520, 'A Conversation can have at most five webhooks');
    const configuration = readConfiguration(form, target, {
      url: null,
      method: null,
      filters: [],
      triggers: [],
      flow_sid: null,
      replay_after: null,
    });
    const now = isoNow(this.ctx.clock.now());
    const webhook = conversation.webhooks.insert((seq) => ({
      seq,
      sid: newSid('WH'),
      target,
      configuration,
      date_created: now,
      date_updated: now,
    }));
    return { status: 201, body: this.renderChild('webhooks', conversation, webhook, request.origin) };
  }

  private updateWebhook(request: MockRequest) {
    const { conversation, record } = this.findOf(request, 'webhooks');
    const webhook = record as WebhookRecord;
    webhook.configuration = readConfiguration(request.form, webhook.target, webhook.configuration);
    webhook.date_updated = isoNow(this.ctx.clock.now());
    return { status: 200, body: this.renderChild('webhooks', conversation, webhook, request.origin) };
  }
}

function readConfiguration(
  form: Params,
  target: WebhookTarget,
  base: WebhookRecord['configuration'],
): WebhookRecord['configuration'] {
  const list = (name: string) =>
    form.has(name)
      ? form.raw
          .getAll(name)
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean)
      : undefined;
  const configuration = {
    url: form.url('Configuration.Url') ?? base.url,
    method: methodOf(form) ?? base.method,
    filters: list('Configuration.Filters') ?? base.filters,
    triggers: list('Configuration.Triggers') ?? base.triggers,
    flow_sid: form.sid('Configuration.FlowSid', 'FW') ?? base.flow_sid,
    replay_after: form.integer('Configuration.ReplayAfter', { min: 0 }) ?? base.replay_after,
  };
  if (target === 'studio' && !configuration.flow_sid) throw missingParameter('Configuration.FlowSid');
  if (target !== 'studio' && !configuration.url) throw missingParameter('Configuration.Url');
  if (configuration.url && configuration.method === null) configuration.method = 'post';
  return configuration;
}

/** Configuration.Method: `get` or `post` (the spec's enum), in any case. */
function methodOf(form: Params): 'get' | 'post' | undefined {
  const value = form.string('Configuration.Method');
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower !== 'get' && lower !== 'post')
    throw invalidParameter('Configuration.Method', 'must be one of get, post');
  return lower;
}

/** A parameter that must hold structurally valid JSON, kept as the text sent. */
function jsonText(form: Params, name: string): string | undefined {
  const value = form.string(name);
  if (value === undefined) return undefined;
  form.json(name);
  return value;
}
