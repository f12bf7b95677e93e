import type { Sequenced } from '../core/paging';
import type { Table } from '../core/table';
import type { ChatRoleRecord } from './roles';

export interface ChatMessageRecord extends Sequenced {
  readonly sid: string;
  readonly index: number;
  readonly from: string;
  readonly body: string;
  readonly attributes: string;
  readonly date_created: string;
}

export interface ChatMemberRecord extends Sequenced {
  readonly sid: string;
  readonly identity: string;
  readonly date_created: string;
}

export interface ChannelWebhookRecord extends Sequenced {
  readonly sid: string;
  readonly type: 'webhook' | 'studio' | 'trigger';
  readonly configuration: {
    readonly url: string | null;
    readonly method: string | null;
    readonly filters: readonly string[];
    readonly flow_sid: string | null;
    readonly retry_count: number;
  };
  readonly date_created: string;
}

export interface ChatChannelRecord extends Sequenced {
  readonly sid: string;
  readonly service_sid: string;
  friendly_name: string | null;
  unique_name: string | null;
  attributes: string;
  readonly type: 'public' | 'private';
  readonly created_by: string;
  readonly date_created: string;
  date_updated: string;
  readonly members: Table<ChatMemberRecord>;
  readonly messages: Table<ChatMessageRecord>;
  readonly webhooks: Table<ChannelWebhookRecord>;
  /** Tasks Send to Flex created for messages of this channel, newest last. */
  readonly taskSids: string[];
}

export interface ChatServiceRecord extends Sequenced {
  readonly sid: string;
  friendly_name: string;
  readonly date_created: string;
  date_updated: string;
  readonly channels: Table<ChatChannelRecord>;
  readonly users: Map<string, ChatUserRecord>;
  readonly roles: readonly ChatRoleRecord[];
}

export interface ChatUserRecord {
  readonly sid: string;
  readonly identity: string;
  readonly friendly_name: string | null;
  readonly role_sid: string;
  readonly date_created: string;
}
