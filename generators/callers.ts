import fc from 'fast-check';

/**
 * Who contacts the contact center: callers and senders as Twilio writes their addresses
 * (E.164 for phone numbers, `whatsapp:`E.164 for WhatsApp, an identity for chat).
 */

/** Country calling codes of different lengths (1 to 3 digits). */
const countryCode = () =>
  fc.constantFrom('1', '7', '33', '44', '49', '55', '61', '81', '91', '234', '353', '852');

/** An E.164 number: `+`, a country code, and a subscriber number, at most 15 digits in all. */
export const e164 = () =>
  countryCode().chain((code) =>
    fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 14 - code.length }),
      )
      .map(([first, rest]) => `+${code}${first}${rest}`),
  );

export const whatsappAddress = () => e164().map((number) => `whatsapp:${number}`);

/** A chat identity as a web or mobile chat client registers it. */
export const chatIdentity = () =>
  fc
    .string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@'),
      minLength: 3,
      maxLength: 30,
    })
    .filter((identity) => /^[A-Za-z0-9]/.test(identity));

/** A person's name as typed into a pre-engagement form: letters, spaces, accents, apostrophes. */
export const personName = () =>
  fc
    .array(
      fc.constantFrom(
        'Ana',
        'José',
        "O'Brien",
        'Zoë',
        'Li',
        'Nguyễn',
        'Kowalski',
        'Müller',
        'Ada',
        'Bjørn',
        'Renée',
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((parts) => parts.join(' '));

/** A caller dialling a number: the From and To of an incoming call (the voice platform names the call). */
export const incomingCall = () =>
  fc.record({ From: e164(), To: e164() }).filter((call) => call.From !== call.To);

export type Caller = { From: string; To: string };
export type IncomingCall = Caller & { CallSid: string };

/**
 * The QueueResult values the voice platform reports to an `<Enqueue>` action URL (TwiML `<Enqueue>`
 * reference), by what they say of the call: it left the queue after joining it; it could not join
 * (the queue is full, or an error); the platform failed.
 */
export const queueResults = {
  leftQueue: ['bridged', 'bridging-in-process', 'hangup', 'leave', 'redirected', 'redirected-from-bridged'],
  notEnqueued: ['error', 'queue-full'],
  systemError: ['system-error'],
} as const;

/** Characters a chat identity may go on with, so that the longer identity is a chat identity too. */
const identityTail = () =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@'),
    minLength: 1,
    maxLength: 4,
  });

/**
 * Two customers' identities that differ but nearly collide, the first opened first: a chat identity
 * and one that starts with it; a phone number and the same number with one digit more; a chat
 * identity and another letter case of it; a phone number with and without its `+`. The prefix
 * kinds weigh most: they catch an implementation that finds a customer by prefix.
 */
export const nearlyCollidingCustomers = (): fc.Arbitrary<[string, string]> =>
  fc
    .oneof(
      {
        weight: 2,
        arbitrary: fc
          .tuple(chatIdentity(), identityTail())
          .map(([id, tail]): [string, string] => [id, id + tail]),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(e164(), fc.integer({ min: 0, max: 9 }))
          .filter(([number]) => number.length < 16)
          .map(([number, digit]): [string, string] => [number, `${number}${digit}`]),
      },
      {
        weight: 1,
        arbitrary: chatIdentity().chain((id) =>
          fc.constantFrom<[string, string]>([id, id.toUpperCase()], [id, id.toLowerCase()]),
        ),
      },
      { weight: 1, arbitrary: e164().map((number): [string, string] => [number, number.slice(1)]) },
    )
    .filter(([first, second]) => first !== second);
