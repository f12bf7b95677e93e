import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { newSid } from '../core/sids';
import { Table } from '../core/table';
import { collectionRoutes, rfc2822, sidOf, v2010Page } from './v2010';

export interface PhoneNumberRecord {
  readonly seq: number;
  readonly sid: string;
  readonly phone_number: string;
  friendly_name: string;
  voice_url: string | null;
  voice_method: 'GET' | 'POST';
  sms_url: string | null;
  sms_method: 'GET' | 'POST';
  readonly date_created: number;
  date_updated: number;
}

const base = '/2010-04-01/Accounts/:AccountSid/IncomingPhoneNumbers';

/**
 * The properties Twilio's description lists for a phone number that the emulator does not model:
 * a Twilio-owned number in use, on no application, trunk, address or bundle, with voice, SMS and
 * MMS, without emergency calling, and the default fallback and callback methods.
 */
const unconfigured = {
  address_sid: null,
  address_requirements: 'none',
  api_version: '2010-04-01',
  beta: false,
  capabilities: { voice: true, sms: true, mms: true, fax: false },
  identity_sid: null,
  origin: 'twilio',
  sms_application_sid: null,
  sms_fallback_method: 'POST',
  sms_fallback_url: null,
  status_callback: null,
  status_callback_method: 'POST',
  trunk_sid: null,
  voice_receive_mode: 'voice',
  voice_application_sid: null,
  voice_caller_id_lookup: false,
  voice_fallback_method: 'POST',
  voice_fallback_url: null,
  emergency_status: 'Inactive',
  emergency_address_sid: null,
  emergency_address_status: 'unregistered',
  bundle_sid: null,
  status: 'in-use',
  type: null,
} as const;
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
      sms_method: record.sms_method,
      uri: `/2010-04-01/Accounts/${this.ctx.accountSid}/IncomingPhoneNumbers/${record.sid}.json`,
      date_created: rfc2822(record.date_created),
      date_updated: rfc2822(record.date_updated),
      ...unconfigured,
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
      sms_method: request.form.oneOf('SmsMethod', methods) ?? 'POST',
      date_created: this.ctx.clock.now(),
      date_updated: this.ctx.clock.now(),
    }));
    return { status: 201, body: this.render(record) };
  }

  private update(request: MockRequest): MockResponse {
    const record = this.find(request);
    const form = request.form;
    if (form.has('VoiceUrl')) record.voice_url = form.string('VoiceUrl') ?? null;
    record.voice_method = form.oneOf('VoiceMethod', methods) ?? record.voice_method;
    if (form.has('SmsUrl')) record.sms_url = form.string('SmsUrl') ?? null;
    record.sms_method = form.oneOf('SmsMethod', methods) ?? record.sms_method;
    if (form.has('FriendlyName')) record.friendly_name = form.string('FriendlyName') ?? record.friendly_name;
    record.date_updated = this.ctx.clock.now();
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
