import fc from 'fast-check';
import { chatIdentity, e164, personName, whatsappAddress } from './callers';
import { jsonSafeText } from './liquid';

/**
 * Customers of Flex Conversations: who writes (an SMS or WhatsApp number, or a chat identity with
 * the pre-engagement data the demo chat app sends) and what they write.
 */
export type CustomerChannel = 'sms' | 'whatsapp' | 'chat';

export interface Customer {
  readonly channel: CustomerChannel;
  /** The sender's address: E.164 for SMS, whatsapp:E.164 for WhatsApp, the identity for chat. */
  readonly address: string;
  /** The conversation's attributes (chat: the pre-engagement data). */
  readonly conversationAttributes: Record<string, unknown>;
  /** The name typed into the pre-engagement form (chat only). */
  readonly friendlyName?: string;
}

export const smsCustomer = (): fc.Arbitrary<Customer> =>
  e164().map((address) => ({ channel: 'sms', address, conversationAttributes: {} }));

export const whatsappCustomer = (): fc.Arbitrary<Customer> =>
  whatsappAddress().map((address) => ({ channel: 'whatsapp', address, conversationAttributes: {} }));

/** A chat customer whose conversation carries `pre_engagement_data` as the demo chat app sends it. */
export const chatCustomer = (): fc.Arbitrary<Customer> =>
  fc
    .record({
      identity: chatIdentity(),
      friendlyName: personName(),
      question: fc.option(jsonSafeText(), { nil: undefined }),
    })
    .map(({ identity, friendlyName, question }) => ({
      channel: 'chat' as const,
      address: identity,
      friendlyName,
      conversationAttributes: {
        pre_engagement_data: {
          friendlyName,
          ...(question === undefined ? {} : { question }),
          location: 'https://example.com/help',
        },
      },
    }));

export const customer = (): fc.Arbitrary<Customer> =>
  fc.oneof(smsCustomer(), whatsappCustomer(), chatCustomer());

export const customerOn = (channel: CustomerChannel): fc.Arbitrary<Customer> =>
  channel === 'sms' ? smsCustomer() : channel === 'whatsapp' ? whatsappCustomer() : chatCustomer();

/** What a customer writes first. */
export const firstMessage = () =>
  fc.oneof(
    fc.constantFrom('Hi', 'I need help with my order', '¿Hola?', 'こんにちは'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
  );

/** One customer of each channel, so every run covers SMS, WhatsApp and Chat. */
export const oneOfEachChannel = (): fc.Arbitrary<Customer[]> =>
  fc.tuple(smsCustomer(), whatsappCustomer(), chatCustomer()).map((customers) => [...customers]);
