import type {
  ChannelWebhookRecord,
  ChatChannelRecord,
  ChatMemberRecord,
  ChatMessageRecord,
  ChatServiceRecord,
  ChatUserRecord,
} from './records';
import type { ChatRoleRecord, DefaultRole } from './roles';

/**
 * Programmable Chat v2's resources as Twilio renders them: every property of `chat.v2.service`,
 * `….service.channel`, `….channel.member`, `….channel.message`, `….channel.channel_webhook`,
 * `….service.user` and `….service.role` (twilio_chat_v2.json), null where the resource has no
 * value. A new service carries Chat's defaults: read status on, reachability off, a 5 s typing
 * timeout, 250 channels a user and 100 members a channel, no service webhooks, no push
 * notifications.
 */

export function roleSidOf(service: ChatServiceRecord, name: DefaultRole): string {
  return (service.roles.find((role) => role.friendly_name === name) as ChatRoleRecord).sid;
}

export function renderService(service: ChatServiceRecord, accountSid: string, origin: string) {
  const url = `${origin}/v2/Services/${service.sid}`;
  const off = { enabled: false };
  return {
    sid: service.sid,
    account_sid: accountSid,
    friendly_name: service.friendly_name,
    date_created: service.date_created,
    date_updated: service.date_updated,
    default_service_role_sid: roleSidOf(service, 'service user'),
    default_channel_role_sid: roleSidOf(service, 'channel user'),
    default_channel_creator_role_sid: roleSidOf(service, 'channel admin'),
    read_status_enabled: true,
    reachability_enabled: false,
    typing_indicator_timeout: 5,
    consumption_report_interval: 10,
    limits: { user_channels: 250, channel_members: 100 },
    pre_webhook_url: null,
    post_webhook_url: null,
    webhook_method: null,
    webhook_filters: null,
    pre_webhook_retry_count: 0,
    post_webhook_retry_count: 0,
    notifications: {
      log_enabled: false,
      new_message: off,
      added_to_channel: off,
      removed_from_channel: off,
      invited_to_channel: off,
    },
    media: { size_limit_mb: 150, compatibility_message: 'Media messages are not supported by your client' },
    url,
    links: {
      channels: `${url}/Channels`,
      users: `${url}/Users`,
      roles: `${url}/Roles`,
      bindings: `${url}/Bindings`,
    },
  };
}

const channelUrl = (channel: ChatChannelRecord, origin: string) =>
  `${origin}/v2/Services/${channel.service_sid}/Channels/${channel.sid}`;

export function renderChannel(channel: ChatChannelRecord, accountSid: string, origin: string) {
  const url = channelUrl(channel, origin);
  return {
    sid: channel.sid,
    account_sid: accountSid,
    service_sid: channel.service_sid,
    friendly_name: channel.friendly_name,
    unique_name: channel.unique_name,
    attributes: channel.attributes,
    type: channel.type,
    created_by: channel.created_by,
    members_count: channel.members.size,
    messages_count: channel.messages.size,
    date_created: channel.date_created,
    date_updated: channel.date_updated,
    url,
    links: {
      members: `${url}/Members`,
      messages: `${url}/Messages`,
      invites: `${url}/Invites`,
      webhooks: `${url}/Webhooks`,
      last_message: null,
    },
  };
}

/** A member who has read nothing yet, with the service's default channel role. */
export function renderMember(
  service: ChatServiceRecord,
  channel: ChatChannelRecord,
  member: ChatMemberRecord,
  accountSid: string,
  origin: string,
) {
  return {
    sid: member.sid,
    account_sid: accountSid,
    channel_sid: channel.sid,
    service_sid: channel.service_sid,
    identity: member.identity,
    date_created: member.date_created,
    date_updated: member.date_created,
    role_sid: roleSidOf(service, 'channel user'),
    last_consumed_message_index: null,
    last_consumption_timestamp: null,
    url: `${channelUrl(channel, origin)}/Members/${member.sid}`,
    attributes: '{}',
  };
}

/** A text message as sent, never edited; `to` is its channel. */
export function renderMessage(
  channel: ChatChannelRecord,
  message: ChatMessageRecord,
  accountSid: string,
  origin: string,
) {
  return {
    sid: message.sid,
    account_sid: accountSid,
    attributes: message.attributes,
    service_sid: channel.service_sid,
    to: channel.sid,
    channel_sid: channel.sid,
    date_created: message.date_created,
    date_updated: message.date_created,
    last_updated_by: null,
    was_edited: false,
    from: message.from,
    body: message.body,
    index: message.index,
    type: 'text',
    media: null,
    url: `${channelUrl(channel, origin)}/Messages/${message.sid}`,
  };
}

export function renderWebhook(
  channel: ChatChannelRecord,
  webhook: ChannelWebhookRecord,
  accountSid: string,
  origin: string,
) {
  return {
    sid: webhook.sid,
    account_sid: accountSid,
    service_sid: channel.service_sid,
    channel_sid: channel.sid,
    type: webhook.type,
    url: `${channelUrl(channel, origin)}/Webhooks/${webhook.sid}`,
    configuration: webhook.configuration,
    date_created: webhook.date_created,
    date_updated: webhook.date_created,
  };
}

export function renderUser(
  service: ChatServiceRecord,
  user: ChatUserRecord,
  accountSid: string,
  origin: string,
) {
  const url = `${origin}/v2/Services/${service.sid}/Users/${user.sid}`;
  return {
    sid: user.sid,
    account_sid: accountSid,
    service_sid: service.sid,
    attributes: '{}',
    friendly_name: user.friendly_name,
    role_sid: user.role_sid,
    identity: user.identity,
    is_online: null,
    is_notifiable: null,
    date_created: user.date_created,
    date_updated: user.date_created,
    joined_channels_count: service.channels
      .all()
      .filter((channel) => channel.members.all().some((member) => member.identity === user.identity)).length,
    links: { user_channels: `${url}/Channels`, user_bindings: `${url}/Bindings` },
    url,
  };
}

export function renderRole(
  service: ChatServiceRecord,
  role: ChatRoleRecord,
  accountSid: string,
  origin: string,
) {
  return {
    sid: role.sid,
    account_sid: accountSid,
    service_sid: service.sid,
    friendly_name: role.friendly_name,
    type: role.type,
    permissions: [...role.permissions],
    date_created: role.date_created,
    date_updated: role.date_created,
    url: `${origin}/v2/Services/${service.sid}/Roles/${role.sid}`,
  };
}
