import type { MockContext } from '../context';
import { invalidParameter } from '../core/errors';
import { isJsonObject } from '../core/json';
import type { MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { newSid } from '../core/sids';
import { Table } from '../core/table';
import { createInteractionTask, routedTask } from './interaction-routing';
import type { Interactions } from './interactions';

interface InviteRecord {
  readonly seq: number;
  readonly sid: string;
  readonly interactionSid: string;
  readonly channelSid: string;
  readonly routing: Record<string, unknown>;
}

const base = '/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Invites';

/**
 * Invites to an Interaction's channel (an agent or a queue asked to join it): each invite's
 * Routing properties become a new TaskRouter task for the channel, shown under its `routing`.
 */
export class InteractionInvites implements MockModule {
  private readonly table = new Table<InviteRecord>();

  constructor(
    private readonly ctx: MockContext,
    private readonly interactions: Interactions,
  ) {}

  routes(): Route[] {
    return [
      { domain: 'flex-api', method: 'GET', pattern: base, handler: (r) => this.list(r) },
      { domain: 'flex-api', method: 'POST', pattern: base, handler: (r) => this.create(r) },
    ];
  }

  private render(invite: InviteRecord, origin: string) {
    return {
      sid: invite.sid,
      interaction_sid: invite.interactionSid,
      channel_sid: invite.channelSid,
      routing: invite.routing,
      url: `${origin}/v1/Interactions/${invite.interactionSid}/Channels/${invite.channelSid}/Invites/${invite.sid}`,
    };
  }

  private list(request: MockRequest): MockResponse {
    const interaction = this.interactions.findChannel(request, 'ChannelSid');
    const mine = this.table.all().filter((invite) => invite.channelSid === interaction.channel.sid);
    return {
      status: 200,
      body: pageOf(mine, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Interactions/${interaction.sid}/Channels/${interaction.channel.sid}/Invites`,
        key: 'invites',
        filters: [],
        render: (invite) => this.render(invite, request.origin),
      }),
    };
  }

  private async create(request: MockRequest): Promise<MockResponse> {
    const interaction = this.interactions.findChannel(request, 'ChannelSid');
    const routing = request.form.json('Routing', true);
    if (!isJsonObject(routing)) throw invalidParameter('Routing', 'must be a JSON object');
    const sid = newSid('KG');
    let shown = routing;
    if (isJsonObject(routing.properties) && this.ctx.behaviour.interactions.inviteCreatesTask) {
      const media = interaction.channel.properties;
      const mediaChannelSid = isJsonObject(media) ? media.media_channel_sid : undefined;
      const created = await createInteractionTask(
        this.ctx,
        routing.properties,
        {
          interactionSid: interaction.sid,
          channelSid: interaction.channel.sid,
          mediaChannelSid: typeof mediaChannelSid === 'string' ? mediaChannelSid : undefined,
        },
        { flexChannelInviteSid: sid },
      );
      if (created.status !== 201) return created;
      const task = created.body as Record<string, unknown>;
      interaction.tasks.push({ workspaceSid: String(task.workspace_sid), sid: String(task.sid) });
      shown = { ...routing, reservation: null, properties: routedTask(task) };
    }
    const invite = this.table.insert((seq) => ({
      seq,
      sid,
      interactionSid: interaction.sid,
      channelSid: interaction.channel.sid,
      routing: shown,
    }));
    return { status: 200, body: this.render(invite, request.origin) };
  }
}
