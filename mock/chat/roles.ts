/**
 * The roles a new Programmable Chat service holds: what a user may do in the service
 * (`deployment`) and in a channel (`channel`). Flex gives a customer's identity the least of them.
 */
export type DefaultRole = 'service admin' | 'service user' | 'channel admin' | 'channel user';

export interface ChatRoleRecord {
  readonly sid: string;
  readonly friendly_name: DefaultRole;
  readonly type: 'deployment' | 'channel';
  readonly permissions: readonly string[];
  readonly date_created: string;
}

const ownMessages = [
  'sendMessage',
  'sendMediaMessage',
  'leaveChannel',
  'editOwnMessage',
  'editOwnMessageAttributes',
  'deleteOwnMessage',
];
const anyContent = [
  'editAnyMessage',
  'editAnyMessageAttributes',
  'deleteAnyMessage',
  'editChannelName',
  'editChannelAttributes',
  'addMember',
  'inviteMember',
  'removeMember',
  'destroyChannel',
];

export const defaultRolePermissions: Record<
  DefaultRole,
  { type: ChatRoleRecord['type']; permissions: readonly string[] }
> = {
  'service admin': {
    type: 'deployment',
    permissions: [
      'createChannel',
      'joinChannel',
      'editOwnUserInfo',
      'editAnyUserInfo',
      'destroyChannel',
      'editAnyMessage',
      'editAnyMessageAttributes',
      'deleteAnyMessage',
    ],
  },
  'service user': { type: 'deployment', permissions: ['createChannel', 'joinChannel', 'editOwnUserInfo'] },
  'channel admin': { type: 'channel', permissions: [...ownMessages, ...anyContent] },
  'channel user': { type: 'channel', permissions: ownMessages },
};
