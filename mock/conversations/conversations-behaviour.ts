/** Conversations (addresses, scoped webhooks, onMessageAdded dispatch): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */
import type { WebhookTarget } from './records';

/** What a conversation-scoped webhook does with a new message. */
export type MessageAddedAction = 'post-event' | 'start-flow' | 'nothing';

/** The fields of Studio's `trigger.conversation` that arrive as JSON text. */
export type ConversationTriggerJsonField = 'ChannelAttributes' | 'Attributes';

export interface ConversationsBehaviour {
  /** The EventType a webhook receives for a new message. */
  readonly messageAddedEventType: string;
  /**
   * Per webhook target: `webhook` and `trigger` POST the event (when their filters or keywords
   * match), `studio` starts its flow with the Incoming Conversation trigger.
   */
  readonly onMessageAdded: Readonly<Record<WebhookTarget, MessageAddedAction>>;
  /** Seam: the onMessageAdded fields as posted, from the event the domain built. */
  readonly messageAddedPayload: (payload: Readonly<Record<string, string>>) => Record<string, string>;
  /** Seam: whether a message's Author names a participant (by its identity, or its binding's address). */
  readonly isAuthor: (author: string, participant: string | null) => boolean;
  /** Seam: how the length of a text with a documented limit (FriendlyName, Identity, Body) is counted. */
  readonly textLength: (text: string) => number;
  /** `trigger.conversation`: the fields parsed from JSON (an unparseable text becomes {}); the others stay text. */
  readonly triggerParsedAsJson: readonly ConversationTriggerJsonField[];
  /** Seam: whether a conversation's state matches the State filter of a conversation list. */
  readonly stateMatches: (state: string, filter: string) => boolean;
}

export const referenceConversationsBehaviour: ConversationsBehaviour = {
  messageAddedEventType: 'onMessageAdded',
  onMessageAdded: { webhook: 'post-event', trigger: 'post-event', studio: 'start-flow' },
  messageAddedPayload: (payload) => ({ ...payload }),
  // LIQUID-CONVERSATION-ATTRIBUTES-PARSED; the message's own Attributes stay text (LIQUID-MESSAGE-ATTRIBUTES-STRING).
  triggerParsedAsJson: ['ChannelAttributes'],
  // participant_sid: "The unique ID of messages's author participant."
  isAuthor: (author, participant) => participant === author,
  // "limited to 256 characters", "can be up to 1,600 characters long": characters (UTF-16 code units here)
  textLength: (text) => text.length,
  // "State for sorting and filtering list of Conversations. Can be `active`, `inactive` or `closed`"
  stateMatches: (state, filter) => state === filter,
};
