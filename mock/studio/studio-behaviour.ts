/** Studio (flow definitions, executions, the Send to Flex widget): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */

import { parseJsonObject } from '../core/json';
import type { DomainCall } from '../core/module';
import { toJson } from './liquid';

/** The properties of a send-to-flex widget (Studio's export format), besides the editor's `offset`. */
export type SendToFlexProperty =
  | 'workflow'
  | 'channel'
  | 'attributes'
  | 'priority'
  | 'timeout'
  | 'waitUrl'
  | 'waitUrlMethod'
  | 'offset';

/** The settings Send to Flex can pass on to the task it creates. */
export type TaskSetting = 'channel' | 'priority' | 'timeout';

/** The kinds of trigger a Send to Flex widget serves: a call, a legacy chat message, a conversation. */
export type SendToFlexTrigger = 'call' | 'message' | 'conversation';

/** The variables a Send to Flex widget can store (`widgets.<name>.*`). */
export type SendToFlexVariable = 'QueueResult' | 'TaskSid' | 'Age' | 'Attributes';

/** The channel of a conversation, from its Source. */
export type ConversationChannel = 'sms' | 'whatsapp' | 'chat';

/** Whether a message's or a conversation's Task created is taken once its task exists, or before. */
export type TaskTransitionTiming = 'after-task' | 'before-task';

/** Whether a call's Task created is taken when the Enqueue action URL is requested, or when the TwiML is answered. */
export type CallTransitionTiming = 'action-url' | 'twiml-answered';

export interface StudioBehaviour {
  /** What validation (POST /v2/Flows, Validate, update) asks of a definition, beyond its schema. */
  readonly definition: {
    /** Widget names are unique within a flow. */
    readonly uniqueWidgetNames: boolean;
    /** A transition's `next` names a widget of the flow. */
    readonly transitionTargetsExist: boolean;
    readonly sendToFlex: {
      /** The transition events a send-to-flex widget may have. */
      readonly events: readonly string[];
      /** The properties a send-to-flex widget cannot be saved without. */
      readonly requiredProperties: readonly SendToFlexProperty[];
      /** The properties a send-to-flex widget may carry; any other is refused. */
      readonly properties: readonly SendToFlexProperty[];
      /** The most characters the Attributes field holds (the configured text, before rendering). */
      readonly attributesMaxLength: number;
      /** Seam: the length of the Attributes text as the limit counts it (characters). */
      readonly attributesLength: (text: string) => number;
    };
  };
  readonly executions: {
    /** The parameters POST /v2/Flows/{Sid}/Executions cannot be sent without (missing or empty: 400/20001). */
    readonly requiredOnCreate: readonly ('To' | 'From')[];
  };
  readonly liquid: {
    /** Seam: the `to_json` filter, the JSON text of a value. */
    readonly toJson: (value: unknown) => string;
  };
  readonly httpRequest: {
    /** The response content types whose body make-http-request and run-function parse into `parsed`. */
    readonly parsedContentTypes: readonly string[];
    /**
     * Seam: the content types parsed in a run whose trigger data is `trigger.<data>` (`call`,
     * `message`, `conversation`, `request`); the reference parses the same for every trigger.
     */
    readonly parsedContentTypesFor: (data: string, types: readonly string[]) => readonly string[];
  };
  readonly sendToFlex: SendToFlexBehaviour;
}

export interface SendToFlexBehaviour {
  /** Seam: the behaviour the widget follows for one kind of trigger (the reference: the same for all). */
  readonly forTrigger: (trigger: SendToFlexTrigger, behaviour: SendToFlexBehaviour) => SendToFlexBehaviour;
  /** The properties rendered with Liquid before use; the others are used as written. */
  readonly renderedProperties: readonly SendToFlexProperty[];
  /** The JSON types priority and timeout are read from (a value of another type counts as not set). */
  readonly numberPropertyTypes: readonly ('string' | 'number')[];
  /** Seam: the priority or timeout text passed on, from the rendered property (the reference: as rendered). */
  readonly numberText: (name: 'priority' | 'timeout', text: string) => string;
  /** What a widget without a priority or timeout sends. */
  readonly defaults: { readonly priority: string; readonly timeout: string };
  /** The settings passed on to the task; one left out gets TaskRouter's default. */
  readonly taskSettings: readonly TaskSetting[];
  /** The largest timeout sent: a larger one is clamped to it. */
  readonly timeoutMax: number;
  /** Seam: the task attributes the rendered Attributes text makes (undefined when it makes none). */
  readonly attributesOf: (rendered: string) => Record<string, unknown> | undefined;
  /** Seam: the workflow a task goes through, given the widget's workflow and the workspace that owns it. */
  readonly workflowOf: (call: DomainCall, workspaceSid: string, workflowSid: string) => Promise<string>;
  /** The hold music URL written into the Enqueue when the widget has no usable one (undefined: none). */
  readonly waitUrlDefault: string | undefined;
  /** The transition each failure takes. */
  readonly outcomeEvents: {
    /** The Enqueue action reports QueueResult=system-error. */
    readonly callSystemError: string;
    /** A call that could not be enqueued (its task refused, QueueResult error or queue-full). */
    readonly callNotEnqueued: string;
    /** The task of a message or conversation was refused by TaskRouter. */
    readonly taskRefused: string;
    /** The widget's properties make a message or conversation no task: one did not render, or the attributes are not a JSON object. */
    readonly taskUnbuildable: string;
  };
  /** The QueueResult values of the Enqueue action that take a failure transition; any other takes callComplete. */
  readonly queueResults: {
    /** Call failed (callFailure). */
    readonly callFailed: readonly string[];
    /** The call could not be enqueued: Failed to create task (failedToEnqueue). */
    readonly notEnqueued: readonly string[];
  };
  /** When Task created (callComplete) is taken, for each kind of trigger. */
  readonly transitionTiming: {
    readonly message: TaskTransitionTiming;
    readonly conversation: TaskTransitionTiming;
    readonly call: CallTransitionTiming;
  };
  /** The variables the widget stores; the others it computes are left out. */
  readonly storedVariables: readonly SendToFlexVariable[];
  readonly conversation: {
    /** How a conversation reaches TaskRouter: through an Interaction, or a task the widget creates itself. */
    readonly routedThrough: 'interaction' | 'task';
    /** The `channelType` attribute added for each conversation channel. */
    readonly channelTypes: Readonly<Record<ConversationChannel, string>>;
    /** Seam: the sender's address as the added attributes carry it. */
    readonly senderAddress: (address: string) => string;
    /** What the added `name` attribute holds: the sender's address, or the conversation's friendly name. */
    readonly name: 'sender-address' | 'friendly-name';
  };
}

/** The settings of a send-to-flex widget: every property but the editor's `offset`. */
const sendToFlexSettings: readonly SendToFlexProperty[] = [
  'workflow',
  'channel',
  'attributes',
  'priority',
  'timeout',
  'waitUrl',
  'waitUrlMethod',
];

export const referenceStudioBehaviour: StudioBehaviour = {
  definition: {
    uniqueWidgetNames: true,
    transitionTargetsExist: true,
    sendToFlex: {
      // Task created, Failed to create task, Call failed.
      events: ['callComplete', 'failedToEnqueue', 'callFailure'],
      requiredProperties: ['workflow', 'channel'],
      properties: [...sendToFlexSettings, 'offset'],
      attributesMaxLength: 1024,
      attributesLength: (text) => [...text].length,
    },
  },
  executions: { requiredOnCreate: ['To', 'From'] },
  liquid: { toJson },
  httpRequest: { parsedContentTypes: ['application/json'], parsedContentTypesFor: (_data, types) => types },
  sendToFlex: {
    forTrigger: (_trigger, behaviour) => behaviour,
    renderedProperties: sendToFlexSettings,
    // The editor writes priority and timeout as numbers, Studio's export format as strings.
    numberPropertyTypes: ['string', 'number'],
    numberText: (_name, text) => text,
    // The Send to Flex page: priority 0, timeout 3600 seconds (1 hour).
    defaults: { priority: '0', timeout: '3600' },
    taskSettings: ['channel', 'priority', 'timeout'],
    // Studio clamps no timeout: TaskRouter refuses one above two weeks.
    timeoutMax: Number.POSITIVE_INFINITY,
    attributesOf: parseJsonObject,
    workflowOf: async (_call, _workspaceSid, workflowSid) => workflowSid,
    // Without a waitUrl the Enqueue has none, and Twilio plays its default hold music.
    waitUrlDefault: undefined,
    outcomeEvents: {
      callSystemError: 'callFailure',
      callNotEnqueued: 'failedToEnqueue',
      taskRefused: 'failedToEnqueue',
      taskUnbuildable: 'failedToEnqueue',
    },
    queueResults: { callFailed: ['system-error'], notEnqueued: ['error', 'queue-full'] },
    // A message's or conversation's next widget finds the task; a call's transition waits for it to leave the queue.
    transitionTiming: { message: 'after-task', conversation: 'after-task', call: 'action-url' },
    storedVariables: ['QueueResult', 'TaskSid', 'Age', 'Attributes'],
    conversation: {
      routedThrough: 'interaction',
      channelTypes: { sms: 'sms', whatsapp: 'whatsapp', chat: 'chat' },
      // As the conversation names it: +E.164 for SMS, whatsapp:+E.164 for WhatsApp.
      senderAddress: (address) => address,
      name: 'sender-address',
    },
  },
};
