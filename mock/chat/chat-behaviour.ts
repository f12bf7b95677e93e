/** Legacy Programmable Chat (channel webhooks, Studio triggers from chat messages): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */
import type { ChatMessageRecord } from './records';
import type { DefaultRole } from './roles';

/** The fields of Studio's `trigger.message` that arrive as JSON text. */
export type MessageTriggerJsonField = 'ChannelAttributes' | 'Attributes';

export interface ChatBehaviour {
  /** The service role of the identity Flex creates for a customer (MSG-WEBCHAT-ANONYMOUS-IDENTITY). */
  readonly customerRole: DefaultRole;
  /** A channel webhook of type `webhook` (a Flex Flow's external integration) on a new message. */
  readonly externalWebhook: {
    readonly method: 'POST' | 'GET';
    /** How many times a failing webhook is requested: the first attempt and retry_count retries. */
    readonly attempts: (retryCount: number) => number;
    /** The request's Body: the message text. */
    readonly body: (message: ChatMessageRecord) => string;
    /** Seam: the request's fields as sent, from the ones the domain built. */
    readonly fields: (fields: Readonly<Record<string, string>>) => Record<string, string>;
  };
  /** `trigger.message`, the incoming Message trigger of a studio channel webhook. */
  readonly trigger: {
    /** The fields parsed from JSON (an unparseable text becomes {}); the others stay text. */
    readonly parsedAsJson: readonly MessageTriggerJsonField[];
    /** What ChannelSid names: the chat channel, or its chat service. */
    readonly channelSidOf: 'channel' | 'service';
  };
}

export const referenceChatBehaviour: ChatBehaviour = {
  customerRole: 'service user',
  externalWebhook: {
    method: 'POST',
    attempts: (retryCount) => retryCount + 1,
    body: (message) => message.body,
    fields: (fields) => ({ ...fields }),
  },
  // LIQUID-CHANNEL-ATTRIBUTES-PARSED; the message's own Attributes stay text (LIQUID-MESSAGE-ATTRIBUTES-STRING).
  trigger: { parsedAsJson: ['ChannelAttributes'], channelSidOf: 'channel' },
};
