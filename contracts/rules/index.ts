import { conversationRules } from './conversations';
import { flexFlowRules } from './flex-flow';
import { lifecycleRules } from './lifecycle';
import { liquidRules } from './liquid';
import { messagingRules } from './messaging';
import { sendToFlexRules } from './send-to-flex';
import { taskRouterRules } from './taskrouter';
import { transitionRules } from './transitions';
import type { Area, RuleSpec } from './types';
import { wireRules } from './wire';

export type {
  Ambiguity,
  AppliesTo,
  Area,
  Reading,
  RuleSpec,
  Severity,
  SourceDocument,
  SourceQuote,
  TargetKind,
  Trigger,
} from './types';

/**
 * Every rule the suite checks, in display order (area by area, as in `areas`).
 *
 * Conventions used by the rules:
 * - `appliesTo.channels` uses the channel names voice, sms, whatsapp, web (legacy web chat), chat
 *   (Conversations chat), facebook, line, custom.
 * - An ambiguity with `observed: true` makes the check report which reading the target follows; the
 *   check fails (for `must`) only when the target follows none of the recorded readings or breaks
 *   another part of the statement.
 */
export const catalog = [
  ...flexFlowRules,
  ...wireRules,
  ...sendToFlexRules,
  ...transitionRules,
  ...liquidRules,
  ...messagingRules,
  ...conversationRules,
  ...taskRouterRules,
  ...lifecycleRules,
] as const;

export type RuleId = (typeof catalog)[number]['id'];
export type CatalogRule = (typeof catalog)[number];

const rulesById: ReadonlyMap<string, RuleSpec> = new Map<string, RuleSpec>(
  catalog.map((rule): [string, RuleSpec] => [rule.id, rule]),
);

/** The rule with this id, or undefined when the id is not in the catalog. */
export function ruleById(id: string): RuleSpec | undefined {
  return rulesById.get(id);
}

/** The areas in display order. */
export const areas: readonly Area[] = [
  'flex-flow',
  'wire',
  'send-to-flex',
  'transitions',
  'liquid',
  'messaging',
  'conversations',
  'taskrouter',
  'lifecycle',
];
