import { invalidParameter, notFound } from '../core/errors';
import { isJsonObject } from '../core/json';
import type { MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { newSid } from '../core/sids';
import { Table } from '../core/table';
import type { Interactions } from './interactions';

const participantTypes = ['supervisor', 'customer', 'external', 'agent', 'unknown'] as const;
const participantStatuses = ['closed', 'wrapup'] as const;

interface ParticipantRecord {
  readonly seq: number;
  readonly sid: string;
  readonly interactionSid: string;
  readonly channelSid: string;
  readonly type: (typeof participantTypes)[number];
  readonly mediaProperties: Record<string, unknown>;
  readonly routingProperties: Record<string, unknown> | null;
  status: (typeof participantStatuses)[number] | null;
}

const base = '/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Participants';

/** The participants of an Interaction's channel: list, add (Type, MediaProperties), update (Status). */
export class InteractionParticipants implements MockModule {
  private readonly table = new Table<ParticipantRecord>();

  constructor(private readonly interactions: Interactions) {}

  routes(): Route[] {
    return [
      { domain: 'flex-api', method: 'GET', pattern: base, handler: (r) => this.list(r) },
      { domain: 'flex-api', method: 'POST', pattern: base, handler: (r) => this.create(r) },
      { domain: 'flex-api', method: 'POST', pattern: `${base}/:Sid`, handler: (r) => this.update(r) },
    ];
  }

  private render(participant: ParticipantRecord, origin: string) {
    return {
      sid: participant.sid,
      type: participant.type,
      interaction_sid: participant.interactionSid,
      channel_sid: participant.channelSid,
      url: `${origin}/v1/Interactions/${participant.interactionSid}/Channels/${participant.channelSid}/Participants/${participant.sid}`,
      routing_properties: participant.routingProperties,
    };
  }

  private list(request: MockRequest): MockResponse {
    const interaction = this.interactions.findChannel(request, 'ChannelSid');
    const mine = this.table.all().filter((participant) => participant.channelSid === interaction.channel.sid);
    return {
      status: 200,
      body: pageOf(mine, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v1/Interactions/${interaction.sid}/Channels/${interaction.channel.sid}/Participants`,
        key: 'participants',
        filters: [],
        render: (participant) => this.render(participant, request.origin),
      }),
    };
  }

  private create(request: MockRequest): MockResponse {
    const interaction = this.interactions.findChannel(request, 'ChannelSid');
    const form = request.form;
    const type = form.oneOf('Type', participantTypes, true) ?? 'unknown';
    const media = form.json('MediaProperties', true);
    if (!isJsonObject(media)) throw invalidParameter('MediaProperties', 'must be a JSON object');
    const routing = form.json('RoutingProperties');
    if (routing !== undefined && !isJsonObject(routing))
      throw invalidParameter('RoutingProperties', 'must be a JSON object');
    const participant = this.table.insert((seq) => ({
      seq,
      sid: newSid('UT'),
      interactionSid: interaction.sid,
      channelSid: interaction.channel.sid,
      type,
      mediaProperties: media,
      routingProperties: routing ?? null,
      status: null,
    }));
    return { status: 200, body: this.render(participant, request.origin) };
  }

  private update(request: MockRequest): MockResponse {
    const interaction = this.interactions.findChannel(request, 'ChannelSid');
    const participant = this.table.get(request.pathParams.Sid ?? '');
    if (!participant || participant.channelSid !== interaction.channel.sid) throw notFound(request.path);
    participant.status = request.form.oneOf('Status', participantStatuses, true) ?? participant.status;
    return { status: 200, body: this.render(participant, request.origin) };
  }
}
