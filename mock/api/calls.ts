import type { MockContext } from '../context';
import { invalidParameter, missingParameter } from '../core/errors';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { newSid } from '../core/sids';
import { Table } from '../core/table';
import type { IncomingPhoneNumbers } from './incoming-phone-numbers';
import { PlatformWork, recordOf, tableRoutes, v2010Date, v2010Page } from './v2010';
import { answerAtVoiceUrl, type ConnectedLeg, hangUpLeg, requestHoldMusic } from './voice-connection';

type CallStatus = 'queued' | 'ringing' | 'in-progress' | 'completed' | 'failed' | 'canceled';

export interface CallRecord {
  readonly seq: number;
  readonly sid: string;
  readonly direction: 'outbound-api' | 'inbound';
  readonly from: string;
  readonly to: string;
  readonly phone_number_sid: string | null;
  readonly date_created: number;
  status: CallStatus;
  start_time: number | null;
  end_time: number | null;
  /** The TwiML the call runs (the caller leg's inline TwiML, or what the number's voice URL answered). */
  twiml: string | null;
  /** The other leg when the call reached a number of the account. */
  connectedTo?: string;
  /** An inbound leg waiting in an `<Enqueue>`: its action URL, requested when the call leaves the queue. */
  enqueueAction?: string;
}

const base = '/2010-04-01/Accounts/:AccountSid/Calls';
const ended = new Set<CallStatus>(['completed', 'failed', 'canceled']);

/**
 * Calls (api v2010): `POST …/Calls.json` places a call; a call To a number of the account arrives
 * there as Twilio's voice platform delivers it: a new inbound call requests the number's voice URL
 * (a Studio flow's webhook), and the TwiML it answers runs. `Status=completed` ends a call and the
 * leg connected to it (an enqueued caller hangs up: the Enqueue action gets `QueueResult=hangup`).
 */
export class Calls implements MockModule {
  readonly table = new Table<CallRecord>();
  private readonly platform = new PlatformWork();

  constructor(
    private readonly ctx: MockContext,
    private readonly numbers: IncomingPhoneNumbers,
  ) {}

  routes(): Route[] {
    return tableRoutes(base, this.table, (record) => this.render(record), {
      list: (r) => this.list(r),
      create: (r) => this.create(r),
      update: (r) => this.update(r),
    });
  }

  /** Resolves once every call placed so far has reached its number (or failed to). */
  async settled(): Promise<void> {
    await this.platform.settled();
  }

  private create(request: MockRequest): MockResponse {
    const form = request.form;
    const to = form.required('To');
    const from = form.required('From');
    const twiml = form.string('Twiml');
    const url = form.string('Url');
    if (twiml === undefined && url === undefined && !form.has('ApplicationSid'))
      throw missingParameter('Url');
    const now = this.ctx.clock.now();
    const call = this.table.insert((seq) => ({
      seq,
      sid: newSid('CA'),
      direction: 'outbound-api',
      from,
      to,
      phone_number_sid: null,
      date_created: now,
      status: 'queued',
      start_time: null,
      end_time: null,
      twiml: twiml ?? null,
    }));
    // Twilio answers at once (queued) and connects the call afterwards.
    this.platform.later(() => this.connect(call));
    return { status: 201, body: this.render(call) };
  }

  /** The number dialled answers as its voice URL says; a number elsewhere is out of the mock's reach (ringing). */
  private async connect(caller: CallRecord): Promise<void> {
    if (caller.status !== 'queued') return;
    const number = this.numbers.byPhoneNumber(caller.to);
    caller.status = 'ringing';
    if (!number) return;
    const now = this.ctx.clock.now();
    const leg = this.table.insert((seq) => ({
      seq,
      sid: newSid('CA'),
      direction: 'inbound',
      from: caller.from,
      to: caller.to,
      phone_number_sid: number.sid,
      date_created: now,
      status: 'ringing',
      start_time: null,
      end_time: null,
      twiml: null,
      connectedTo: caller.sid,
    }));
    caller.connectedTo = leg.sid;
    const answer = await answerAtVoiceUrl(this.ctx, number.voice_url, this.legOf(leg, 'ringing'));
    if (ended.has(caller.status)) return;
    if (!answer) {
      this.end(leg, 'failed');
      this.end(caller, 'completed');
      return;
    }
    leg.twiml = answer.twiml;
    if (answer.enqueue?.action) leg.enqueueAction = answer.enqueue.action;
    for (const call of [leg, caller]) {
      call.status = 'in-progress';
      call.start_time = this.ctx.clock.now();
    }
    // An enqueued caller hears the hold music while waiting; the call does not wait for it.
    void requestHoldMusic(this.ctx, answer, this.legOf(leg, 'in-progress'));
  }

  private async update(request: MockRequest): Promise<MockResponse> {
    const call = recordOf(this.table, request);
    const form = request.form;
    const status = form.oneOf('Status', ['completed', 'canceled'] as const);
    const twiml = form.string('Twiml');
    if (twiml !== undefined && !ended.has(call.status)) call.twiml = twiml;
    if (status && !ended.has(call.status)) {
      if (status === 'canceled' && call.status === 'in-progress')
        throw invalidParameter('Status', 'an in-progress call is ended with completed, not canceled');
      await this.hangUp(call, status);
    }
    return { status: 200, body: this.render(call) };
  }

  /** Ends the call and the leg connected to it; an enqueued leg leaves its queue (the caller hung up). */
  private async hangUp(call: CallRecord, status: 'completed' | 'canceled'): Promise<void> {
    const other = call.connectedTo ? this.table.get(call.connectedTo) : undefined;
    this.end(call, call.status === 'in-progress' ? 'completed' : status);
    if (!other || ended.has(other.status)) return;
    this.end(other, other.status === 'in-progress' ? 'completed' : 'canceled');
    const waiting = [call, other].find((leg) => leg.enqueueAction);
    if (waiting?.enqueueAction) {
      const action = waiting.enqueueAction;
      delete waiting.enqueueAction;
      await hangUpLeg(this.ctx, action, this.legOf(waiting, 'completed'));
    }
  }

  private end(call: CallRecord, status: CallStatus): void {
    call.status = status;
    call.end_time = this.ctx.clock.now();
  }

  private legOf(call: CallRecord, callStatus: string): ConnectedLeg {
    return { callSid: call.sid, from: call.from, to: call.to, callStatus };
  }

  private render(call: CallRecord) {
    const duration =
      call.start_time !== null && call.end_time !== null
        ? String(Math.round((call.end_time - call.start_time) / 1000))
        : null;
    const uri = `/2010-04-01/Accounts/${this.ctx.accountSid}/Calls/${call.sid}.json`;
    return {
      sid: call.sid,
      account_sid: this.ctx.accountSid,
      parent_call_sid: null,
      date_created: v2010Date(call.date_created),
      date_updated: v2010Date(this.ctx.clock.now()),
      to: call.to,
      to_formatted: call.to,
      from: call.from,
      from_formatted: call.from,
      phone_number_sid: call.phone_number_sid,
      status: call.status,
      start_time: v2010Date(call.start_time),
      end_time: v2010Date(call.end_time),
      duration,
      price: null,
      price_unit: 'USD',
      direction: call.direction,
      answered_by: null,
      api_version: '2010-04-01',
      forwarded_from: null,
      group_sid: null,
      caller_name: null,
      queue_time: '0',
      trunk_sid: null,
      uri,
      subresource_uris: {},
    };
  }

  /** Newest first, filtered by To, From and Status as Twilio's list filters them. */
  private list(request: MockRequest): MockResponse {
    const filters = (['To', 'From', 'Status'] as const).map(
      (name) => [name, request.query.get(name)] as const,
    );
    const field = { To: 'to', From: 'from', Status: 'status' } as const;
    const records = this.table
      .all()
      .filter((call) => filters.every(([name, wanted]) => wanted === null || call[field[name]] === wanted))
      .reverse();
    const uri = `/2010-04-01/Accounts/${this.ctx.accountSid}/Calls.json`;
    return v2010Page(
      request,
      uri,
      'calls',
      records.map((call) => this.render(call)),
    );
  }
}
