import { defaultingParameter, type FaultSpec, postsTo, rewritingForm } from './fault';
import { rewritingTasks } from './taskrouter';

type Json = Record<string, unknown>;

/** Rewrites the tasks whose attributes name one of these channel types (`channelType`), with their attributes. */
function rewritingTasksOf(channelTypes: readonly string[], rewrite: (task: Json, attributes: Json) => Json) {
  return rewritingTasks((task) => {
    const attributes: unknown = typeof task.attributes === 'string' ? JSON.parse(task.attributes) : undefined;
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return task;
    const channelType = (attributes as Json).channelType;
    return typeof channelType === 'string' && channelTypes.includes(channelType)
      ? rewrite(task, attributes as Json)
      : task;
  });
}

/** Deliberate bugs in Conversations: scoped webhooks, the events they send, the Incoming Conversation trigger. */
export const conversationsFaults = [
  {
    name: 'conversations-webhook-target-optional',
    description: 'A conversation-scoped webhook without Target is accepted as a plain webhook.',
    trips: ['CONV-SCOPED-WEBHOOK-TARGETS'],
    wire: defaultingParameter(
      postsTo('conversations', [/^\/v1\/Conversations\/[^/]+\/Webhooks$/]),
      'Target',
      'webhook',
    ),
  },
  {
    name: 'conversations-studio-webhook-ignored',
    description: 'A studio webhook never starts its flow.',
    trips: ['CONV-INCOMING-CONVERSATION-TRIGGER'],
    behaviour: { conversations: { onMessageAdded: { studio: 'nothing' } } },
  },
  {
    name: 'conversations-webhook-event-type-wrong',
    description: 'Webhooks receive EventType onMessageSent for a new message.',
    trips: ['CONV-ONMESSAGEADDED-WEBHOOK'],
    behaviour: { conversations: { messageAddedEventType: 'onMessageSent' } },
  },
  {
    name: 'conversations-channel-attributes-unparsed',
    description: 'trigger.conversation.ChannelAttributes is the attributes text, not parsed JSON.',
    trips: ['LIQUID-CONVERSATION-ATTRIBUTES-PARSED', 'CONV-CHAT-FROM-FRIENDLYNAME'],
    behaviour: { conversations: { triggerParsedAsJson: [] } },
  },
  {
    name: 'conversations-message-attributes-parsed',
    description: 'trigger.conversation.Attributes (the message attributes) is parsed into an object.',
    trips: ['LIQUID-MESSAGE-ATTRIBUTES-STRING'],
    behaviour: { conversations: { triggerParsedAsJson: ['ChannelAttributes', 'Attributes'] } },
  },
  {
    name: 'conversations-chat-sender-empty-number',
    description:
      'The task of a chat conversation carries an empty phone number in customerAddress, from and customerName (a chat sender has none).',
    trips: ['CONV-DEFAULT-ATTR-CUSTOMERADDRESS', 'CONV-DEFAULT-ATTR-FROM', 'CONV-DEFAULT-ATTR-CUSTOMERNAME'],
    wire: rewritingTasksOf(['chat'], (task, attributes) => ({
      ...task,
      attributes: JSON.stringify({ ...attributes, customerAddress: '', from: '', customerName: '' }),
    })),
  },
  {
    name: 'conversations-chat-task-on-default-channel',
    description:
      'The task of a WhatsApp or chat conversation is on the default Task Channel whatever Task Channel the widget sets.',
    trips: ['CONV-STF-TASK-CHANNEL-PROGRAMMABLE-CHAT'],
    wire: rewritingTasksOf(['chat', 'whatsapp'], (task) => ({
      ...task,
      task_channel_unique_name: 'default',
    })),
  },
  {
    name: 'conversations-webhook-no-message-sid',
    description: 'The onMessageAdded webhook request leaves out MessageSid.',
    trips: ['CONV-ONMESSAGEADDED-PAYLOAD-FIELDS'],
    behaviour: { conversations: { messageAddedPayload: ({ MessageSid: _dropped, ...payload }) => payload } },
  },
  {
    name: 'conversations-webhook-date-epoch',
    description:
      'The onMessageAdded webhook sends DateCreated as epoch milliseconds, not an ISO 8601 date-time.',
    trips: ['CONV-ONMESSAGEADDED-PAYLOAD-FIELDS'],
    behaviour: {
      conversations: {
        messageAddedPayload: (payload) => ({
          ...payload,
          DateCreated: String(Date.parse(payload.DateCreated ?? '')),
        }),
      },
    },
  },
  {
    name: 'conversations-author-prefix-match',
    description:
      "A message's author participant is the first whose identity or address the Author starts with: a message of bob_ is attributed to bob.",
    trips: ['CONV-MESSAGE-AUTHOR-PARTICIPANT'],
    behaviour: {
      conversations: {
        isAuthor: (author: string, participant: string | null) =>
          participant !== null && participant !== '' && author.startsWith(participant),
      },
    },
  },
  {
    name: 'conversations-state-filter-substring',
    description:
      'The State filter of the conversation list matches every state that contains the value: State=active lists the inactive conversations too.',
    trips: ['CONV-STATE-VALUES'],
    behaviour: { conversations: { stateMatches: (state: string, filter: string) => state.includes(filter) } },
  },
  {
    name: 'conversations-create-state-ignored',
    description: 'A conversation is created active whatever State is sent; only an update changes its state.',
    trips: ['CONV-STATE-VALUES'],
    wire: rewritingForm(postsTo('conversations', ['/v1/Conversations']), (form) => form.delete('State')),
  },
  {
    name: 'conversations-limits-in-bytes',
    description:
      'The 256-character (FriendlyName, Identity) and 1,600-character (Body) limits count UTF-8 bytes: non-ASCII text is refused well before them.',
    trips: ['CONV-TEXT-LIMITS-CHARACTERS'],
    behaviour: { conversations: { textLength: (text: string) => Buffer.byteLength(text, 'utf8') } },
  },
] as const satisfies readonly FaultSpec[];
