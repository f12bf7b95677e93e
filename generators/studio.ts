import fc from 'fast-check';

/**
 * Studio flow definitions as the Studio editor exports them (see the flows of
 * twilio-professional-services/flex-project-template): a Trigger widget whose event leads to the
 * widgets under test, widget properties written as strings.
 */
export type TriggerEvent =
  | 'incomingMessage'
  | 'incomingCall'
  | 'incomingConversationMessage'
  | 'incomingRequest'
  | 'incomingParent';

export const triggerEvents: readonly TriggerEvent[] = [
  'incomingMessage',
  'incomingCall',
  'incomingConversationMessage',
  'incomingRequest',
  'incomingParent',
];

export interface Transition {
  event: string;
  next?: string;
  conditions?: Array<Record<string, unknown>>;
}

export interface WidgetJson {
  name: string;
  type: string;
  transitions: Transition[];
  properties: Record<string, unknown>;
}

export interface FlowDefinitionJson {
  description: string;
  states: WidgetJson[];
  initial_state: string;
  flags: { allow_concurrent_calls: boolean };
}

/** The properties of a send-to-flex widget; absent ones are left out of the JSON. */
export interface SendToFlexProperties {
  workflow?: string;
  channel?: string;
  attributes?: string;
  priority?: string | number;
  timeout?: string | number;
  waitUrl?: string;
  waitUrlMethod?: string;
}

export type SendToFlexEvent = 'callComplete' | 'failedToEnqueue' | 'callFailure';

/** A send-to-flex widget; `next` maps its events to the widgets they lead to. */
export function sendToFlexWidget(
  name: string,
  properties: SendToFlexProperties,
  next: Partial<Record<SendToFlexEvent, string>> = {},
): WidgetJson {
  const defined = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
  return {
    name,
    type: 'send-to-flex',
    transitions: (['callComplete', 'failedToEnqueue', 'callFailure'] as const).map((event) =>
      next[event] ? { event, next: next[event] } : { event },
    ),
    properties: { ...defined, offset: { x: 40, y: 170 } },
  };
}

export function setVariablesWidget(
  name: string,
  variables: Record<string, string>,
  next?: string,
): WidgetJson {
  return {
    name,
    type: 'set-variables',
    transitions: [next ? { event: 'next', next } : { event: 'next' }],
    properties: { variables: Object.entries(variables).map(([key, value]) => ({ key, value })) },
  };
}

/** A make-http-request widget: GET `url`; the JSON answer becomes `widgets.<name>.parsed`. */
export function httpRequestWidget(
  name: string,
  url: string,
  next: { success?: string; failed?: string },
): WidgetJson {
  return {
    name,
    type: 'make-http-request',
    transitions: [
      next.success ? { event: 'success', next: next.success } : { event: 'success' },
      next.failed ? { event: 'failed', next: next.failed } : { event: 'failed' },
    ],
    properties: { method: 'GET', content_type: 'application/x-www-form-urlencoded;charset=utf-8', url },
  };
}

/** A run-function widget calling `url` with the parameters (form-encoded, as Studio posts them). */
export function runFunctionWidget(
  name: string,
  url: string,
  parameters: Record<string, string>,
  next: { success?: string; fail?: string },
): WidgetJson {
  return {
    name,
    type: 'run-function',
    transitions: [
      next.success ? { event: 'success', next: next.success } : { event: 'success' },
      next.fail ? { event: 'fail', next: next.fail } : { event: 'fail' },
    ],
    properties: {
      service_sid: 'ZS00000000000000000000000000000000',
      environment_sid: 'ZE00000000000000000000000000000000',
      function_sid: 'ZH00000000000000000000000000000000',
      url,
      parameters: Object.entries(parameters).map(([key, value]) => ({ key, value })),
    },
  };
}

/** A flow whose Trigger leads, for `event`, to the first of `widgets`. */
export function flowDefinition(
  event: TriggerEvent,
  widgets: WidgetJson[],
  description = 'flex-conformance flow',
): FlowDefinitionJson {
  const first = widgets[0]?.name;
  return {
    description,
    states: [
      {
        name: 'Trigger',
        type: 'trigger',
        transitions: triggerEvents.map((candidate) =>
          candidate === event && first ? { event: candidate, next: first } : { event: candidate },
        ),
        properties: { offset: { x: 0, y: 0 } },
      },
      ...widgets,
    ],
    initial_state: 'Trigger',
    flags: { allow_concurrent_calls: true },
  };
}

// ---------------------------------------------------------------- widget settings

export const PRIORITY_MAX = 2_147_483_647;
export const TIMEOUT_MAX = 1_209_600;

/** A valid priority: 0 to 2^31 - 1, with the bounds, their neighbours and small values favoured. */
export const priority = () =>
  fc.oneof(
    fc.constantFrom(0, 1, PRIORITY_MAX - 1, PRIORITY_MAX),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: PRIORITY_MAX }),
  );

/**
 * Priorities TaskRouter cannot take (integers from 0 to 2^31 - 1), as the widget's text, by kind:
 * just above the maximum and beyond, negative, and text that is no number at all.
 */
export const invalidPriorities = {
  'above the maximum': () =>
    fc.oneof(fc.constant(PRIORITY_MAX + 1), fc.integer({ min: PRIORITY_MAX + 1, max: PRIORITY_MAX * 2 })),
  negative: () => fc.oneof(fc.constant(-1), fc.integer({ min: -1_000_000, max: -1 })),
  'not a number': () =>
    fc.oneof(
      fc.constantFrom('high', 'ten', 'один'),
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéжア'), minLength: 1, maxLength: 8 }),
    ),
} as const;

export type InvalidPriorityKind = keyof typeof invalidPriorities;

/** A priority TaskRouter cannot take, of any kind, as the widget's text. */
export const invalidPriority = () =>
  fc.oneof(...Object.values(invalidPriorities).map((kind) => kind().map(String)));

/** Two different valid priorities, the smaller first. */
export const lowerAndHigherPriority = () =>
  fc
    .uniqueArray(priority(), { minLength: 2, maxLength: 2 })
    .map(([a, b]) => ({ lower: Math.min(a!, b!), higher: Math.max(a!, b!) }));

/** A valid timeout: 1 to 1,209,600 seconds, with the bounds, the defaults and their neighbours favoured. */
export const timeout = () =>
  fc.oneof(
    fc.constantFrom(1, 2, 3599, 3600, 3601, 86_399, 86_400, 86_401, TIMEOUT_MAX - 1, TIMEOUT_MAX),
    fc.integer({ min: 1, max: TIMEOUT_MAX }),
  );

/** Timeouts TaskRouter cannot take: zero, negative, or above two weeks. */
export const invalidTimeout = () =>
  fc.oneof(
    fc.constantFrom(0, -1, TIMEOUT_MAX + 1),
    fc.integer({ min: -1_000_000, max: 0 }),
    fc.integer({ min: TIMEOUT_MAX + 1, max: 100 * TIMEOUT_MAX }),
  );

/** A number as the Studio editor exports it: a decimal string. */
export const exported = (value: number) => String(value);

/** An absolute hold-music URL (never requested by the checks), query strings included. */
export const holdMusicUrl = () =>
  fc
    .tuple(
      fc.constantFrom(
        'https://hold-music.example.com',
        'http://music.example.org:8080',
        'https://a.example.net',
      ),
      fc.string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'),
        minLength: 1,
        maxLength: 12,
      }),
      fc.option(fc.constantFrom('?genre=jazz&loop=2', '?a=1', '?q=%20x'), { nil: '' }),
    )
    .map(([origin, path, query]) => `${origin}/${path}.xml${query}`);

// ---------------------------------------------------------------- definitions that fail validation

/** A widget name as people write them in the Studio editor. */
export const widgetName = () =>
  fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_'), maxLength: 20 }),
    )
    .map(([first, rest]) => first + rest)
    .filter((name) => name !== 'Trigger');

export type InvalidDefinitionKind =
  | 'missing-workflow'
  | 'missing-channel'
  | 'duplicate-widget-name'
  | 'transition-to-missing-widget'
  | 'unknown-widget-type';

/** A send-to-flex flow broken in one documented way (error 81022's causes and the required configuration). */
export function invalidDefinition(
  kind: InvalidDefinitionKind,
  settings: { workflow: string; channel: string },
): fc.Arbitrary<FlowDefinitionJson> {
  return fc.tuple(widgetName(), widgetName()).map(([name, other]) => {
    const missing = other === name ? `${other}_missing` : other;
    const broken: Record<InvalidDefinitionKind, () => WidgetJson[]> = {
      'missing-workflow': () => [sendToFlexWidget(name, { channel: settings.channel })],
      'missing-channel': () => [sendToFlexWidget(name, { workflow: settings.workflow })],
      'duplicate-widget-name': () => [
        sendToFlexWidget(name, settings),
        setVariablesWidget(name, { duplicate: 'true' }),
      ],
      'transition-to-missing-widget': () => [sendToFlexWidget(name, settings, { failedToEnqueue: missing })],
      'unknown-widget-type': () => [{ ...sendToFlexWidget(name, settings), type: 'send-to-flex-v9' }],
    };
    return flowDefinition('incomingMessage', broken[kind]());
  });
}

export const invalidDefinitionKinds: readonly InvalidDefinitionKind[] = [
  'missing-workflow',
  'missing-channel',
  'duplicate-widget-name',
  'transition-to-missing-widget',
  'unknown-widget-type',
];
