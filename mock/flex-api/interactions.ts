import type { MockContext } from '../context';
import { invalidParameter, notFound } from '../core/errors';
import { isJsonObject } from '../core/json';
import type { MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';
import { createInteractionTask, routedTask } from './interaction-routing';

const channelTypes = ['voice', 'sms', 'email', 'web', 'whatsapp', 'chat', 'messenger', 'gbm'] as const;

/** The statuses an Interaction channel can be in (its `status`). */
export type ChannelStatus = 'setup' | 'active' | 'failed' | 'closed' | 'inactive' | 'pause' | 'transfer';

export interface InteractionRecord {
  readonly seq: number;
  readonly sid: string;
  readonly channel: Record<string, unknown> & { sid: string };
  readonly routing: Record<string, unknown>;
  channelStatus: ChannelStatus;
  /** The TaskRouter tasks routed for the channel (its own and its invites'), as workspace and task SIDs. */
  readonly tasks: Array<{ readonly workspaceSid: string; readonly sid: string }>;
  readonly interaction_context_sid: string | null;
  webhook_ttid: string | null;
  readonly date_created: string;
}

type Json = Record<string, unknown>;

/**
 * Flex Interactions (`/v1/Interactions`): an Interaction for a customer's channel (a conversation's
 * `media_channel_sid`) whose Routing properties create the TaskRouter task, attributes added as is.
 * Create answers 200, with the task under `routing.properties`.
 */
export class Interactions implements MockModule {
  readonly table = new Table<InteractionRecord>();

  constructor(private readonly ctx: MockContext) {}

  routes(): Route[] {
    const base = '/v1/Interactions';
    return [
      { domain: 'flex-api', method: 'POST', pattern: base, handler: (r) => this.create(r) },
      { domain: 'flex-api', method: 'GET', pattern: `${base}/:Sid`, handler: (r) => this.fetch(r) },
      { domain: 'flex-api', method: 'POST', pattern: `${base}/:Sid`, handler: (r) => this.update(r) },
      {
        domain: 'flex-api',
        method: 'GET',
        pattern: `${base}/:InteractionSid/Channels`,
        handler: (r) => this.channels(r),
      },
    ];
  }

  private render(interaction: InteractionRecord, origin: string) {
    const url = `${origin}/v1/Interactions/${interaction.sid}`;
    return {
      sid: interaction.sid,
      channel: interaction.channel,
      routing: interaction.routing,
      url,
      links: { channels: `${url}/Channels` },
      interaction_context_sid: interaction.interaction_context_sid,
      webhook_ttid: interaction.webhook_ttid,
    };
  }

  private async create(request: MockRequest): Promise<MockResponse> {
    const form = request.form;
    const channel = form.json('Channel', true);
    if (!isJsonObject(channel)) throw invalidParameter('Channel', 'must be a JSON object');
    if (!(channelTypes as readonly string[]).includes(String(channel.type)))
      throw invalidParameter('Channel', `type must be one of ${channelTypes.join(', ')}`);
    const routing = form.json('Routing') ?? {};
    if (!isJsonObject(routing)) throw invalidParameter('Routing', 'must be a JSON object');
    const sid = newSid(this.ctx.behaviour.interactions.sidPrefix);
    const channelSid = newSid('UO');
    const mediaChannelSid = isJsonObject(channel.properties)
      ? channel.properties.media_channel_sid
      : undefined;

    let taskBody: Json | undefined;
    const properties = isJsonObject(routing.properties) ? routing.properties : undefined;
    if (properties && this.ctx.behaviour.interactions.taskOnCreate) {
      const created = await createInteractionTask(this.ctx, properties, {
        interactionSid: sid,
        channelSid,
        mediaChannelSid: typeof mediaChannelSid === 'string' ? mediaChannelSid : undefined,
      });
      if (created.status !== 201) return created;
      taskBody = created.body as Json;
    }
    if (typeof mediaChannelSid === 'string') await this.takeOverConversation(mediaChannelSid);

    const interaction = this.table.insert((seq) => ({
      seq,
      sid,
      channel: { ...channel, sid: channelSid },
      routing: taskBody ? { ...routing, reservation: null, properties: routedTask(taskBody) } : routing,
      channelStatus: 'active',
      tasks: taskBody ? [{ workspaceSid: String(taskBody.workspace_sid), sid: String(taskBody.sid) }] : [],
      interaction_context_sid: form.sid('InteractionContextSid', 'HQ') ?? null,
      webhook_ttid: form.string('WebhookTtid') ?? null,
      date_created: isoNow(this.ctx.clock.now()),
    }));
    return { status: 200, body: this.render(interaction, request.origin) };
  }

  /** Flex takes the conversation over from Studio: its studio webhooks are removed. */
  private async takeOverConversation(conversationSid: string): Promise<void> {
    const path = `/v1/Conversations/${conversationSid}/Webhooks`;
    const list = await this.ctx.call('conversations', 'GET', `${path}?PageSize=5`).catch(() => undefined);
    const webhooks =
      (list?.body as { webhooks?: Array<{ sid: string; target: string }> } | undefined)?.webhooks ?? [];
    for (const webhook of webhooks) {
      if (webhook.target === 'studio')
        await this.ctx.call('conversations', 'DELETE', `${path}/${webhook.sid}`);
    }
  }

  /** The Interaction a request's `param` path parameter names, or Twilio's 404. */
  find(request: MockRequest, param: string): InteractionRecord {
    const interaction = this.table.get(request.pathParams[param] ?? '');
    if (!interaction) throw notFound(request.path);
    return interaction;
  }

  /** The Interaction and its channel a request's path names (`:InteractionSid`, then `channelParam`), or Twilio's 404. */
  findChannel(request: MockRequest, channelParam: string): InteractionRecord {
    const interaction = this.find(request, 'InteractionSid');
    if (interaction.channel.sid !== request.pathParams[channelParam]) throw notFound(request.path);
    return interaction;
  }

  private fetch(request: MockRequest) {
    return { status: 200, body: this.render(this.find(request, 'Sid'), request.origin) };
  }

  private update(request: MockRequest) {
    const interaction = this.find(request, 'Sid');
    if (request.form.has('WebhookTtid'))
      interaction.webhook_ttid = request.form.string('WebhookTtid') ?? null;
    return { status: 200, body: this.render(interaction, request.origin) };
  }

  private channels(request: MockRequest) {
    const interaction = this.find(request, 'InteractionSid');
    return {
      status: 200,
      body: pageOf([{ seq: 1, interaction }], readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Interactions/${interaction.sid}/Channels`,
        key: 'channels',
        filters: [],
        render: ({ interaction: owner }) => renderChannel(owner, request.origin),
      }),
    };
  }
}

/** An Interaction's channel as Twilio lists it: its own fields, not the create request's `Channel`. */
export function renderChannel(interaction: InteractionRecord, origin: string) {
  const url = `${origin}/v1/Interactions/${interaction.sid}/Channels/${interaction.channel.sid}`;
  return {
    sid: interaction.channel.sid,
    interaction_sid: interaction.sid,
    type: interaction.channel.type,
    status: interaction.channelStatus,
    error_code: null,
    error_message: null,
    url,
    links: {
      participants: `${url}/Participants`,
      invites: `${url}/Invites`,
      transfers: `${url}/Transfers`,
    },
  };
}
