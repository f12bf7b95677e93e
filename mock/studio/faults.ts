import type { FaultSpec } from '../fault-spec';

/** Deliberate bugs in Studio: flow validation, executions, the engine, Liquid and the Send to Flex widget. */
export const studioFaults = [
  // ---------------------------------------------------------------- flows and validation
  {
    name: 'studio-flow-status-optional',
    description: 'POST /v2/Flows without Status is accepted as a draft.',
    trips: ['STF-STUDIO-FLOW-CREATE-REQUIRED'],
  },
  {
    name: 'studio-validate-creates-flow',
    description: 'POST /v2/Flows/Validate stores the flow it validates.',
    trips: ['STF-STUDIO-VALIDATE-OK'],
  },
  {
    name: 'studio-invalid-definition-20001',
    description: 'An invalid definition is refused with 20001 and no details instead of 81022.',
    trips: ['STF-STUDIO-INVALID-DEFINITION-81022'],
  },
  {
    name: 'studio-duplicate-names-accepted',
    description: 'Two widgets may share a name.',
    trips: ['STF-STUDIO-UNIQUE-WIDGET-NAMES'],
  },
  {
    name: 'studio-dangling-transition-accepted',
    description: 'A transition may lead to a widget that does not exist.',
    trips: ['STF-STUDIO-TRANSITION-TARGET-EXISTS'],
  },
  {
    name: 'studio-stf-workflow-optional',
    description: 'A send-to-flex widget without a workflow passes validation.',
    trips: ['STF-REQUIRES-WORKFLOW'],
  },
  {
    name: 'studio-stf-channel-optional',
    description: 'A send-to-flex widget without a channel passes validation.',
    trips: ['STF-REQUIRES-CHANNEL'],
  },
  {
    name: 'studio-stf-rejects-callfailure',
    description: 'Validation refuses the callFailure transition of a send-to-flex widget.',
    trips: ['TRANS-WIDGET-THREE-EVENTS'],
  },
  {
    name: 'studio-widget-schema-strict',
    description: 'Validation refuses every send-to-flex property but workflow, channel and attributes.',
    trips: ['STF-WIDGET-JSON-SHAPE'],
  },
  {
    name: 'stf-attributes-nested-stringified',
    description: 'Nested objects and arrays in the attributes reach the task as JSON strings.',
    trips: ['STF-ATTRIBUTES-BECOME-TASK-ATTRIBUTES'],
  },
  {
    name: 'stf-attributes-limit-off-by-one',
    description: 'Attributes of exactly 1024 characters are refused.',
    trips: ['STF-ATTRIBUTES-MAX-1024'],
  },
  // ---------------------------------------------------------------- executions
  {
    name: 'studio-execution-from-optional',
    description: 'POST /v2/Flows/{Sid}/Executions without From is accepted.',
    trips: ['TRANS-EXECUTION-CREATE'],
  },
  {
    name: 'studio-steps-missing-transitioned-to',
    description: 'Steps always say transitioned_to "Ended", whatever widget follows.',
    trips: ['TRANS-EXECUTION-STEPS-RECORD-TRANSITIONS'],
  },
  {
    name: 'studio-context-without-widgets',
    description: 'The execution context leaves out the widgets variables.',
    trips: ['TRANS-EXECUTION-CONTEXT-WIDGET-VARIABLES'],
  },
  {
    name: 'studio-http-response-not-parsed',
    description:
      'A JSON response of make-http-request / run-function is not parsed into widgets.<name>.parsed.',
    trips: ['LIQUID-PARSED-JSON-RESPONSE'],
  },
  // ---------------------------------------------------------------- Liquid
  {
    name: 'liquid-not-rendered',
    description: 'The attributes template is used as written, without Liquid rendering.',
    trips: ['LIQUID-ATTRIBUTES-RENDERED', 'STF-VOICE-DEFAULT-ATTRIBUTES'],
  },
  {
    name: 'liquid-to-json-string',
    description: 'to_json emits a JSON string holding the serialised value instead of the value.',
    trips: ['LIQUID-TO-JSON-OBJECT'],
  },
  // ---------------------------------------------------------------- Send to Flex: task settings
  {
    name: 'stf-channel-ignored',
    description: "Tasks are created on the default Task Channel whatever the widget's channel.",
    trips: ['STF-CHANNEL-ON-TASK', 'STF-MESSAGE-CREATES-TASK'],
  },
  {
    name: 'stf-workflow-from-first-in-workspace',
    description: "Tasks go through the workspace's first workflow instead of the widget's.",
    trips: ['STF-WORKFLOW-SID-ON-WIDGET'],
  },
  {
    name: 'stf-priority-default-1',
    description: 'A widget without a priority creates tasks with priority 1.',
    trips: ['STF-PRIORITY-DEFAULT-0'],
  },
  {
    name: 'stf-priority-ignored',
    description: "The widget's priority is never sent to TaskRouter.",
    trips: ['STF-PRIORITY-PASSED-TO-TASK', 'STF-PRIORITY-ORDERS-QUEUE'],
  },
  {
    name: 'stf-string-values-ignored',
    description: 'Priority and timeout written as strings (the export format) are ignored.',
    trips: ['STF-WIDGET-VALUES-AS-STRINGS'],
  },
  {
    name: 'stf-timeout-default-60',
    description: 'A widget without a timeout creates tasks with a 60-second timeout.',
    trips: ['STF-TIMEOUT-DEFAULT'],
  },
  {
    name: 'stf-timeout-ignored',
    description: "The widget's timeout is never sent to TaskRouter.",
    trips: ['STF-TIMEOUT-PASSED-TO-TASK'],
  },
  {
    name: 'stf-timeout-max-one-week',
    description: 'Timeouts above one week are clamped to 604,800 seconds.',
    trips: ['STF-TIMEOUT-MAX-TWO-WEEKS'],
  },
  // ---------------------------------------------------------------- Send to Flex: voice
  {
    name: 'stf-voice-enqueue-missing-workflowsid',
    description: 'The Enqueue TwiML has no workflowSid attribute.',
    trips: ['STF-CALL-ENQUEUED'],
  },
  {
    name: 'stf-default-wait-url',
    description: "Without a hold music URL, Twilio's classical hold music URL is written into the TwiML.",
    trips: ['STF-CALL-HOLD-MUSIC-DEFAULT'],
  },
  {
    name: 'stf-wait-url-unrendered',
    description: 'The hold music URL is used as written, without Liquid rendering.',
    trips: ['STF-CALL-HOLD-MUSIC-URL'],
  },
  {
    name: 'stf-wait-method-dropped',
    description: 'waitUrlMethod never reaches the TwiML.',
    trips: ['STF-HOLD-MUSIC-METHOD'],
  },
  {
    name: 'stf-voice-complete-before-action',
    description: 'callComplete is recorded when the TwiML is answered, before the action URL is requested.',
    trips: ['TRANS-TASK-CREATED-VOICE', 'TRANS-FAILED-VOICE-ENQUEUE', 'TRANS-CALL-FAILED-SYSTEM-ERROR'],
  },
  {
    name: 'stf-voice-enqueue-error-completes',
    description: 'A call that could not be enqueued takes callComplete.',
    trips: ['TRANS-FAILED-VOICE-ENQUEUE'],
  },
  {
    name: 'stf-system-error-as-failed-enqueue',
    description: 'QueueResult=system-error takes failedToEnqueue instead of callFailure.',
    trips: ['TRANS-CALL-FAILED-SYSTEM-ERROR'],
  },
  // ---------------------------------------------------------------- Send to Flex: messages
  {
    name: 'stf-message-task-created-after-transition',
    description: 'Messages take callComplete first and create the task afterwards.',
    trips: ['TRANS-TASK-CREATED-MESSAGE'],
  },
  {
    name: 'stf-taskrouter-error-completes',
    description: 'A TaskRouter error for a message or conversation takes callComplete.',
    trips: ['TRANS-FAILED-TASKROUTER-ERROR'],
  },
  {
    name: 'stf-message-error-call-failure',
    description: 'A TaskRouter error for a message or conversation takes callFailure.',
    trips: ['TRANS-CALL-FAILED-VOICE-ONLY', 'TRANS-FAILED-TASKROUTER-ERROR'],
  },
  {
    name: 'stf-tasksid-not-stored',
    description: 'The widget does not store TaskSid.',
    trips: ['TRANS-VAR-TASKSID'],
  },
  // ---------------------------------------------------------------- Send to Flex: conversations
  {
    name: 'stf-conversation-creates-task-directly',
    description: 'For conversations the widget creates the TaskRouter task itself, with no Interaction.',
    trips: ['CONV-STF-CREATES-INTERACTION'],
  },
  {
    name: 'stf-conversation-transition-before-task',
    description: 'For conversations callComplete is taken before the Interaction and its task exist.',
    trips: ['TRANS-TASK-CREATED-CONVERSATION'],
  },
  {
    name: 'stf-conversation-channeltype-generic',
    description: 'channelType is "conversations" for every conversation.',
    trips: ['CONV-DEFAULT-ATTR-CHANNELTYPE'],
  },
  {
    name: 'stf-conversation-name-is-friendly-name',
    description: "name is the conversation's friendly name instead of the sender's address.",
    trips: ['CONV-DEFAULT-ATTR-NAME'],
  },
  {
    name: 'stf-conversation-sms-address-without-plus',
    description: "Sender addresses lose their leading '+'.",
    trips: [
      'CONV-SMS-ADDRESS-E164',
      'CONV-DEFAULT-ATTR-CUSTOMERADDRESS',
      'CONV-DEFAULT-ATTR-FROM',
      'CONV-DEFAULT-ATTR-CUSTOMERNAME',
    ],
  },
  {
    name: 'stf-conversation-whatsapp-prefix-stripped',
    description: 'WhatsApp sender addresses lose their "whatsapp:" prefix.',
    trips: ['CONV-WHATSAPP-ADDRESS-PREFIX'],
  },
] as const satisfies readonly FaultSpec[];
