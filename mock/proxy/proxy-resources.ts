import type { Sequenced } from '../core/paging';

/**
 * Proxy's Service and Session resources as Twilio renders them: every property of
 * `proxy.v1.service` and `proxy.v1.service.session` (twilio_proxy_v1.json), null where the
 * resource has no value.
 */

export interface ServiceRecord extends Sequenced {
  readonly sid: string;
  readonly unique_name: string;
  readonly date_created: string;
}

export interface SessionRecord extends Sequenced {
  readonly sid: string;
  readonly service_sid: string;
  /** The Flex chat channel the session carries. */
  readonly unique_name: string;
  readonly janitor_enabled: boolean;
  readonly date_created: string;
  /** The last message the session carried (each one an interaction). */
  date_last_interaction: string;
}

const origin = 'https://proxy.twilio.com';

/**
 * The Flex Proxy Service as Flex provisions it: Proxy's defaults (an unlimited `default_ttl` of 0,
 * `prefer-sticky`, `country`), no callbacks, linked to the Flex chat service it forwards SMS to.
 */
export function renderService(record: ServiceRecord, accountSid: string, chatInstanceSid: string | null) {
  const url = `${origin}/v1/Services/${record.sid}`;
  return {
    sid: record.sid,
    unique_name: record.unique_name,
    account_sid: accountSid,
    chat_instance_sid: chatInstanceSid,
    callback_url: null,
    default_ttl: 0,
    number_selection_behavior: 'prefer-sticky',
    geo_match_level: 'country',
    intercept_callback_url: null,
    out_of_session_callback_url: null,
    date_created: record.date_created,
    date_updated: record.date_created,
    url,
    links: { sessions: `${url}/Sessions`, phone_numbers: `${url}/PhoneNumbers` },
  };
}

/**
 * A session Flex opened for an SMS interaction: started by its first message (`in-progress`),
 * message-only, no TTL nor expiry, open until removed.
 */
export function renderSession(record: SessionRecord, accountSid: string) {
  const url = `${origin}/v1/Services/${record.service_sid}/Sessions/${record.sid}`;
  return {
    sid: record.sid,
    service_sid: record.service_sid,
    account_sid: accountSid,
    date_started: record.date_created,
    date_ended: null,
    date_last_interaction: record.date_last_interaction,
    date_expiry: null,
    unique_name: record.unique_name,
    status: 'in-progress',
    closed_reason: null,
    ttl: 0,
    mode: 'message-only',
    date_created: record.date_created,
    date_updated: record.date_last_interaction,
    url,
    links: { interactions: `${url}/Interactions`, participants: `${url}/Participants` },
  };
}
