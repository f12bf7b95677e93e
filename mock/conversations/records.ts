import type { Sequenced } from '../core/paging';
import type { Table } from '../core/table';

export interface ParticipantRecord extends Sequenced {
  readonly sid: string;
  readonly identity: string | null;
  readonly messaging_binding: {
    type: 'sms' | 'whatsapp';
    address: string;
    proxy_address: string | null;
  } | null;
  attributes: string;
  /** Set by an update; shown as null until then. */
  last_read_message_index?: number | null;
  last_read_timestamp?: string | null;
  readonly date_created: string;
  date_updated: string;
}

export interface MessageRecord extends Sequenced {
  readonly sid: string;
  readonly index: number;
  author: string;
  body: string | null;
  attributes: string;
  readonly participant_sid: string | null;
  readonly date_created: string;
  /** Set by an update; shown as null until then. */
  date_updated?: string;
}

export interface ReceiptRecord extends Sequenced {
  readonly sid: string;
  readonly message_sid: string;
  readonly participant_sid: string;
  readonly channel_message_sid: string;
  status: 'read' | 'failed' | 'delivered' | 'undelivered' | 'sent';
  /** 0 while the channel reports no error, as Twilio answers. */
  error_code: number;
  readonly date_created: string;
  date_updated: string;
}

export type WebhookTarget = 'webhook' | 'trigger' | 'studio';

export interface WebhookRecord extends Sequenced {
  readonly sid: string;
  readonly target: WebhookTarget;
  configuration: {
    url: string | null;
    method: 'get' | 'post' | null;
    filters: string[];
    triggers: string[];
    flow_sid: string | null;
    replay_after: number | null;
  };
  readonly date_created: string;
  date_updated: string;
}

export interface ConversationRecord extends Sequenced {
  readonly sid: string;
  friendly_name: string | null;
  unique_name: string | null;
  attributes: string;
  state: 'initializing' | 'inactive' | 'active' | 'closed';
  readonly date_created: string;
  date_updated: string;
  readonly participants: Table<ParticipantRecord>;
  readonly messages: Table<MessageRecord>;
  readonly webhooks: Table<WebhookRecord>;
  /** Delivery receipts of the conversation's messages. */
  readonly receipts: Table<ReceiptRecord>;
}
