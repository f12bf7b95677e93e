import type { RuleSpec } from './types';

/**
 * Send to Flex transitions (Task created / Failed to create task / Call failed), the variables the
 * widget stores, and the Studio Execution records (steps, context) through which both are observed.
 */
export const transitionRules = [
  {
    id: 'TRANS-WIDGET-THREE-EVENTS',
    area: 'transitions',
    title: 'The widget has three transitions: callComplete, failedToEnqueue, callFailure',
    statement:
      'A send-to-flex widget in a flow definition has the transition events callComplete, failedToEnqueue and ' +
      'callFailure, each optionally pointing at another widget.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'These events trigger transitions from the Send to Flex Widget to another Widget in your Flow.',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '"transitions":[{"event":"callComplete"},\n  {"event":"failedToEnqueue"},{"event":"callFailure"}]',
      },
    ],
  },
  {
    id: 'TRANS-EVENT-NAME-MAPPING',
    area: 'transitions',
    title: 'Documented transition names map to JSON events by position (inferred)',
    statement:
      'The checks read "Task created" as callComplete, "Failed to create task" as failedToEnqueue and "Call failed" ' +
      'as callFailure. No source states this mapping.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Mapping to JSON events (callComplete /\n  failedToEnqueue / callFailure) is by order;',
      },
    ],
    ambiguity: {
      summary:
        'The widget page names the transitions Task created / Failed to create task / Call failed; flow JSON uses ' +
        'callComplete / failedToEnqueue / callFailure. The correspondence is inferred (A3).',
      readings: [
        {
          id: 'positional',
          text: 'Task created = callComplete, Failed to create task = failedToEnqueue, Call failed = callFailure.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote:
                'Mapping of doc transition names to JSON event names is inferred from order/naming, not stated.',
            },
          ],
        },
        {
          id: 'enqueue-call-semantics',
          text:
            'The JSON names keep the Enqueue Call widget meanings (Call Complete when the call leaves the queue, ' +
            'Failed to Enqueue also for queue-full, Call Failed for system-error), which only coincide with the ' +
            'Send to Flex names for voice.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote:
                'Enqueue Call widget doc uses the same trio (Call Complete / Failed to Enqueue\n  ("queue-full", 100-call limit) / Call Failed ("system-error")).',
            },
          ],
        },
      ],
      applied: 'positional',
      rationale:
        'The order and the wording of the three pairs match, and every public flow lists the events in that order.',
    },
  },
  {
    id: 'TRANS-TASK-CREATED-VOICE',
    area: 'transitions',
    title: 'Voice: "Task created" fires when the Enqueue action URL is requested',
    statement:
      'For an incoming call, the callComplete transition is taken when the Enqueue action URL is requested, not ' +
      'before.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-call'], channels: ['voice'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'For Voice calls, transition is triggered when the Enqueue action URL is requested.',
      },
    ],
  },
  {
    id: 'TRANS-TASK-CREATED-MESSAGE',
    area: 'transitions',
    title: 'Messages: "Task created" fires as soon as the task exists',
    statement:
      'For an incoming message, the callComplete transition is taken as soon as the TaskRouter task is created, ' +
      'and the task exists when the next widget runs.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], callsOut: true },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'For Messages, transition is triggered as soon as the TaskRouter Task is created.',
      },
    ],
  },
  {
    id: 'TRANS-TASK-CREATED-CONVERSATION',
    area: 'transitions',
    title: 'Conversations: "Task created" fires when the Interaction and its task exist',
    statement:
      'For an incoming conversation, the callComplete transition is taken once both the Interaction and its ' +
      'TaskRouter task have been created.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], callsOut: true },
    sources: [
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'For Conversations, the transition is triggered when an Interaction and a corresponding TaskRouter task are created.',
      },
    ],
  },
  {
    id: 'TRANS-FAILED-VOICE-ENQUEUE',
    area: 'transitions',
    title: 'Voice: "Failed to create task" fires when enqueuing fails',
    statement:
      'For an incoming call, failedToEnqueue is taken when the call cannot be enqueued (e.g. an unknown Workflow), ' +
      'and callComplete is not.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-call'], channels: ['voice'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'For Voice calls, transition is triggered if enqueuing of the call fails.',
      },
    ],
  },
  {
    id: 'TRANS-FAILED-TASKROUTER-ERROR',
    area: 'transitions',
    title: 'Messages and Conversations: "Failed to create task" fires on a TaskRouter error',
    statement:
      'For an incoming message or conversation, when TaskRouter refuses the task (e.g. an unknown Workflow or Task ' +
      'Channel), failedToEnqueue is taken immediately and no task exists.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message', 'incoming-conversation'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'For Messages and Conversations, transition is triggered immediately when TaskRouter returns an error for Task creation.',
      },
    ],
  },
  {
    id: 'TRANS-CALL-FAILED-SYSTEM-ERROR',
    area: 'transitions',
    title: 'Voice: "Call failed" fires when QueueResult is system-error',
    statement:
      'For an incoming call, callFailure is taken when the Enqueue action reports QueueResult=system-error, and ' +
      'for no other QueueResult value (the call left the queue, or could not join it). Only the voice platform ' +
      'reports system-error: on a real account a check can only hang up, so there it observes the "no other ' +
      'value" half through QueueResult=hangup, and the system-error half runs on mock and URL targets.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-call'], channels: ['voice'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'Only applies to Voice calls. Transition is triggered if QueueResult is "system-error".',
      },
    ],
  },
  {
    id: 'TRANS-CALL-FAILED-VOICE-ONLY',
    area: 'transitions',
    title: '"Call failed" never fires for messages or conversations',
    statement: 'For an incoming message or conversation, the callFailure transition is never taken.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message', 'incoming-conversation'] },
    sources: [{ doc: '001_ffef4bfcdb758d92.txt', quote: 'Only applies to Voice calls.' }],
  },

  // ---------------------------------------------------------------- widget variables
  {
    id: 'TRANS-VAR-TASKSID',
    area: 'transitions',
    title: 'widgets.<name>.TaskSid holds the SID of the created task',
    statement:
      'After the widget has created a task, {{widgets.<name>.TaskSid}} renders the SID (WT...) of that task in ' +
      'later widgets and in the execution context.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'When the Send to Flex Widget executes, it will have stored the following variables for use throughout your Studio Flow (where MY_WIDGET_NAME is the name of your actual widget).',
      },
      { doc: '000_e6e025a037b48afd.txt', quote: 'Task SID{{widgets.MY_WIDGET_NAME.TaskSid}}' },
      { doc: '001_ffef4bfcdb758d92.txt', quote: 'Task SID {{widgets.MY_WIDGET_NAME.TaskSid}}' },
    ],
  },
  {
    id: 'TRANS-VAR-AGE',
    area: 'transitions',
    title: 'widgets.<name>.Age (listed in 001 only)',
    statement:
      'If the target stores Age, {{widgets.<name>.Age}} is the task age in seconds (a non-negative integer). The ' +
      'check reports whether Age is present; its absence is not a failure.',
    severity: 'info',
    sources: [{ doc: '001_ffef4bfcdb758d92.txt', quote: 'Age {{widgets.MY_WIDGET_NAME.Age}}' }],
    ambiguity: {
      summary:
        'Seed 001 lists the widget variables Age, Attributes and Task SID; seed 000 lists only Task SID.',
      readings: [
        {
          id: 'tasksid-only',
          text: 'The widget stores only TaskSid.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'NameLiquid Template Language\nTask SID{{widgets.MY_WIDGET_NAME.TaskSid}}',
            },
          ],
        },
        {
          id: 'age-and-attributes',
          text: 'The widget also stores Age and Attributes.',
          sources: [
            { doc: '001_ffef4bfcdb758d92.txt', quote: 'Age {{widgets.MY_WIDGET_NAME.Age}}' },
            {
              doc: '001_ffef4bfcdb758d92.txt',
              quote: 'Find definitions and examples for these variables at the Task Resource page.',
            },
          ],
        },
      ],
      applied: 'tasksid-only',
      rationale:
        'Only TaskSid is in both renderings; Age and Attributes are checked for shape when present and their ' +
        'presence is reported.',
      observed: true,
    },
  },
  {
    id: 'TRANS-VAR-ATTRIBUTES',
    area: 'transitions',
    title: 'widgets.<name>.Attributes (listed in 001 only)',
    statement:
      'If the target stores Attributes, {{widgets.<name>.Attributes}} holds the attributes of the created task. The ' +
      'check reports whether Attributes is present; its absence is not a failure.',
    severity: 'info',
    sources: [{ doc: '001_ffef4bfcdb758d92.txt', quote: '属性 {{widgets.MY_WIDGET_NAME.Attributes}}' }],
    ambiguity: {
      summary:
        'Seed 001 lists the widget variables Age, Attributes and Task SID; seed 000 lists only Task SID.',
      readings: [
        {
          id: 'tasksid-only',
          text: 'The widget stores only TaskSid.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'NameLiquid Template Language\nTask SID{{widgets.MY_WIDGET_NAME.TaskSid}}',
            },
          ],
        },
        {
          id: 'age-and-attributes',
          text: 'The widget also stores Age and Attributes.',
          sources: [{ doc: '001_ffef4bfcdb758d92.txt', quote: '属性 {{widgets.MY_WIDGET_NAME.Attributes}}' }],
        },
      ],
      applied: 'tasksid-only',
      rationale:
        'Only TaskSid is in both renderings; Age and Attributes are checked for shape when present and their ' +
        'presence is reported.',
      observed: true,
    },
  },

  // ---------------------------------------------------------------- Studio executions: where transitions are observed
  {
    id: 'TRANS-EXECUTION-CREATE',
    area: 'transitions',
    title: 'Executions are created with To and From and are active or ended',
    statement:
      'POST /v2/Flows/{FlowSid}/Executions requires To and From (400 / 20001 without them), returns 201 with an FN ' +
      'sid, and the execution status is active or ended.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Executions `POST /v2/Flows/{FlowSid}/Executions` → **201**; required **`To`, `From`**',
      },
      {
        doc: 'reference/twilio-oai/twilio_studio_v2.json',
        quote: 'The status of the Execution. Can be: `active` or `ended`.',
      },
    ],
  },
  {
    id: 'TRANS-EXECUTION-STEPS-RECORD-TRANSITIONS',
    area: 'transitions',
    title: 'Execution steps record the event taken and the widgets on each side',
    statement:
      'After the widget runs, the execution Steps list has a step whose name is the transition event taken ' +
      '(callComplete, failedToEnqueue or callFailure), with transitioned_from the send-to-flex widget and ' +
      'transitioned_to the widget the transition points at.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_studio_v2.json',
        quote: 'The event that caused the Flow to transition to the Step.',
      },
      {
        doc: 'reference/twilio-oai/twilio_studio_v2.json',
        quote: 'The Widget that preceded the Widget for the Step.',
      },
    ],
  },
  {
    id: 'TRANS-EXECUTION-CONTEXT-WIDGET-VARIABLES',
    area: 'transitions',
    title: 'The execution context holds the widget variables',
    statement:
      'After the widget runs, GET /v2/Flows/{FlowSid}/Executions/{Sid}/Context returns a context in which ' +
      'widgets.<name>.TaskSid is the SID of the task created.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_studio_v2.json',
        quote:
          "The current state of the Flow's Execution. As a flow executes, we save its state in this context.",
      },
      { doc: '000_e6e025a037b48afd.txt', quote: 'Task SID{{widgets.MY_WIDGET_NAME.TaskSid}}' },
    ],
  },
] as const satisfies readonly RuleSpec[];
