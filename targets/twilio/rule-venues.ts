import type { RuleSpec, TargetKind } from '../../contracts/rules/types';
import type { PrerequisiteName } from '../types';

/**
 * What each rule needs from a real account. Checks create their own Studio flows, TaskRouter
 * workspaces and conversations; what they cannot create is the account's Flex chat service (a Flex
 * Flow names it), the Flex workspace Interactions route into, a phone number to call, two numbers to
 * message, and a public URL when the rule is only observable through a call-out to the suite.
 */
export function needsOf(rule: RuleSpec): PrerequisiteName[] {
  const needs: PrerequisiteName[] = [];
  if (rule.area === 'flex-flow' || rule.area === 'messaging') needs.push('chat-service');
  if (rule.area === 'messaging' || rule.area === 'conversations') needs.push('flex-workspace');
  const { triggers, channels } = rule.appliesTo ?? {};
  const voiceOnly =
    (triggers?.length === 1 && triggers[0] === 'incoming-call') ||
    (channels?.length === 1 && channels[0] === 'voice');
  if (voiceOnly) needs.push('voice-number');
  if (rule.appliesTo?.inboundSms) needs.push('sms-numbers');
  if (rule.appliesTo?.callsOut) needs.push('public-url');
  return needs;
}

const targetKinds: readonly TargetKind[] = ['mock', 'url', 'twilio', 'replay'];

/** What a real account must offer, as a user provides it. */
const needLabels: Readonly<Record<PrerequisiteName, string>> = {
  'voice-number': '--voice-number',
  'sms-numbers': '--sms-numbers',
  'public-url': '--public-url (a tunnel to the suite: see the README)',
  'flex-workspace': 'a Flex workspace on the account',
  'chat-service': 'the Flex chat service (Programmable Chat for Flex before its end of life)',
};

/** One target kind that can exercise a rule, and what it needs there. */
export interface RuleVenue {
  readonly target: TargetKind;
  readonly needs: readonly string[];
}

export interface RuleVenues {
  readonly runsOn: readonly RuleVenue[];
  /** The kinds that cannot exercise it, and why (from the catalog). */
  readonly notOn?: { readonly targets: readonly TargetKind[]; readonly reason: string };
}

/**
 * Where the catalog says a rule can be exercised: the embedded mock and another implementation
 * need nothing; a real account needs what the rule's checks cannot create there; a replay needs a
 * recording made with those.
 */
export function ruleVenues(rule: RuleSpec): RuleVenues {
  const allowed = rule.appliesTo?.targets ?? targetKinds;
  const accountNeeds = needsOf(rule).map((need) => needLabels[need]);
  const runsOn = targetKinds
    .filter((kind) => allowed.includes(kind))
    .map((target) => ({
      target,
      needs:
        target === 'twilio'
          ? accountNeeds
          : target === 'replay' && accountNeeds.length
            ? [`a recording made with ${accountNeeds.join(' and ')}`]
            : [],
    }));
  const excluded = targetKinds.filter((kind) => !allowed.includes(kind));
  return {
    runsOn,
    ...(excluded.length
      ? {
          notOn: {
            targets: excluded,
            reason: rule.appliesTo?.targetsReason ?? 'the catalog limits the rule to the other target kinds',
          },
        }
      : {}),
  };
}

/** One line: `mock · url · twilio (--voice-number) · replay (…); not twilio, replay: why`. */
export function ruleVenuesText(rule: RuleSpec): string {
  const venues = ruleVenues(rule);
  const runsOn = venues.runsOn
    .map((venue) => (venue.needs.length ? `${venue.target} (needs ${venue.needs.join(', ')})` : venue.target))
    .join(' · ');
  return venues.notOn ? `${runsOn}; not ${venues.notOn.targets.join(', ')}: ${venues.notOn.reason}` : runsOn;
}
