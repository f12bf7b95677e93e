import type { MockContext } from '../context';
import { callOut } from '../core/call-outs';
import { parsedOrEmpty } from '../core/json';
import type { StudioTriggers } from '../studio/triggers';
import type { MessageTriggerJsonField } from './chat-behaviour';
import type {
  ChannelWebhookRecord,
  ChatChannelRecord,
  ChatMessageRecord,
  ChatServiceRecord,
} from './records';

/**
 * What a new chat message sets off on its channel (Programmable Chat as Flex Flows configure it):
 * a `studio` webhook starts its flow with the incoming Message trigger (`trigger.message`); a
 * `webhook` webhook POSTs onMessageSent to its URL, retried `retry_count` times when it fails.
 */
export class ChannelWebhooks {
  constructor(
    private readonly ctx: MockContext,
    private readonly studio: StudioTriggers,
  ) {}

  async messageSent(
    service: ChatServiceRecord,
    channel: ChatChannelRecord,
    message: ChatMessageRecord,
  ): Promise<void> {
    for (const webhook of channel.webhooks.all()) {
      if (webhook.type === 'studio') await this.startFlow(webhook, service, channel, message);
      else if (webhook.type === 'webhook')
        await this.post(webhook, this.payload(webhook, service, channel, message));
    }
  }

  /** The webhook request body of seed 004's example: every value a string, Attributes JSON text. */
  private payload(
    webhook: ChannelWebhookRecord,
    service: ChatServiceRecord,
    channel: ChatChannelRecord,
    message: ChatMessageRecord,
  ): Record<string, string> {
    return {
      EventType: 'onMessageSent',
      InstanceSid: service.sid,
      Attributes: message.attributes,
      DateCreated: message.date_created,
      Index: String(message.index),
      From: message.from,
      MessageSid: message.sid,
      AccountSid: this.ctx.accountSid,
      Source: 'SDK',
      ChannelSid: channel.sid,
      ClientIdentity: message.from,
      RetryCount: '0',
      WebhookType: 'webhook',
      Body: this.ctx.behaviour.chat.externalWebhook.body(message),
      WebhookSid: webhook.sid,
    };
  }

  private async post(webhook: ChannelWebhookRecord, payload: Record<string, string>): Promise<void> {
    const url = webhook.configuration.url;
    if (!url || !this.ctx.callOuts.locate(url)) return;
    const { method, attempts, fields } = this.ctx.behaviour.chat.externalWebhook;
    const tries = attempts(webhook.configuration.retry_count);
    for (let attempt = 0; attempt < tries; attempt++) {
      const body = new URLSearchParams(fields({ ...payload, RetryCount: String(attempt) })).toString();
      const ok = await callOut(this.ctx.callOuts, method === 'GET' ? `${url}?${body}` : url, {
        method,
        headers: method === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
        body: method === 'GET' ? undefined : body,
        signal: AbortSignal.timeout(5_000),
      })
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) return;
    }
  }

  private async startFlow(
    webhook: ChannelWebhookRecord,
    service: ChatServiceRecord,
    channel: ChatChannelRecord,
    message: ChatMessageRecord,
  ): Promise<void> {
    const flowSid = webhook.configuration.flow_sid;
    if (!flowSid) return;
    const result = await this.studio.start(flowSid, 'incomingMessage', {
      contactAddress: message.from,
      flowAddress: channel.sid,
      initiatedBy: message.sid,
      trigger: { message: this.triggerData(service, channel, message) },
    });
    for (const variables of Object.values(result?.execution.context.widgets ?? {})) {
      if (typeof variables.TaskSid === 'string') channel.taskSids.push(variables.TaskSid);
    }
  }

  /** `trigger.message`: ChannelAttributes parsed, the message's Attributes kept as text. */
  private triggerData(
    service: ChatServiceRecord,
    channel: ChatChannelRecord,
    message: ChatMessageRecord,
  ): Record<string, unknown> {
    const { parsedAsJson, channelSidOf } = this.ctx.behaviour.chat.trigger;
    const field = (name: MessageTriggerJsonField, text: string): unknown =>
      parsedAsJson.includes(name) ? parsedOrEmpty(text) : text;
    return {
      Body: message.body,
      From: message.from,
      To: channel.sid,
      ChannelSid: channelSidOf === 'service' ? service.sid : channel.sid,
      InstanceSid: service.sid,
      MessageSid: message.sid,
      Index: message.index,
      EventType: 'onMessageSent',
      DateCreated: message.date_created,
      ChannelAttributes: field('ChannelAttributes', channel.attributes),
      Attributes: field('Attributes', message.attributes),
    };
  }
}
