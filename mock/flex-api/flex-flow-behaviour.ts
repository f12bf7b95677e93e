/** Flex Flows (defaults, bounds, page sizes, validation): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */

import { newSid } from '../core/sids';

/** The create parameters a Flex Flow can be required to have. */
export const channelTypes = ['web', 'sms', 'facebook', 'whatsapp', 'line', 'custom'] as const;
export const integrationTypes = ['studio', 'external', 'task'] as const;
export type ChannelType = (typeof channelTypes)[number];
export type IntegrationType = (typeof integrationTypes)[number];

export type FlexFlowCreateParameter = 'FriendlyName' | 'ChatServiceSid' | 'ChannelType';

/** The `Integration.*` parameters of a Flex Flow, by the name after `Integration.`. */
export type IntegrationParameter =
  | 'FlowSid'
  | 'Url'
  | 'RetryCount'
  | 'WorkspaceSid'
  | 'WorkflowSid'
  | 'Channel'
  | 'Timeout'
  | 'Priority'
  | 'CreationOnMessage';

/** An integer parameter's accepted range and the value taken when it is not sent. */
export interface IntegerParameter<Default = number> {
  readonly min: number;
  readonly max: number;
  readonly default: Default;
}

export interface FlexFlowBehaviour {
  /** Seam: how a new Flex Flow's SID is made (its format). */
  readonly newSid: () => string;
  /** The create parameters a flow cannot be created without (missing or empty: 400/20001). */
  readonly requiredOnCreate: readonly FlexFlowCreateParameter[];
  /** Whether ChannelType must be one of the documented channel types (false: any string is stored). */
  readonly channelTypeIsEnum: boolean;
  /** What a SID parameter must match (else 400/20001 "must match <pattern>"). */
  readonly sidPatterns: {
    readonly ChatServiceSid: RegExp;
    readonly 'Integration.FlowSid': RegExp;
    readonly 'Integration.WorkspaceSid': RegExp;
    readonly 'Integration.WorkflowSid': RegExp;
  };
  /** What a flow created without these parameters has. */
  readonly createDefaults: {
    readonly enabled: boolean;
    readonly longLived: boolean;
    readonly janitorEnabled: boolean;
    readonly contactIdentity: string | null;
  };
  /**
   * The `Integration.*` parameters each integration type takes, in the order its `integration`
   * object lists them; the others are "not applicable" to the type and ignored.
   */
  readonly integrationParameters: Readonly<Record<IntegrationType, readonly IntegrationParameter[]>>;
  /** The `Integration.*` parameters each integration type cannot be created without. */
  readonly requiredIntegration: Readonly<Record<IntegrationType, readonly IntegrationParameter[]>>;
  readonly retryCount: IntegerParameter;
  readonly taskTimeout: IntegerParameter;
  /** A task flow's priority; an undefined default leaves `priority` out of the integration. */
  readonly taskPriority: IntegerParameter<number | undefined>;
  /** A task flow's `channel` when Integration.Channel is not sent. */
  readonly taskChannelDefault: string | null;
  /** Whether an update changes only what it is sent (false: unsent fields go back to their create defaults). */
  readonly partialUpdate: boolean;
  readonly pageSize: { readonly default: number; readonly max: number };
  /** Seam: whether a flow's friendly_name matches the list's FriendlyName filter. */
  readonly friendlyNameMatches: (friendlyName: string, filter: string) => boolean;
}

const sid = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);

export const referenceFlexFlowBehaviour: FlexFlowBehaviour = {
  newSid: () => newSid('FO'),
  requiredOnCreate: ['FriendlyName', 'ChatServiceSid', 'ChannelType'],
  channelTypeIsEnum: true,
  sidPatterns: {
    ChatServiceSid: sid('IS'),
    'Integration.FlowSid': sid('FW'),
    'Integration.WorkspaceSid': sid('WS'),
    'Integration.WorkflowSid': sid('WW'),
  },
  createDefaults: { enabled: false, longLived: false, janitorEnabled: false, contactIdentity: null },
  // Integration.RetryCount is documented for studio and external flows only; Timeout, Priority,
  // Channel and CreationOnMessage for task flows only (FLEXFLOW-TASK-ONLY-PARAMS-NOT-APPLICABLE).
  integrationParameters: {
    studio: ['FlowSid', 'RetryCount'],
    external: ['Url', 'RetryCount'],
    task: ['WorkspaceSid', 'WorkflowSid', 'Channel', 'Timeout', 'Priority', 'CreationOnMessage'],
  },
  requiredIntegration: { studio: ['FlowSid'], external: ['Url'], task: ['WorkspaceSid', 'WorkflowSid'] },
  retryCount: { min: 0, max: 3, default: 3 },
  // 86,400 s (one day) up to 14 days; priority up to 2^31 - 1, as TaskRouter's task priority.
  taskTimeout: { min: 1, max: 1_209_600, default: 86_400 },
  taskPriority: { min: 0, max: 2_147_483_647, default: 0 },
  taskChannelDefault: 'default',
  partialUpdate: true,
  pageSize: { default: 50, max: 1000 },
  // The exact name: no prefix, case or Unicode folding (FLEXFLOW-LIST-FILTER-FRIENDLYNAME).
  friendlyNameMatches: (friendlyName, filter) => friendlyName === filter,
};
