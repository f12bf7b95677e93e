import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { newSid } from '../core/sids';
import { Table } from '../core/table';
import { collectionRoutes, sidOf, v2010Page } from './v2010';

export interface PhoneNumberRecord {
  readonly seq: number;
  readonly sid: string;
  readonly phone_number: string;
  friendly_name: string;
  voice_url: string | null;
  voice_method: 'GET' | 'POST';
  sms_url: string | null;
}

const base = '/2010-04-01/Accounts/:AccountSid/IncomingPhoneNumbers';
const methods = ['GET', 'POST'] as const;

/**
 * The account's phone numbers (api v2010 IncomingPhoneNumbers): the voice and SMS URLs Twilio's
 * platforms request when a call or a message reaches the number.
 */
export class IncomingPhoneNumbers implements MockModule {
  readonly table = new Table<PhoneNumberRecord>();

  constructor(private readonly ctx: MockContext) {}

  routes(): Route[] {
    return collectionRoutes(base, {
      list: (r) => this.list(r),
      create: (r) => this.create(r),
      fetch: (r) => ({ status: 200, body: this.render(this.find(r)) }),
      update: (r) => this.update(r),
      remove: (r) => {
        this.table.delete(this.find(r).sid);
        return { status: 204 };
      },
    });
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
      voice_method: record.voice_method,
      sms_url: record.sms_url,
      sms_method: 'POST',
      uri: `/2010-04-01/Accounts/${this.ctx.accountSid}/IncomingPhoneNumbers/${record.sid}.json`,
    };
  }

  private find(request: MockRequest): PhoneNumberRecord {
    const record = this.table.get(sidOf(request));
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
      voice_method: request.form.oneOf('VoiceMethod', methods) ?? 'POST',
      sms_url: request.form.string('SmsUrl') ?? null,
    }));
    return { status: 201, body: this.render(record) };
  }

  private update(request: MockRequest): MockResponse {
    const record = this.find(request);
    const form = request.form;
    if (form.has('VoiceUrl')) record.voice_url = form.string('VoiceUrl') ?? null;
    record.voice_method = form.oneOf('VoiceMethod', methods) ?? record.voice_method;
    if (form.has('SmsUrl')) record.sms_url = form.string('SmsUrl') ?? null;
    if (form.has('FriendlyName')) record.friendly_name = form.string('FriendlyName') ?? record.friendly_name;
    return { status: 200, body: this.render(record) };
  }

  private list(request: MockRequest): MockResponse {
    const wanted = request.query.get('PhoneNumber');
    const records = this.table.all().filter((record) => !wanted || record.phone_number === wanted);
    const uri = `/2010-04-01/Accounts/${this.ctx.accountSid}/IncomingPhoneNumbers.json`;
    return v2010Page(
      request,
      uri,
      'incoming_phone_numbers',
      records.map((record) => this.render(record)),
    );
  }
}
