import type { FaultSpec } from '../fault-spec';

/** Deliberate bugs in Conversations: scoped webhooks, the events they send, the Incoming Conversation trigger. */
export const conversationsFaults = [
  {
    name: 'conversations-webhook-target-optional',
    description: 'A conversation-scoped webhook without Target is accepted as a plain webhook.',
    trips: ['CONV-SCOPED-WEBHOOK-TARGETS'],
  },
  {
    name: 'conversations-studio-webhook-ignored',
    description: 'A studio webhook never starts its flow.',
    trips: ['CONV-INCOMING-CONVERSATION-TRIGGER'],
  },
  {
    name: 'conversations-webhook-event-type-wrong',
    description: 'Webhooks receive EventType onMessageSent for a new message.',
    trips: ['CONV-ONMESSAGEADDED-WEBHOOK'],
  },
  {
    name: 'conversations-channel-attributes-unparsed',
    description: 'trigger.conversation.ChannelAttributes is the attributes text, not parsed JSON.',
    trips: ['LIQUID-CONVERSATION-ATTRIBUTES-PARSED', 'CONV-CHAT-FROM-FRIENDLYNAME'],
  },
  {
    name: 'conversations-message-attributes-parsed',
    description: 'trigger.conversation.Attributes (the message attributes) is parsed into an object.',
    trips: ['LIQUID-MESSAGE-ATTRIBUTES-STRING'],
  },
] as const satisfies readonly FaultSpec[];
