import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { newSid } from '../core/sids';
import { Table } from '../core/table';

export interface PhoneNumberRecord {
  readonly seq: number;
  readonly sid: string;
  readonly phone_number: string;
  friendly_name: string;
  voice_url: string | null;
  sms_url: string | null;
}

const base = '/2010-04-01/Accounts/:AccountSid/IncomingPhoneNumbers';

/**
 * The account's phone numbers (api v2010 IncomingPhoneNumbers): the voice and SMS URLs Twilio's
 * platforms request when a call or a message reaches the number.
 */
export class IncomingPhoneNumbers implements MockModule {
  readonly table = new Table<PhoneNumberRecord>();

  constructor(private readonly ctx: MockContext) {}

  routes(): Route[] {
    const route = (method: 'GET' | 'POST' | 'DELETE', pattern: string, handler: Route['handler']): Route => ({
      domain: 'api',
      method,
      pattern,
      handler,
    });
    return [
      route('GET', `${base}.json`, (r) => this.list(r)),
      route('POST', `${base}.json`, (r) => this.create(r)),
      route('GET', `${base}/:SidJson`, (r) => ({ status: 200, body: this.render(this.find(r)) })),
      route('POST', `${base}/:SidJson`, (r) => this.update(r)),
      route('DELETE', `${base}/:SidJson`, (r) => {
        this.table.delete(this.find(r).sid);
        return { status: 204 };
      }),
    ];
  }

  /** The number's record by its E.164 value. */
  byPhoneNumber(phoneNumber: string): PhoneNumberRecord | undefined {
    return this.table.all().find((record) => record.phone_number === phoneNumber);
  }

  private render(record: PhoneNumberRecord) {
    return {
      account_sid: this.ctx.accountSid,
      sid: record.sid,
      phone_number: record.phone_number,
      friendly_name: record.friendly_name,
      voice_url: record.voice_url,
      voice_method: 'POST',
      sms_url: record.sms_url,
      sms_method: 'POST',
      uri: `/2010-04-01/Accounts/${this.ctx.accountSid}/IncomingPhoneNumbers/${record.sid}.json`,
    };
  }

  private find(request: MockRequest): PhoneNumberRecord {
    const sid = (request.pathParams.SidJson ?? '').replace(/\.json$/, '');
    const record = this.table.get(sid);
    if (!record) throw notFound(request.path);
    return record;
  }

  private create(request: MockRequest): MockResponse {
    const phoneNumber = request.form.required('PhoneNumber');
    const record = this.table.insert((seq) => ({
      seq,
      sid: newSid('PN'),
      phone_number: phoneNumber,
      friendly_name: request.form.string('FriendlyName') ?? phoneNumber,
      voice_url: request.form.string('VoiceUrl') ?? null,
      sms_url: request.form.string('SmsUrl') ?? null,
    }));
    return { status: 201, body: this.render(record) };
  }

  private update(request: MockRequest): MockResponse {
    const record = this.find(request);
    const form = request.form;
    if (form.has('VoiceUrl')) record.voice_url = form.string('VoiceUrl') ?? null;
    if (form.has('SmsUrl')) record.sms_url = form.string('SmsUrl') ?? null;
    if (form.has('FriendlyName')) record.friendly_name = form.string('FriendlyName') ?? record.friendly_name;
    return { status: 200, body: this.render(record) };
  }

  private list(request: MockRequest): MockResponse {
    const wanted = request.query.get('PhoneNumber');
    const records = this.table.all().filter((record) => !wanted || record.phone_number === wanted);
    const pageSize = Number(request.query.get('PageSize') ?? 50);
    const uri = `/2010-04-01/Accounts/${this.ctx.accountSid}/IncomingPhoneNumbers.json`;
    return {
      status: 200,
      body: {
        incoming_phone_numbers: records.slice(0, pageSize).map((record) => this.render(record)),
        page: 0,
        page_size: pageSize,
        start: 0,
        end: Math.max(0, Math.min(records.length, pageSize) - 1),
        first_page_uri: `${uri}?PageSize=${pageSize}&Page=0`,
        next_page_uri: null,
        previous_page_uri: null,
        uri: `${uri}?PageSize=${pageSize}&Page=0`,
      },
    };
  }
}
