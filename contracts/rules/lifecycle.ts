import type { RuleSpec } from './types';

/**
 * End of life and version notices: Programmable Chat for Flex (and with it the Flex Flow resource)
 * reaches end of life on June 1, 2026; Flex Conversations needs Flex UI 2.0. These rules are shown in
 * the report; only the post-EOL behaviour is observed against a target.
 */
export const lifecycleRules = [
  {
    id: 'EOL-PROGRAMMABLE-CHAT-2026-06-01',
    area: 'lifecycle',
    title: 'Programmable Chat for Flex reaches end of life on June 1, 2026',
    statement:
      'The report flags the Flex Flow and legacy messaging rules as covering a product whose end of life is ' +
      '2026-06-01, and states whether the run date is past it.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'Programmable Chat for Flex will reach end of life on June 1, 2026.',
      },
    ],
  },
  {
    id: 'EOL-FLEX-FLOW-SCOPE-FLEX-UI-1',
    area: 'lifecycle',
    title: 'The Flex Flow resource is for Flex UI 1.x with Programmable Chat and Proxy',
    statement:
      'Flex Flow rules apply to Flex UI 1.x.x channels built on Programmable Chat and Proxy; Flex Conversations ' +
      'routing is covered by the conversations rules instead.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'This guide is for Flex UI 1.x.x and channels that use Programmable Chat and Proxy.',
      },
    ],
  },
  {
    id: 'EOL-MIGRATE-TO-CONVERSATIONS',
    area: 'lifecycle',
    title: 'New work should use Flex Conversations',
    statement:
      'New Flex projects and projects on Programmable Chat are directed to Flex Conversations (Interactions, the ' +
      'Incoming Conversation trigger); Legacy Addresses are the former Flex Flows.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          "If you're new to Flex or currently using Programmable Chat, build with Flex Conversations or migrate.",
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '"Legacy Addresses were previously known as Flex Flows"',
      },
    ],
  },
  {
    id: 'EOL-POST-EOL-BEHAVIOUR',
    area: 'lifecycle',
    title: 'What /v1/FlexFlows does after June 1, 2026 (undocumented)',
    statement:
      'After 2026-06-01 the check records whether the target still serves /v1/FlexFlows (and routes legacy ' +
      'messages) or refuses it, and with which status and code.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'What the FlexFlows API does after 2026-06-01 is not stated in any source reached',
      },
    ],
    ambiguity: {
      summary:
        'The end-of-life date is stated, but no source says what the Flex Flow API and legacy messaging do after it (A5).',
      readings: [
        {
          id: 'still-served',
          text: 'The API keeps working after the date (the spec of 2026-04-14 marks no flex path deprecated).',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: 'the spec @2026-04-14 still has\n  no `deprecated` flag on any flex path (grep = 0).',
            },
          ],
        },
        {
          id: 'retired',
          text: 'After the date the API refuses requests (e.g. 404 or 410) and legacy messages are no longer routed.',
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote: 'Programmable Chat for Flex will reach end of life on June 1, 2026.',
            },
          ],
        },
      ],
      applied: 'still-served',
      rationale:
        'Flex Flow checks run as written; if a target refuses the API after the date, the report attributes the ' +
        'failures to end of life rather than to non-conformance.',
      observed: true,
    },
  },
  {
    id: 'EOL-CONVERSATIONS-REQUIRE-FLEX-UI-2',
    area: 'lifecycle',
    title: 'Flex Conversations requires Flex UI 2.0',
    statement:
      'The Incoming Conversation trigger and Interactions belong to Flex UI 2.0 accounts; on Flex UI 1.x the legacy ' +
      'Chat and Messaging rules apply.',
    severity: 'info',
    sources: [
      {
        doc: '002_1e7363899d011c99.txt',
        quote:
          'Flex Conversations requires Flex UI 2.0. If you are on Flex UI 1.x, please refer to Chat and Messaging pages.',
      },
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'In Flex Conversations (which requires Flex UI 2.0), a new Trigger widget, Incoming Conversation, has been added.',
      },
    ],
  },
] as const satisfies readonly RuleSpec[];

/** The end-of-life date of Programmable Chat for Flex, as the notice gives it. */
export const programmableChatEndOfLife = '2026-06-01';

/**
 * Rules about what reaches end of life: the Flex Flow resource and legacy Programmable Chat
 * messaging (the incoming-message trigger runs through a Flex Flow and a chat channel). Where a
 * target answers that Programmable Chat for Flex has reached its end, their checks are skipped with
 * that answer as the reason, not failed.
 */
export function coversProgrammableChat(rule: RuleSpec): boolean {
  if (rule.area === 'flex-flow' || rule.area === 'messaging') return true;
  const triggers = rule.appliesTo?.triggers;
  return triggers !== undefined && triggers.length === 1 && triggers[0] === 'incoming-message';
}
