import fc from 'fast-check';
import { nearlyColliding } from './near-collisions';
import { malformedSid, sid } from './sids';

/**
 * Arbitraries for Flex Flow requests, from the documented parameters (004 Flex Flow Resource).
 * Bodies use Twilio's wire names (`FriendlyName`, `Integration.FlowSid`, …).
 */
export type FlexFlowForm = Record<string, string | number | boolean>;

export const channelTypes = ['web', 'sms', 'facebook', 'whatsapp', 'line', 'custom'] as const;
export const integrationTypes = ['studio', 'external', 'task'] as const;
export type IntegrationType = (typeof integrationTypes)[number];

export const channelType = () => fc.constantFrom(...channelTypes);
export const integrationType = () => fc.constantFrom(...integrationTypes);

/** Any non-blank text a user might name a flow with, unicode included. */
export const friendlyName = () =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((name) => name.trim().length > 0);

/** Two Flex Flow names that differ but nearly collide (prefixes, case variants, non-ASCII). */
export const nearlyCollidingNames = () => nearlyColliding(friendlyName());

export const contactIdentity = () =>
  fc.oneof(
    fc.integer({ min: 2_000_000_000, max: 9_999_999_999 }).map((n) => `+1${n}`),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
  );

export const retryCount = () => fc.integer({ min: 0, max: 3 });
export const outOfRangeRetryCount = () =>
  fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.integer({ min: 4, max: 1000 }));

/** An absolute http(s) URL. Composed by hand: `fc.webUrl` spends most of a second building its path arbitrary. */
export const webhookUrl = () =>
  fc
    .tuple(
      fc.constantFrom('https', 'http'),
      fc.webAuthority(),
      fc.array(fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/), { maxLength: 3 }),
    )
    .map(([scheme, authority, segments]) => `${scheme}://${authority}/${segments.join('/')}`);

/** The parameters every create needs. */
export const baseCreate = () =>
  fc.record({
    FriendlyName: friendlyName(),
    ChatServiceSid: sid('IS'),
    ChannelType: channelType(),
  });

/** Optional parameters common to every integration type, each present or absent. */
export const commonOptions = () =>
  fc.record(
    {
      ContactIdentity: contactIdentity(),
      Enabled: fc.boolean(),
      LongLived: fc.boolean(),
      JanitorEnabled: fc.boolean(),
    },
    { requiredKeys: [] },
  );

export const studioIntegration = () =>
  fc.record(
    {
      IntegrationType: fc.constant('studio'),
      'Integration.FlowSid': sid('FW'),
      'Integration.RetryCount': retryCount(),
    },
    { requiredKeys: ['IntegrationType', 'Integration.FlowSid'] },
  );

export const externalIntegration = () =>
  fc.record(
    {
      IntegrationType: fc.constant('external'),
      'Integration.Url': webhookUrl(),
      'Integration.RetryCount': retryCount(),
    },
    { requiredKeys: ['IntegrationType', 'Integration.Url'] },
  );

export const taskIntegration = () =>
  fc.record(
    {
      IntegrationType: fc.constant('task'),
      'Integration.WorkspaceSid': sid('WS'),
      'Integration.WorkflowSid': sid('WW'),
      'Integration.Channel': fc.oneof(fc.constantFrom('default', 'chat', 'sms', 'voice'), sid('TC')),
      'Integration.Timeout': fc.integer({ min: 1, max: 1_209_600 }),
      'Integration.Priority': fc.integer({ min: 0, max: 2_147_483_647 }),
      'Integration.CreationOnMessage': fc.boolean(),
    },
    {
      requiredKeys: [
        'IntegrationType',
        'Integration.WorkspaceSid',
        'Integration.WorkflowSid',
        'Integration.Channel',
      ],
    },
  );

export const integrationFor = (type: IntegrationType) =>
  type === 'studio' ? studioIntegration() : type === 'external' ? externalIntegration() : taskIntegration();

const validCreateOf = (type: IntegrationType): fc.Arbitrary<FlexFlowForm> =>
  fc.tuple(baseCreate(), commonOptions(), integrationFor(type)).map(([base, options, integration]) => ({
    ...base,
    ...options,
    ...integration,
  }));

/**
 * A valid create body of the given integration type (all three when omitted). One arbitrary per
 * type, built once: a `chain` would build the string and URL arbitraries again for every value.
 * Shrinking crosses to an earlier type, as it did from a chosen type towards `studio`.
 */
export const validCreate = (type?: IntegrationType): fc.Arbitrary<FlexFlowForm> =>
  type ? validCreateOf(type) : fc.oneof({ withCrossShrink: true }, ...integrationTypes.map(validCreateOf));

/** One valid create of each integration type (studio, external, task), so every case covers all three. */
export const validCreateOfEachType = (): fc.Arbitrary<FlexFlowForm[]> =>
  fc.tuple(...integrationTypes.map(validCreateOf)).map((bodies) => [...bodies]);

/** The parameters a conditional requirement names, per integration type. */
export const conditionallyRequired: Readonly<Record<IntegrationType, readonly string[]>> = {
  studio: ['Integration.FlowSid'],
  external: ['Integration.Url'],
  task: ['Integration.WorkspaceSid', 'Integration.WorkflowSid'],
};

/** A valid create of `type` with one parameter removed. */
export const createWithout = (type: IntegrationType, parameter: string) =>
  validCreate(type).map((body) => {
    const { [parameter]: _removed, ...rest } = body;
    return rest;
  });

/** Values outside a documented enum: near misses (case, whitespace) and plain junk. */
export const outOfEnum = (allowed: readonly string[]) =>
  fc
    .oneof(
      fc.constantFrom(...allowed).map((value) => value.toUpperCase()),
      fc.constantFrom(...allowed).map((value) => ` ${value}`),
      fc.constantFrom(...allowed).map((value) => `${value}s`),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }),
    )
    .filter((value) => !allowed.includes(value) && value.trim() !== '');

export { malformedSid, sid };

/** A partial update for a flow of `type`: any subset of the updatable parameters, integration type unchanged. */
export const partialUpdate = (type: IntegrationType): fc.Arbitrary<FlexFlowForm> =>
  fc
    .tuple(
      fc.record(
        { FriendlyName: friendlyName(), ChatServiceSid: sid('IS'), ChannelType: channelType() },
        { requiredKeys: [] },
      ),
      commonOptions(),
      integrationFor(type).map(({ IntegrationType: _same, ...integration }) => integration),
      fc.func(fc.boolean()),
    )
    .map(([base, options, integration, keep]) => {
      const optionalIntegration = Object.fromEntries(
        Object.entries(integration).filter(([key]) => keep(key)),
      );
      return { ...base, ...options, ...optionalIntegration } as FlexFlowForm;
    });
