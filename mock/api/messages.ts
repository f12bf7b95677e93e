import type { MockContext } from '../context';
import { missingParameter, TwilioError } from '../core/errors';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { newSid } from '../core/sids';
import { Table } from '../core/table';
import type { IncomingPhoneNumbers } from './incoming-phone-numbers';
import { PlatformWork, recordOf, tableRoutes, v2010Date, v2010Page } from './v2010';
import { servedPath } from './voice-connection';

type MessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'received';

export interface MessageRecord {
  readonly seq: number;
  readonly sid: string;
  readonly direction: 'outbound-api' | 'inbound';
  readonly from: string;
  readonly to: string;
  body: string;
  readonly date_created: number;
  status: MessageStatus;
  date_sent: number | null;
}

const base = '/2010-04-01/Accounts/:AccountSid/Messages';
const e164 = /^\+[1-9]\d{7,14}$/;

/** Twilio's codes for a message it refuses (twilio.com/docs/api/errors/21211, 21602, 21604, 21606). */
const invalidTo = (to: string) => new TwilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
const bodyRequired = () => new TwilioError(400, 21602, 'Message body is required.');
const toRequired = () => new TwilioError(400, 21604, "A 'To' phone number is required.");
const fromNotOfTheAccount = (from: string) =>
  new TwilioError(
    400,
    21606,
    `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
  );

/**
 * Messages (api v2010): `POST …/Messages.json` sends an SMS From a number of the account. A message
 * To a number of the account arrives there as Twilio's messaging platform delivers it: an inbound
 * message requests the number's SMS URL (the Flex Proxy webhook of a Flex number). Numbers
 * elsewhere are out of the mock's reach (the message stays sent).
 */
export class Messages implements MockModule {
  readonly table = new Table<MessageRecord>();
  private readonly platform = new PlatformWork();

  constructor(
    private readonly ctx: MockContext,
    private readonly numbers: IncomingPhoneNumbers,
  ) {}

  routes(): Route[] {
    return tableRoutes(base, this.table, (record) => this.render(record), {
      list: (r) => this.list(r),
      create: (r) => this.create(r),
      update: (r) => this.redact(r),
    });
  }

  /** Resolves once every message sent so far has reached its number (or failed to). */
  async settled(): Promise<void> {
    await this.platform.settled();
  }

  private create(request: MockRequest): MockResponse {
    const form = request.form;
    const to = form.string('To');
    if (!to) throw toRequired();
    if (!e164.test(to)) throw invalidTo(to);
    const from = form.string('From');
    if (!from) throw missingParameter('From');
    if (!this.numbers.byPhoneNumber(from)) throw fromNotOfTheAccount(from);
    const body = form.string('Body');
    if (!body) throw bodyRequired();
    const sent = this.insert('outbound-api', from, to, body, 'queued');
    // Twilio answers at once (queued) and delivers the message afterwards.
    this.platform.later(() => this.deliver(sent));
    return { status: 201, body: this.render(sent) };
  }

  /** The number messaged receives it as its SMS URL says; the platform requests only URLs the mock serves. */
  private async deliver(sent: MessageRecord): Promise<void> {
    sent.status = 'sent';
    sent.date_sent = this.ctx.clock.now();
    const number = this.numbers.byPhoneNumber(sent.to);
    if (!number) return;
    const received = this.insert('inbound', sent.from, sent.to, sent.body, 'received');
    const path = servedPath(this.ctx, number.sms_url);
    const answer = path ? await this.requestSmsUrl(path, number.sms_method, received) : undefined;
    sent.status = answer && answer.status < 400 ? 'delivered' : 'undelivered';
  }

  /** The inbound message's parameters, as a form (POST) or in the query string (GET). */
  private requestSmsUrl(path: string, method: 'GET' | 'POST', received: MessageRecord) {
    const parameters = {
      AccountSid: this.ctx.accountSid,
      MessageSid: received.sid,
      SmsMessageSid: received.sid,
      SmsSid: received.sid,
      From: received.from,
      To: received.to,
      Body: received.body,
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    };
    const query = new URLSearchParams(parameters).toString();
    const sent =
      method === 'GET'
        ? this.ctx.call('webhooks', 'GET', `${path}${path.includes('?') ? '&' : '?'}${query}`)
        : this.ctx.call('webhooks', 'POST', path, parameters);
    return sent.catch(() => undefined);
  }

  private insert(
    direction: MessageRecord['direction'],
    from: string,
    to: string,
    body: string,
    status: MessageStatus,
  ): MessageRecord {
    const now = this.ctx.clock.now();
    return this.table.insert((seq) => ({
      seq,
      sid: newSid('SM'),
      direction,
      from,
      to,
      body,
      date_created: now,
      status,
      date_sent: direction === 'inbound' ? now : null,
    }));
  }

  /** Updating a message with an empty Body redacts it, as Twilio allows. */
  private redact(request: MockRequest): MockResponse {
    const message = recordOf(this.table, request);
    if (request.form.string('Body') === '') message.body = '';
    return { status: 200, body: this.render(message) };
  }

  /** Every field of Twilio's `api.v2010.account.message` schema. */
  private render(message: MessageRecord) {
    const uri = `/2010-04-01/Accounts/${this.ctx.accountSid}/Messages/${message.sid}.json`;
    return {
      body: message.body,
      num_segments: '1',
      direction: message.direction,
      from: message.from,
      to: message.to,
      date_updated: v2010Date(this.ctx.clock.now()),
      price: null,
      error_message: null,
      uri,
      account_sid: this.ctx.accountSid,
      num_media: '0',
      status: message.status,
      messaging_service_sid: null,
      sid: message.sid,
      date_sent: v2010Date(message.date_sent),
      date_created: v2010Date(message.date_created),
      error_code: null,
      price_unit: 'USD',
      api_version: '2010-04-01',
      subresource_uris: { media: `${uri.replace(/\.json$/, '')}/Media.json` },
    };
  }

  /** Newest first, filtered by To and From as Twilio's list filters them. */
  private list(request: MockRequest): MockResponse {
    const to = request.query.get('To');
    const from = request.query.get('From');
    const records = this.table
      .all()
      .filter((message) => (to === null || message.to === to) && (from === null || message.from === from))
      .reverse();
    const uri = `/2010-04-01/Accounts/${this.ctx.accountSid}/Messages.json`;
    return v2010Page(
      request,
      uri,
      'messages',
      records.map((message) => this.render(message)),
    );
  }
}
