import { type ChatBehaviour, referenceChatBehaviour } from './chat/chat-behaviour';
import {
  type ConversationsBehaviour,
  referenceConversationsBehaviour,
} from './conversations/conversations-behaviour';
import { referenceWireBehaviour, type WireBehaviour } from './core/wire-behaviour';
import { type FlexChannelBehaviour, referenceFlexChannelBehaviour } from './flex-api/channel-behaviour';
import { type FlexFlowBehaviour, referenceFlexFlowBehaviour } from './flex-api/flex-flow-behaviour';
import { type InteractionBehaviour, referenceInteractionBehaviour } from './flex-api/interaction-behaviour';
import { type ProxyBehaviour, referenceProxyBehaviour } from './proxy/proxy-behaviour';
import { referenceStudioBehaviour, type StudioBehaviour } from './studio/studio-behaviour';
import { referenceTaskRouterBehaviour, type TaskRouterBehaviour } from './taskrouter/taskrouter-behaviour';

/**
 * What varies between implementations of Twilio's behaviour, as values the domain code reads:
 * defaults, bounds, page sizes, comparators and a few named seams. Each domain states its
 * reference values beside its code; a fault (mock/faults/) overrides some of them.
 */
export interface Behaviour {
  readonly wire: WireBehaviour;
  readonly flexFlows: FlexFlowBehaviour;
  readonly flexChannels: FlexChannelBehaviour;
  readonly interactions: InteractionBehaviour;
  readonly studio: StudioBehaviour;
  readonly taskRouter: TaskRouterBehaviour;
  readonly conversations: ConversationsBehaviour;
  readonly chat: ChatBehaviour;
  readonly proxy: ProxyBehaviour;
}

export const referenceBehaviour: Behaviour = {
  wire: referenceWireBehaviour,
  flexFlows: referenceFlexFlowBehaviour,
  flexChannels: referenceFlexChannelBehaviour,
  interactions: referenceInteractionBehaviour,
  studio: referenceStudioBehaviour,
  taskRouter: referenceTaskRouterBehaviour,
  conversations: referenceConversationsBehaviour,
  chat: referenceChatBehaviour,
  proxy: referenceProxyBehaviour,
};

/** Part of a behaviour: plain objects merge member by member; values, arrays and functions replace. */
export type BehaviourOverride = Overrides<Behaviour>;
type Overrides<T> = {
  readonly [K in keyof T]?: T[K] extends (...args: never[]) => unknown
    ? T[K]
    : T[K] extends readonly unknown[]
      ? T[K]
      : T[K] extends object
        ? Overrides<T[K]>
        : T[K];
};

/** The reference behaviour with each override applied in turn. */
export function behaviourWith(overrides: readonly BehaviourOverride[]): Behaviour {
  return overrides.reduce<Behaviour>((behaviour, override) => merge(behaviour, override), referenceBehaviour);
}

function merge<T>(base: T, override: Overrides<T>): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override as Record<string, unknown>)) {
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? merge(current, value) : value;
  }
  return result as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
