import fc from 'fast-check';
import { chatIdentity, e164, personName, whatsappAddress } from './callers';
import { jsonSafeText } from './liquid';
import { nearlyColliding } from './near-collisions';

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

/**
 * Characters of one UTF-16 code unit each, one to three bytes of UTF-8: every way of counting
 * characters agrees on their number, a byte count does not.
 */
const bmpCharacter = () => fc.constantFrom('a', 'Z', '7', '-', 'é', 'ß', 'ж', 'ع', '名', '한', '€');

/**
 * Text for a parameter limited to `max` characters: at the limit, its neighbour below, short, or
 * any length up to it; ASCII or not.
 */
export const textWithin = (max: number) =>
  fc.oneof(fc.constantFrom(max, max - 1, 1), fc.integer({ min: 1, max })).chain((length) =>
    fc.oneof(
      bmpCharacter().map((character) => character.repeat(length)),
      fc.string({ unit: bmpCharacter(), minLength: length, maxLength: length }),
    ),
  );

/** A chat identity as the demo chat app registers one (ASCII), or any other text without surrounding blanks. */
const identity = () =>
  fc.oneof(
    chatIdentity(),
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .filter((text) => text.trim() === text && text !== ''),
  );

/** Two chat identities that differ but nearly collide: a prefix, another letter case, an accent added or decomposed. */
export const nearlyCollidingIdentities = () => nearlyColliding(identity());

/** The conversation states a conversation can be created in, updated to and listed by (not `initializing`). */
export const conversationStates = ['active', 'inactive', 'closed'] as const;
export type ConversationState = (typeof conversationStates)[number];

/** How a conversation comes to be in a state: sent on create, set by an update, or the default (active). */
export interface StateSetting {
  readonly state: ConversationState;
  readonly via: 'create' | 'update' | 'default';
}

export const stateSetting = (): fc.Arbitrary<StateSetting> =>
  fc.oneof(
    fc.record({ state: fc.constantFrom(...conversationStates), via: fc.constantFrom('create', 'update') }),
    fc.constant({ state: 'active', via: 'default' } as const),
  );

/** How a few conversations (one to five) come to their states, repeats included. */
export const conversationStateMix = () => fc.array(stateSetting(), { minLength: 1, maxLength: 5 });
