/** Flex chat channels (the Flex Flow's channel, task and Studio integrations): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */

export type IntegrationType = 'studio' | 'external' | 'task';

/** What a new chat channel is given: a studio webhook, a webhook to a URL, a TaskRouter task, or nothing. */
export type ChannelSetup = 'studio-webhook' | 'webhook' | 'task' | 'nothing';

/** The chat channel attributes Flex writes on a new channel. */
export type ChannelAttribute = 'status' | 'long_lived' | 'from' | 'channel_type' | 'pre_engagement_data';

export interface FlexChannelBehaviour {
  /** What each Flex Flow integration type sets up on a new channel. */
  readonly setupFor: Readonly<Record<IntegrationType, ChannelSetup>>;
  /** The attributes of a new chat channel, in order (pre_engagement_data only when PreEngagementData is sent). */
  readonly channelAttributes: readonly ChannelAttribute[];
  /** The integration types whose channel takes a TaskSid sent on create as its task. */
  readonly taskSidParameterFor: readonly IntegrationType[];
  /** Whether a long-lived channel stays the identity's channel after its task has ended. */
  readonly longLivedOutlivesTask: boolean;
  /**
   * Seam: the Studio flow a new channel's studio webhook starts, given its Flex Flow and the flow
   * the Flex Flow's integration names now.
   */
  readonly studioFlowOf: (flexFlowSid: string, integrationFlowSid: string) => string;
  /** The key a page of chat channels lists its records under. */
  readonly listKey: string;
  /** Seam: whether a channel opened for `channelIdentity` is the channel of the customer `identity`. */
  readonly sameCustomer: (channelIdentity: string, identity: string) => boolean;
}

export const referenceFlexChannelBehaviour: FlexChannelBehaviour = {
  // A studio channel's first message starts the flow (MSG-STUDIO-ROUTES-FIRST-MESSAGE); a task
  // integration creates its task at once unless Integration.CreationOnMessage is set.
  setupFor: { studio: 'studio-webhook', external: 'webhook', task: 'task' },
  // channel_type is what Studio's Send to Flex defaults the task's channelType from.
  channelAttributes: ['status', 'long_lived', 'from', 'channel_type', 'pre_engagement_data'],
  // None: a task integration creates its own task; studio and external channels have task_sid null.
  taskSidParameterFor: [],
  longLivedOutlivesTask: true,
  // The flow the Flex Flow names when the channel is created (MSG-FLOWSID-UPDATE-REROUTES).
  studioFlowOf: (_flexFlowSid, integrationFlowSid) => integrationFlowSid,
  listKey: 'flex_chat_channels',
  // Identity: "The `identity` value that uniquely identifies the new resource's chat User."
  sameCustomer: (channelIdentity, identity) => channelIdentity === identity,
};
