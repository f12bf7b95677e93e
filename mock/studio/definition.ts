import { isJsonObject } from '../core/json';
import type { StudioBehaviour } from './studio-behaviour';

/**
 * A Studio flow definition (https://schemas.twilio.com/studio/draft/2019-09/flow-definition) and
 * its validation. Failures are reported as Studio reports them in error 81022's details: a message
 * and the JSON path of the offending value.
 */
export interface Transition {
  readonly event: string;
  readonly next?: string;
  readonly conditions?: readonly Condition[];
}

export interface Condition {
  readonly friendly_name?: string;
  readonly arguments?: readonly string[];
  readonly type: string;
  readonly value?: string;
}

export interface Widget {
  readonly name: string;
  readonly type: string;
  readonly transitions: readonly Transition[];
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface FlowDefinition {
  readonly description?: string;
  readonly initial_state: string;
  readonly states: readonly Widget[];
  readonly flags?: Readonly<Record<string, unknown>>;
}

export interface ValidationFailure {
  readonly message: string;
  readonly property_path: string;
}

export const widgetTypes = [
  'trigger',
  'send-message',
  'send-and-wait-for-reply',
  'say-play',
  'gather-input-on-call',
  'split-based-on',
  'set-variables',
  'make-http-request',
  'run-function',
  'send-to-flex',
  'enqueue-call',
  'connect-call-to',
  'record-voicemail',
  'record-call',
  'make-outgoing-call-v2',
  'run-subflow',
  'fork-stream',
  'capture-payments',
  'add-twilio-auth',
  'connect-virtual-agent',
] as const;

export const triggerEvents = [
  'incomingMessage',
  'incomingCall',
  'incomingConversationMessage',
  'incomingRequest',
  'incomingParent',
] as const;

const MAX_STATES = 1000;

type Json = Record<string, unknown>;

/** What validation asks of a definition beyond its schema (the reference: studio-behaviour.ts). */
export type DefinitionRules = StudioBehaviour['definition'];

/** Every failure of `raw` against the definition schema and Studio's cross-widget rules. */
export function validateDefinition(raw: unknown, rules: DefinitionRules): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  const fail = (property_path: string, message: string) => failures.push({ message, property_path });
  if (!isJsonObject(raw)) {
    fail('#', 'the definition must be a JSON object');
    return failures;
  }
  if (typeof raw.initial_state !== 'string' || raw.initial_state === '')
    fail('#/initial_state', 'initial_state is required and must be a non-empty string');
  if (raw.flags !== undefined) {
    if (!isJsonObject(raw.flags)) fail('#/flags', 'flags must be an object');
    else if (typeof raw.flags.allow_concurrent_calls !== 'boolean')
      fail(
        '#/flags/allow_concurrent_calls',
        'flags.allow_concurrent_calls is required and must be a boolean',
      );
  }
  if (!Array.isArray(raw.states) || raw.states.length === 0 || raw.states.length > MAX_STATES) {
    fail('#/states', `states must be an array of 1 to ${MAX_STATES} widgets`);
    return failures;
  }

  const names = new Map<string, number>();
  raw.states.forEach((state: unknown, index) => {
    const path = `#/states/${index}`;
    if (!isJsonObject(state)) {
      fail(path, 'a widget must be an object');
      return;
    }
    validateWidget(state, path, fail, rules);
    if (typeof state.name === 'string') {
      const first = names.get(state.name);
      if (first !== undefined && rules.uniqueWidgetNames)
        fail(`${path}/name`, `widget name "${state.name}" is not unique (also #/states/${first})`);
      else names.set(state.name, index);
    }
  });

  if (typeof raw.initial_state === 'string' && raw.initial_state !== '' && !names.has(raw.initial_state))
    fail('#/initial_state', `initial_state "${raw.initial_state}" names no widget`);
  raw.states.forEach((state: unknown, index) => {
    if (!isJsonObject(state) || !Array.isArray(state.transitions)) return;
    state.transitions.forEach((transition: unknown, t) => {
      if (!isJsonObject(transition) || transition.next === undefined || transition.next === '') return;
      if (
        rules.transitionTargetsExist &&
        (typeof transition.next !== 'string' || !names.has(transition.next))
      )
        fail(
          `#/states/${index}/transitions/${t}/next`,
          `transition "${String(transition.event)}" leads to "${String(transition.next)}", which is not a widget of this flow`,
        );
    });
  });
  return failures;
}

function validateWidget(
  state: Json,
  path: string,
  fail: (path: string, message: string) => void,
  rules: DefinitionRules,
): void {
  if (typeof state.name !== 'string' || state.name === '')
    fail(`${path}/name`, 'name is required and must be a non-empty string');
  if (typeof state.type !== 'string' || !(widgetTypes as readonly string[]).includes(state.type))
    fail(`${path}/type`, `type "${String(state.type)}" is not a widget type`);
  if (!Array.isArray(state.transitions)) fail(`${path}/transitions`, 'transitions must be an array');
  else
    state.transitions.forEach((transition: unknown, t) => {
      if (!isJsonObject(transition) || typeof transition.event !== 'string' || transition.event === '')
        fail(`${path}/transitions/${t}/event`, 'every transition needs an event');
    });
  if (state.properties !== undefined && !isJsonObject(state.properties))
    fail(`${path}/properties`, 'properties must be an object');
  if (state.type === 'send-to-flex') validateSendToFlex(state, path, fail, rules.sendToFlex);
  if (state.type === 'trigger') validateEvents(state, path, triggerEvents, fail);
}

function validateEvents(
  state: Json,
  path: string,
  allowed: readonly string[],
  fail: (path: string, message: string) => void,
): void {
  if (!Array.isArray(state.transitions)) return;
  state.transitions.forEach((transition: unknown, t) => {
    if (
      isJsonObject(transition) &&
      typeof transition.event === 'string' &&
      !allowed.includes(transition.event)
    )
      fail(
        `${path}/transitions/${t}/event`,
        `event "${transition.event}" is not one of ${allowed.join(', ')} for a ${String(state.type)} widget`,
      );
  });
}

function validateSendToFlex(
  state: Json,
  path: string,
  fail: (path: string, message: string) => void,
  rules: DefinitionRules['sendToFlex'],
): void {
  validateEvents(state, path, rules.events, fail);
  const properties = isJsonObject(state.properties) ? state.properties : {};
  const present = (name: string) =>
    properties[name] !== undefined && properties[name] !== null && properties[name] !== '';
  for (const name of rules.requiredProperties) {
    if (!present(name)) fail(`${path}/properties/${name}`, `a send-to-flex widget requires a ${name}`);
  }
  for (const name of ['workflow', 'channel', 'attributes', 'waitUrl', 'waitUrlMethod'] as const) {
    if (present(name) && typeof properties[name] !== 'string')
      fail(`${path}/properties/${name}`, `${name} must be a string`);
  }
  for (const name of ['priority', 'timeout'] as const) {
    const value = properties[name];
    if (present(name) && typeof value !== 'string' && typeof value !== 'number')
      fail(`${path}/properties/${name}`, `${name} must be a string or a number`);
  }
  const attributesLength =
    typeof properties.attributes === 'string' ? rules.attributesLength(properties.attributes) : 0;
  if (attributesLength > rules.attributesMaxLength)
    fail(
      `${path}/properties/attributes`,
      `attributes hold at most ${rules.attributesMaxLength} characters (got ${attributesLength})`,
    );
  if (present('waitUrlMethod') && !['GET', 'POST'].includes(String(properties.waitUrlMethod)))
    fail(`${path}/properties/waitUrlMethod`, 'waitUrlMethod must be GET or POST');
  for (const name of Object.keys(properties)) {
    if (!(rules.properties as readonly string[]).includes(name))
      fail(`${path}/properties/${name}`, `send-to-flex has no property ${name}`);
  }
}
