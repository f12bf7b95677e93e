import type { MockContext } from '../context';
import { invalidParameter, missingParameter, notFound } from '../core/errors';
import { isJsonObject } from '../core/json';
import type { MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';

const channelTypes = ['voice', 'sms', 'email', 'web', 'whatsapp', 'chat', 'messenger', 'gbm'] as const;

interface InteractionRecord {
  readonly seq: number;
  readonly sid: string;
  readonly channel: Record<string, unknown> & { sid: string };
  readonly routing: Record<string, unknown>;
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

    let taskBody: Json | undefined;
    const properties = isJsonObject(routing.properties) ? routing.properties : undefined;
    if (properties && this.ctx.behaviour.interactions.taskOnCreate) {
      const created = await this.createTask(properties, channel, sid, channelSid);
      if (created.status !== 201) return created;
      taskBody = created.body as Json;
    }
    const mediaChannelSid = isJsonObject(channel.properties)
      ? channel.properties.media_channel_sid
      : undefined;
    if (typeof mediaChannelSid === 'string') await this.takeOverConversation(mediaChannelSid);

    const interaction = this.table.insert((seq) => ({
      seq,
      sid,
      channel: { ...channel, sid: channelSid },
      routing: taskBody ? { ...routing, reservation: null, properties: routedTask(taskBody) } : routing,
      interaction_context_sid: form.sid('InteractionContextSid', 'HQ') ?? null,
      webhook_ttid: form.string('WebhookTtid') ?? null,
      date_created: isoNow(this.ctx.clock.now()),
    }));
    return { status: 200, body: this.render(interaction, request.origin) };
  }

  /** The task: Routing properties as TaskRouter parameters, the attributes as given plus the Interaction's SIDs. */
  private async createTask(
    properties: Json,
    channel: Json,
    sid: string,
    channelSid: string,
  ): Promise<MockResponse> {
    const workspaceSid = properties.workspace_sid;
    if (typeof workspaceSid !== 'string') throw missingParameter('Routing.properties.workspace_sid');
    const given = isJsonObject(properties.attributes) ? properties.attributes : {};
    const mediaChannelSid = isJsonObject(channel.properties)
      ? channel.properties.media_channel_sid
      : undefined;
    const attributes: Json = {
      ...given,
      flexInteractionSid: sid,
      flexInteractionChannelSid: channelSid,
      ...(typeof mediaChannelSid === 'string' && mediaChannelSid.startsWith('CH')
        ? { conversationSid: mediaChannelSid }
        : {}),
    };
    const form: Record<string, string> = { Attributes: JSON.stringify(attributes) };
    const text = (name: string, value: unknown) => {
      if (value !== undefined && value !== null) form[name] = String(value);
    };
    text('WorkflowSid', properties.workflow_sid);
    text('TaskChannel', properties.task_channel_sid ?? properties.task_channel_unique_name);
    text('Priority', properties.priority);
    text('Timeout', properties.timeout);
    return this.ctx.call('taskrouter', 'POST', `/v1/Workspaces/${workspaceSid}/Tasks`, form);
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

  private find(request: MockRequest, param: string): InteractionRecord {
    const interaction = this.table.get(request.pathParams[param] ?? '');
    if (!interaction) throw notFound(request.path);
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

const epochSeconds = (date: unknown) =>
  typeof date === 'string' && date ? Math.floor(Date.parse(date) / 1000) : null;

/**
 * The task as the Interaction's `routing.properties` shows it, after the example of Twilio's
 * Interactions description: names of its queue and workflow, `age_in_queue`, epoch-second dates.
 */
function routedTask(task: Json): Json {
  const entered = epochSeconds(task.task_queue_entered_date);
  const created = epochSeconds(task.date_created);
  return {
    date_updated: epochSeconds(task.date_updated),
    task_queue_entered_date: entered,
    workflow_name: task.workflow_friendly_name ?? null,
    age_in_queue:
      entered === null || created === null ? 0 : Math.max(0, Number(task.age ?? 0) - (entered - created)),
    task_channel_unique_name: task.task_channel_unique_name ?? null,
    assignment_status: task.assignment_status,
    queue_name: task.task_queue_friendly_name ?? null,
    assignmentCounter: 0,
    priority: task.priority,
    sid: task.sid,
    workflow_sid: task.workflow_sid ?? null,
    routing_target: task.routing_target ?? null,
    reason: task.reason ?? '',
    attributes: task.attributes,
    task_channel_sid: task.task_channel_sid ?? null,
    age: task.age,
    workspace_sid: task.workspace_sid,
    account_sid: task.account_sid,
    timeout: task.timeout,
    date_created: created,
    addons: task.addons ?? '{}',
    queue_sid: task.task_queue_sid ?? null,
  };
}

/** An Interaction's channel as Twilio lists it: its own fields, not the create request's `Channel`. */
function renderChannel(interaction: InteractionRecord, origin: string) {
  const url = `${origin}/v1/Interactions/${interaction.sid}/Channels/${interaction.channel.sid}`;
  return {
    sid: interaction.channel.sid,
    interaction_sid: interaction.sid,
    type: interaction.channel.type,
    status: 'active',
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
