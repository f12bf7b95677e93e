import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';
import type { Interactions } from './interactions';

interface TransferRecord {
  readonly seq: number;
  readonly sid: string;
  readonly interactionSid: string;
  readonly channelSid: string;
  readonly dateCreated: string;
  dateUpdated: string;
}

const base = '/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Transfers';

/**
 * Transfers of an Interaction's channel: create (201, no parameters), fetch and update. The
 * description gives create no parameters, so a transfer names no participants: a cold transfer,
 * active from its creation, `from`, `to`, notes and summary null.
 */
export class InteractionTransfers implements MockModule {
  private readonly table = new Table<TransferRecord>();

  constructor(
    private readonly ctx: MockContext,
    private readonly interactions: Interactions,
  ) {}

  routes(): Route[] {
    return [
      { domain: 'flex-api', method: 'POST', pattern: base, handler: (r) => this.create(r) },
      { domain: 'flex-api', method: 'GET', pattern: `${base}/:Sid`, handler: (r) => this.fetch(r) },
      { domain: 'flex-api', method: 'POST', pattern: `${base}/:Sid`, handler: (r) => this.update(r) },
    ];
  }

  private render(transfer: TransferRecord, origin: string) {
    return {
      sid: transfer.sid,
      instance_sid: null,
      account_sid: this.ctx.accountSid,
      interaction_sid: transfer.interactionSid,
      channel_sid: transfer.channelSid,
      execution_sid: null,
      type: 'cold',
      status: 'active',
      from: null,
      to: null,
      note_sid: null,
      summary_sid: null,
      date_created: transfer.dateCreated,
      date_updated: transfer.dateUpdated,
      url: `${origin}/v1/Interactions/${transfer.interactionSid}/Channels/${transfer.channelSid}/Transfers/${transfer.sid}`,
    };
  }

  private create(request: MockRequest): MockResponse {
    const interaction = this.interactions.findChannel(request, 'ChannelSid');
    const now = isoNow(this.ctx.clock.now());
    const transfer = this.table.insert((seq) => ({
      seq,
      sid: newSid('UX'),
      interactionSid: interaction.sid,
      channelSid: interaction.channel.sid,
      dateCreated: now,
      dateUpdated: now,
    }));
    return { status: 201, body: this.render(transfer, request.origin) };
  }

  private find(request: MockRequest): TransferRecord {
    const interaction = this.interactions.findChannel(request, 'ChannelSid');
    const transfer = this.table.get(request.pathParams.Sid ?? '');
    if (!transfer || transfer.channelSid !== interaction.channel.sid) throw notFound(request.path);
    return transfer;
  }

  private fetch(request: MockRequest): MockResponse {
    return { status: 200, body: this.render(this.find(request), request.origin) };
  }

  private update(request: MockRequest): MockResponse {
    const transfer = this.find(request);
    transfer.dateUpdated = isoNow(this.ctx.clock.now());
    return { status: 200, body: this.render(transfer, request.origin) };
  }
}
