/**
 * The shape of a rule in the catalog. The catalog (contracts/rules/index.ts) is the single
 * source of what the suite checks and what a report lists; suites name rules by id and the
 * compiler rejects an id that is not in the catalog.
 */

/** The source documents in contracts/sources/ (copies of the seed documents) and reference notes. */
export type SourceDocument =
  | '000_e6e025a037b48afd.txt' // Send to Flex Widget (English rendering)
  | '001_ffef4bfcdb758d92.txt' // Send to Flex Widget (Japanese-localised rendering)
  | '002_1e7363899d011c99.txt' // Flex Conversations setup
  | '003_9b6237a88e7de24f.txt' // Blog: routing text channels through Flex Flows
  | '004_4af5ab78ff31b1e9.txt' // Flex Flow Resource API reference
  | 'reference/twilio-wire-facts.md'
  | 'reference/twilio-spec-summary.md'
  | 'reference/twilio-oai/twilio_flex_v1.json'
  | 'reference/twilio-oai/twilio_taskrouter_v1.json'
  | 'reference/twilio-oai/twilio_studio_v2.json'
  | 'reference/twilio-oai/twilio_conversations_v1.json';

/** `must` fails the gate; `should` and `info` are reported but never change the exit code. */
export type Severity = 'must' | 'should' | 'info';

export type Area =
  | 'flex-flow' // the Flex Flow REST resource: fields, validation, CRUD, paging
  | 'wire' // Twilio wire conventions shared by every API: auth, errors, paging meta, encodings
  | 'send-to-flex' // the widget: configuration, defaults, priority, timeout, attributes, hold music
  | 'transitions' // Send to Flex transitions and widget variables
  | 'liquid' // Liquid rendering of attributes: to_json, message attributes vs ChannelAttributes
  | 'messaging' // legacy Programmable Chat messaging through Flex Flows and /v1/Channels
  | 'conversations' // Flex Conversations: Incoming Conversation trigger, /Interactions, webhooks
  | 'taskrouter' // task assignment: priority ordering, ties, timeouts, lifecycle
  | 'lifecycle'; // end of life and deprecation notices

export type Trigger = 'incoming-call' | 'incoming-message' | 'incoming-conversation';

export type TargetKind = 'mock' | 'url' | 'twilio' | 'replay';

/** A quoted sentence. The quote must appear verbatim (modulo whitespace) in the document. */
export interface SourceQuote {
  readonly doc: SourceDocument;
  readonly quote: string;
}

export interface Reading {
  /** Short stable id, e.g. `higher-number-first`. */
  readonly id: string;
  readonly text: string;
  readonly sources: readonly SourceQuote[];
}

/**
 * Where the sources disagree or are silent. `applied` names the reading the checks enforce;
 * `observed` is true when a check reports which reading a target follows instead of failing it.
 */
export interface Ambiguity {
  readonly summary: string;
  readonly readings: readonly Reading[];
  readonly applied: string;
  readonly rationale: string;
  readonly observed?: boolean;
}

export interface AppliesTo {
  readonly triggers?: readonly Trigger[];
  readonly channels?: readonly string[];
  /** Target kinds on which the rule can be exercised; absent means every kind. */
  readonly targets?: readonly TargetKind[];
  /** Why the other target kinds cannot exercise it (the skip reason there, and what `rules` shows). */
  readonly targetsReason?: string;
  /**
   * Only observable through a call-out: the target's platform sends a request to a server of the
   * suite (a widget's request, a webhook). A real account reaches one only through `--public-url`.
   */
  readonly callsOut?: true;
  /**
   * Only observable through an SMS reaching a number of the account (its SMS URL at the Flex Proxy
   * Service). A real account offers one only through `--sms-numbers`.
   */
  readonly inboundSms?: true;
}

export interface RuleSpec {
  /** Stable, readable, upper-kebab: AREA-SUBJECT-PREDICATE, e.g. FLEXFLOW-STUDIO-REQUIRES-FLOWSID. */
  readonly id: string;
  readonly area: Area;
  readonly title: string;
  /** The normative statement the checks enforce, in the catalog's own words. */
  readonly statement: string;
  readonly severity: Severity;
  readonly sources: readonly SourceQuote[];
  readonly appliesTo?: AppliesTo;
  readonly ambiguity?: Ambiguity;
}
