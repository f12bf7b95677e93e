import type { MockContext } from '../context';
import { callOut } from '../core/call-outs';
import { parsedOrEmpty } from '../core/json';
import type { StudioTriggers } from '../studio/triggers';
import type { ConversationTriggerJsonField } from './conversations-behaviour';
import type { ConversationRecord, MessageRecord, ParticipantRecord, WebhookRecord } from './records';

/**
 * What a new message sets off on its conversation: conversation-scoped webhooks receive
 * onMessageAdded (form-encoded, flat, as Conversations sends webhooks) and a `studio` webhook starts
 * its flow with the Incoming Conversation trigger (`trigger.conversation`).
 */
export class WebhookDispatch {
  constructor(
    private readonly ctx: MockContext,
    private readonly studio: StudioTriggers,
    private readonly chatServiceSid: string,
  ) {}

  async messageAdded(conversation: ConversationRecord, message: MessageRecord): Promise<void> {
    const author = conversation.participants.get(message.participant_sid ?? '');
    for (const webhook of conversation.webhooks.all()) {
      const payload = this.payload(conversation, message, author, webhook);
      const action = this.ctx.behaviour.conversations.onMessageAdded[webhook.target];
      if (action === 'start-flow') await this.startFlow(webhook, payload, conversation, message);
      else if (action === 'post-event' && this.listens(webhook, message)) await this.post(webhook, payload);
    }
  }

  /** The onMessageAdded event, as the seed's example shows it (values as strings). */
  payload(
    conversation: ConversationRecord,
    message: MessageRecord,
    author: ParticipantRecord | undefined,
    webhook: WebhookRecord,
  ): Record<string, string> {
    const payload: Record<string, string> = {
      EventType: this.ctx.behaviour.conversations.messageAddedEventType,
      AccountSid: this.ctx.accountSid,
      InstanceSid: this.chatServiceSid,
      ChatServiceSid: this.chatServiceSid,
      ConversationSid: conversation.sid,
      ChannelSid: conversation.sid,
      MessageSid: message.sid,
      Index: String(message.index),
      Author: message.author,
      From: message.author,
      To: conversation.sid,
      Body: message.body ?? '',
      Attributes: message.attributes,
      DateCreated: message.date_created,
      Source: sourceOf(author),
      RetryCount: '0',
      WebhookSid: webhook.sid,
      WebhookType: webhook.target,
      ChannelAttributes: conversation.attributes,
    };
    if (author) payload.ParticipantSid = author.sid;
    return payload;
  }

  private listens(webhook: WebhookRecord, message: MessageRecord): boolean {
    const { filters, triggers } = webhook.configuration;
    if (filters.length > 0 && !filters.includes('onMessageAdded')) return false;
    if (webhook.target === 'trigger') {
      const body = (message.body ?? '').toLowerCase();
      return triggers.some((keyword) => body.includes(keyword.toLowerCase()));
    }
    return true;
  }

  private async post(webhook: WebhookRecord, payload: Record<string, string>): Promise<void> {
    const url = webhook.configuration.url;
    if (!url || !this.ctx.callOuts.locate(url)) return;
    const form = new URLSearchParams(
      this.ctx.behaviour.conversations.messageAddedPayload(payload),
    ).toString();
    const get = webhook.configuration.method === 'get';
    await callOut(this.ctx.callOuts, get ? `${url}${url.includes('?') ? '&' : '?'}${form}` : url, {
      method: get ? 'GET' : 'POST',
      headers: get ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
      body: get ? undefined : form,
      signal: AbortSignal.timeout(5_000),
    }).catch(() => undefined);
  }

  private async startFlow(
    webhook: WebhookRecord,
    payload: Record<string, string>,
    conversation: ConversationRecord,
    message: MessageRecord,
  ): Promise<void> {
    const flowSid = webhook.configuration.flow_sid;
    if (!flowSid) return;
    await this.studio.start(flowSid, 'incomingConversationMessage', {
      contactAddress: message.author,
      flowAddress: conversation.sid,
      initiatedBy: conversation.sid,
      trigger: { conversation: this.triggerData(payload, conversation) },
    });
  }

  /** `trigger.conversation`: the event, with the conversation's attributes parsed as ChannelAttributes. */
  private triggerData(
    payload: Record<string, string>,
    conversation: ConversationRecord,
  ): Record<string, unknown> {
    const parsed = this.ctx.behaviour.conversations.triggerParsedAsJson;
    const field = (name: ConversationTriggerJsonField, text: string): unknown =>
      parsed.includes(name) ? parsedOrEmpty(text) : text;
    return {
      ...payload,
      Attributes: field('Attributes', String(payload.Attributes)),
      ChannelAttributes: field('ChannelAttributes', conversation.attributes),
    };
  }
}

function sourceOf(author: ParticipantRecord | undefined): string {
  if (!author) return 'API';
  if (author.messaging_binding?.type === 'whatsapp') return 'WHATSAPP';
  if (author.messaging_binding) return 'SMS';
  return 'SDK';
}
