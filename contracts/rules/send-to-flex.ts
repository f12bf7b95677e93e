import type { Ambiguity, RuleSpec } from './types';

/** On a real account Twilio's voice platform requests the flow's webhook itself: its TwiML answer is seen by no API. */
const voiceTwimlOnly =
  'the check reads the TwiML the flow answers the call with, which only the voice platform sees: on a real account it never reaches the suite';

/** Unlike a Hold music URL, which the voice platform requests through --public-url, the default leaves no trace. */
const defaultHoldMusicUnseen =
  'only the TwiML shows that the <Enqueue> has no waitUrl, and on a real account it stays with the voice platform; the default hold music is played by Twilio itself, without a request to any URL the suite could observe';

/** Both required settings: whether a create refuses a widget that lacks one, or stores it invalid. */
const invalidDefinitionOnCreate = {
  summary:
    'Validate refuses an invalid definition with 81022, but the Flow resource also has valid, errors and warnings ' +
    'fields, so a create may store an invalid flow instead of refusing it; no source says which.',
  readings: [
    {
      id: 'refused',
      text: 'POST /v2/Flows refuses the definition with error 81022, as Validate does.',
      sources: [
        {
          doc: 'reference/twilio-wire-facts.md',
          quote: 'Error **81022** "Flow definition validation failed',
        },
      ],
    },
    {
      id: 'stored-invalid',
      text: 'POST /v2/Flows stores the flow with valid false and the failures in errors.',
      sources: [
        {
          doc: 'reference/twilio-oai/twilio_studio_v2.json',
          quote: 'Boolean if the flow definition is valid.',
        },
        {
          doc: 'reference/twilio-oai/twilio_studio_v2.json',
          quote: 'List of error in the flow definition.',
        },
      ],
    },
  ],
  applied: 'refused',
  rationale:
    'The 81022 page describes the error for any flow definition; the check accepts either answer but never a ' +
    'flow stored as valid, and reports which one the target gives. The embedded mock refuses.',
  observed: true,
} as const satisfies Ambiguity;

/**
 * The Studio "Send to Flex" widget: required and optional configuration, default attributes of the
 * out-of-the-box flows, priority, timeout, attributes, hold music, and the widget's flow-definition JSON
 * (with the Studio Flow API rules it depends on). Seeds 000 (English) and 001 (Japanese rendering).
 */
export const sendToFlexRules = [
  // ---------------------------------------------------------------- required configuration
  {
    id: 'STF-REQUIRES-WORKFLOW',
    area: 'send-to-flex',
    title: 'The widget requires a Workflow',
    statement:
      'A send-to-flex widget without a workflow cannot route: POST /v2/Flows/Validate refuses the definition with ' +
      '81022 and details naming workflow, and POST /v2/Flows either refuses it the same way or stores it with valid ' +
      'false, never as a valid flow.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'When working with the Send to Flex Widget, you must select both a Workflow and a Channel so that your Studio Flow can properly route the inbound request to your Flex instance.',
      },
      { doc: '000_e6e025a037b48afd.txt', quote: 'The widget requires a Workflow and a Task Channel.' },
    ],
    ambiguity: invalidDefinitionOnCreate,
  },
  {
    id: 'STF-REQUIRES-CHANNEL',
    area: 'send-to-flex',
    title: 'The widget requires a Task Channel',
    statement:
      'A send-to-flex widget without a channel cannot route: POST /v2/Flows/Validate refuses the definition with ' +
      '81022 and details naming channel, and POST /v2/Flows either refuses it the same way or stores it with valid ' +
      'false, never as a valid flow.',
    severity: 'must',
    sources: [
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'When working with the Send to Flex Widget, you must select both a Workflow and a Channel so that your Studio Flow can properly route the inbound request to your Flex instance.',
      },
      { doc: '001_ffef4bfcdb758d92.txt', quote: 'The widget requires a Workflow and a Task Channel.' },
    ],
    ambiguity: invalidDefinitionOnCreate,
  },
  {
    id: 'STF-WORKFLOW-SID-ON-WIDGET',
    area: 'send-to-flex',
    title: 'The widget holds the Workflow SID and tasks use that Workflow',
    statement:
      "The widget's workflow property is a Workflow SID (WW...), and the task it creates has workflow_sid equal to it.",
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'The name of the TaskRouter Workflow you want to assign to your Studio Flow (the SID of your selected Workflow is reflected on the widget itself)',
      },
    ],
  },
  {
    id: 'STF-CHANNEL-ON-TASK',
    area: 'send-to-flex',
    title: 'Tasks take the Task Channel configured on the widget',
    statement:
      "The task created by the widget has the Task Channel named by the widget's channel property " +
      '(task_channel_sid or task_channel_unique_name matches it).',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'The Task Channel used by your Studio Flow when forwarding to your Flex Instance',
      },
    ],
  },
  {
    id: 'STF-CONSOLE-DEFAULT-SELECTIONS',
    area: 'send-to-flex',
    title: 'Console values shown for Workflow and Channel: "Assign to Anyone", "Programmable Chat"',
    statement:
      'The page shows "Assign to Anyone" as the Workflow and "Programmable Chat" as the Channel of a default Flex ' +
      'setup. These are Console examples, not API defaults; a target that has them is reported.',
    severity: 'info',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: '(the SID of your selected Workflow is reflected on the widget itself)Assign to Anyone',
      },
      { doc: '000_e6e025a037b48afd.txt', quote: 'when forwarding to your Flex InstanceProgrammable Chat' },
    ],
  },

  // ---------------------------------------------------------------- per trigger behaviour
  {
    id: 'STF-CALL-ENQUEUED',
    area: 'send-to-flex',
    title: 'An incoming call is enqueued to TaskRouter through the Workflow',
    statement:
      'For an incoming call the widget answers with TwiML <Enqueue workflowSid="<workflow>"> containing ' +
      '<Task priority timeout> whose body is the rendered attributes JSON, and a task is created for the call. ' +
      'On a real account the TwiML stays with the voice platform: the checks read what it enqueued, the task of ' +
      "the call in the widget's workflow with the widget's priority, timeout and rendered attributes.",
    severity: 'must',
    appliesTo: {
      triggers: ['incoming-call'],
      channels: ['voice'],
    },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'For the incoming Call trigger, Send to Flex will enqueue the Voice and the caller will hear hold music while waiting for an agent to respond.',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Voice: TwiML `<Enqueue workflowSid><Task priority timeout>JSON</Task></Enqueue>`',
      },
    ],
  },
  {
    id: 'STF-CALL-HOLD-MUSIC-DEFAULT',
    area: 'send-to-flex',
    title: "Without a Hold music URL, Flex's default hold music plays",
    statement:
      'When the widget has no Hold music TwiML URL, the Enqueue TwiML carries no waitUrl, so the default hold music ' +
      'plays while the caller waits.',
    severity: 'must',
    appliesTo: {
      triggers: ['incoming-call'],
      channels: ['voice'],
      targets: ['mock', 'url'],
      targetsReason: defaultHoldMusicUnseen,
    },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: "If no URL is specified, Flex's default hold music will play",
      },
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'With these two pieces of information, the Send to Flex Widget will be able to enqueue the call and play hold music while waiting for a matched Flex Worker to accept the task',
      },
    ],
  },
  {
    id: 'STF-CALL-HOLD-MUSIC-URL',
    area: 'send-to-flex',
    title: 'A Hold music TwiML URL becomes the Enqueue waitUrl, requested while the call waits',
    statement:
      'When the widget has a Hold music TwiML URL (waitUrl), the Enqueue TwiML has waitUrl equal to the rendered URL, ' +
      'and the voice platform requests that URL while the call waits in the queue.',
    severity: 'must',
    appliesTo: {
      triggers: ['incoming-call'],
      channels: ['voice'],
      callsOut: true,
    },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'The URL for custom hold music while the customer waits in the queue.',
      },
    ],
  },
  {
    id: 'STF-HOLD-MUSIC-METHOD',
    area: 'send-to-flex',
    title: 'URL method is GET or POST and is used for the hold music URL',
    statement:
      'waitUrlMethod accepts GET and POST, the Enqueue TwiML carries the configured method as waitUrlMethod, and ' +
      'the voice platform requests the hold music URL with it.',
    severity: 'must',
    appliesTo: {
      triggers: ['incoming-call'],
      channels: ['voice'],
      callsOut: true,
    },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'HTTP method to be used when requesting the Hold Music TwiML URL - GET or POST.',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: 'HTTP method to be used when requesting the Hold Music TwiML URL – GET or POST.',
      },
    ],
  },
  {
    id: 'STF-HOLD-MUSIC-METHOD-DEFAULT',
    area: 'send-to-flex',
    title: 'URL method has no default on the widget',
    statement:
      'The widget documents no default URL method ("None"); when it is unset the Enqueue TwiML omits waitUrlMethod ' +
      "and TwiML's own default (POST) applies. Reported, not enforced.",
    severity: 'info',
    appliesTo: {
      triggers: ['incoming-call'],
      channels: ['voice'],
      targets: ['mock', 'url'],
      targetsReason: voiceTwimlOnly,
    },
    sources: [
      { doc: '000_e6e025a037b48afd.txt', quote: 'GET or POST.None' },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '`<Enqueue>` attrs `action, method (POST), waitUrl, waitUrlMethod, workflowSid`',
      },
    ],
    ambiguity: {
      summary:
        'The widget page gives no default URL method; TwiML <Enqueue> has its own default (POST). A target may leave ' +
        'waitUrlMethod out or write one.',
      readings: [
        {
          id: 'omitted',
          text: 'Without a URL method the <Enqueue> has no waitUrlMethod attribute.',
          sources: [{ doc: '000_e6e025a037b48afd.txt', quote: 'GET or POST.None' }],
        },
        {
          id: 'written',
          text: 'The <Enqueue> carries a waitUrlMethod anyway (GET or POST).',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: '`<Enqueue>` attrs `action, method (POST), waitUrl, waitUrlMethod, workflowSid`',
            },
          ],
        },
      ],
      applied: 'omitted',
      rationale:
        'Both give the caller hold music fetched with a valid method; the check reports which one it sees.',
      observed: true,
    },
  },
  {
    id: 'STF-HOLD-MUSIC-INVALID-URL',
    area: 'send-to-flex',
    title: 'A hold music URL that is not absolute after Liquid is dropped (81028)',
    statement:
      'If the rendered waitUrl is not a valid absolute URL, it is omitted from the Enqueue TwiML, the default hold ' +
      'music plays and warning 81028 is logged. Outside the seeds; reported.',
    severity: 'info',
    appliesTo: {
      triggers: ['incoming-call'],
      channels: ['voice'],
      targets: ['mock', 'url'],
      targetsReason: voiceTwimlOnly,
    },
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          'The wait URL\n  has been omitted from the Enqueue TwiML, and the call will proceed with the default hold music.',
      },
    ],
    ambiguity: {
      summary:
        'Error 81028 says a wait URL that is not absolute after Liquid is omitted; the seeds only describe a valid URL.',
      readings: [
        {
          id: 'omitted',
          text: 'The invalid URL is left out of the <Enqueue>, so the default hold music plays.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote:
                'has been omitted from the Enqueue TwiML, and the call will proceed with the default hold music.',
            },
          ],
        },
        {
          id: 'kept',
          text: 'The rendered value is written into waitUrl as it is.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'The URL for custom hold music while the customer waits in the queue.',
            },
          ],
        },
      ],
      applied: 'omitted',
      rationale:
        'Error 81028 describes exactly this case; the check reports which behaviour the target shows.',
      observed: true,
    },
  },
  {
    id: 'STF-MESSAGE-CREATES-TASK',
    area: 'send-to-flex',
    title: 'An incoming message becomes a new TaskRouter task',
    statement:
      'For an incoming message the widget creates a TaskRouter task in the Workspace of its Workflow, with the ' +
      'configured Task Channel, priority, timeout and rendered attributes, ready for assignment.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'For the incoming Message trigger, Messages are transferred to Flex as new tasks for assignment to an agent.',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: 'or transfer a message to Flex as a new task for worker assignment.',
      },
    ],
  },

  // ---------------------------------------------------------------- priority
  {
    id: 'STF-PRIORITY-DEFAULT-0',
    area: 'send-to-flex',
    title: 'Priority defaults to 0',
    statement: 'A widget without a priority creates tasks with priority 0.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'Tasks with a higher priority are assigned before older tasks with a lower priority - 0 is the highest priority.0',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'Tasks with a higher priority are assigned before older tasks with a lower priority – 0 is the highest priority. 0',
      },
    ],
  },
  {
    id: 'STF-PRIORITY-PASSED-TO-TASK',
    area: 'send-to-flex',
    title: 'The configured priority becomes the task priority',
    statement:
      'A widget with priority p (written as a string or a number) creates a task whose priority is the integer p ' +
      '(unless a Workflow target with its own priority overrides it).',
    severity: 'must',
    sources: [{ doc: '000_e6e025a037b48afd.txt', quote: 'The priority of this task in the TaskQueue.' }],
  },
  {
    id: 'STF-PRIORITY-ORDERS-QUEUE',
    area: 'send-to-flex',
    title: 'The priority Send to Flex sets decides the task’s place in the queue',
    statement:
      'Of two tasks that Send to Flex widgets put in the same queue while no worker is available, the newer one, ' +
      'whose widget sets the higher priority, is offered first to the worker that becomes available; the older ' +
      'one follows. "Higher" is read as TR-PRIORITY-HIGHER-FIRST applies it (the larger value).',
    severity: 'must',
    sources: [
      { doc: '000_e6e025a037b48afd.txt', quote: 'The priority of this task in the TaskQueue.' },
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'Tasks with a higher priority are assigned before older tasks with a lower priority',
      },
    ],
  },

  // ---------------------------------------------------------------- timeout
  {
    id: 'STF-TIMEOUT-DEFAULT',
    area: 'send-to-flex',
    title: 'Timeout default of the widget (3600 per the widget page, 86,400 per the APIs)',
    statement:
      'A widget without a timeout creates tasks with timeout 3600 seconds. The check reports whether the target ' +
      'uses 3600 or the API default 86,400.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'The amount of time in seconds that the task is allowed to live, with a maximum value of two weeks (1209600 seconds).3600 (1 hour)',
      },
      { doc: '001_ffef4bfcdb758d92.txt', quote: '(1209600 seconds). 3600 (1 時間)' },
    ],
    ambiguity: {
      summary:
        'The widget page gives 3600 s (1 hour) as the Timeout default; the Flex Flow API (Integration.Timeout), the ' +
        'TaskRouter Task API and older copies of the widget page give 86,400 s (24 hours) (C3).',
      readings: [
        {
          id: 'widget-3600',
          text: 'An unset widget timeout gives the task a 3600-second timeout.',
          sources: [
            { doc: '000_e6e025a037b48afd.txt', quote: '(1209600 seconds).3600 (1 hour)' },
            { doc: '001_ffef4bfcdb758d92.txt', quote: '(1209600 seconds). 3600 (1 時間)' },
          ],
        },
        {
          id: 'api-86400',
          text: 'An unset widget timeout leaves the task at the API default of 86,400 seconds.',
          sources: [
            { doc: '004_4af5ab78ff31b1e9.txt', quote: 'Default is 86,400 seconds (24 hours).' },
            {
              doc: 'reference/twilio-spec-summary.md',
              quote: 'The default value is 24 hours (86,400 seconds).',
            },
            { doc: 'reference/twilio-wire-facts.md', quote: 'Timeout ("Defaults to 24 hours")' },
          ],
        },
      ],
      applied: 'widget-3600',
      rationale:
        'The seeds that describe the widget both say 3600 and the Studio editor writes "timeout": "3600" into ' +
        'exported flows; 86,400 is the default of other APIs. Since the reference says the 3600 may only be an ' +
        'editor value, the check reports which default the target uses instead of failing it. The embedded mock ' +
        'uses 3600.',
      observed: true,
    },
  },
  {
    id: 'STF-TIMEOUT-PASSED-TO-TASK',
    area: 'send-to-flex',
    title: 'The configured timeout becomes the task timeout',
    statement: 'A widget with timeout t (1 <= t <= 1209600) creates a task whose timeout is t seconds.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'The amount of time in seconds that the task is allowed to live',
      },
    ],
  },
  {
    id: 'STF-TIMEOUT-MAX-TWO-WEEKS',
    area: 'send-to-flex',
    title: 'Timeout may be as large as 1209600 seconds (two weeks)',
    statement:
      'A widget timeout of 1209600 is accepted and the task gets timeout 1209600; no task ever gets more.',
    severity: 'must',
    sources: [
      { doc: '000_e6e025a037b48afd.txt', quote: 'with a maximum value of two weeks (1209600 seconds).' },
    ],
  },
  {
    id: 'STF-TIMEOUT-OVER-MAX',
    area: 'send-to-flex',
    title: 'Timeout above 1209600 (undocumented handling)',
    statement:
      'For a widget timeout of 1209601 the check records whether flow validation refuses it, task creation fails ' +
      '("Failed to create task") or the value is clamped. No source says which.',
    severity: 'info',
    sources: [
      { doc: '001_ffef4bfcdb758d92.txt', quote: 'with a maximum value of two weeks (1209600 seconds).' },
    ],
    ambiguity: {
      summary:
        'The widget page gives the two-week maximum but not what happens above it: the flow may be refused, the task ' +
        'creation may fail (TaskRouter refuses such a Timeout) or the value may be clamped.',
      readings: [
        {
          id: 'validation-refuses',
          text: 'Flow validation refuses a timeout above 1209600.',
          sources: [
            {
              doc: '001_ffef4bfcdb758d92.txt',
              quote: 'with a maximum value of two weeks (1209600 seconds).',
            },
          ],
        },
        {
          id: 'failed-to-create-task',
          text: 'The widget takes Failed to create task, because TaskRouter refuses the Timeout.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: 'Can be up to a maximum of 2 weeks (1,209,600 seconds).',
            },
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'For Voice calls, transition is triggered if enqueuing of the call fails.',
            },
          ],
        },
        {
          id: 'clamped',
          text: 'The task is created with the maximum, 1209600.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'with a maximum value of two weeks (1209600 seconds).',
            },
          ],
        },
      ],
      applied: 'failed-to-create-task',
      rationale:
        'TaskRouter documents the same maximum for Task creation, so a larger value makes the task creation fail; the ' +
        'check reports which behaviour the target shows and fails only a task given more than two weeks.',
      observed: true,
    },
  },

  // ---------------------------------------------------------------- attributes
  {
    id: 'STF-ATTRIBUTES-BECOME-TASK-ATTRIBUTES',
    area: 'send-to-flex',
    title: 'The rendered Attributes JSON becomes the task attributes',
    statement:
      "The widget's attributes, after Liquid rendering, are parsed as a JSON object and become the task attributes; " +
      'custom keys are kept as written (Flex Insights and the Flex UI read known keys).',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'JSON representing the Task attributes (maximum 1024 characters).',
      },
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'When working with the JSON for custom attributes in the Send to Flex widget, make sure to consider the Flex Insights Data Model.',
      },
    ],
  },
  {
    id: 'STF-ATTRIBUTES-MAX-1024',
    area: 'send-to-flex',
    title: 'Attributes hold at most 1024 characters',
    statement:
      'An attributes value of exactly 1024 characters is accepted and passed on unchanged; a longer one is refused ' +
      '(flow validation or task creation fails) rather than truncated. The check reports whether the target counts ' +
      'the template text or the rendered JSON.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'JSON representing the Task attributes (maximum 1024 characters).',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: 'JSON representing the Task attributes (maximum 1024 characters).',
      },
    ],
    ambiguity: {
      summary:
        "The 1024-character limit is stated for the widget's Attributes field; it does not say whether it counts the " +
        'Liquid template as configured or the JSON after rendering. TaskRouter documents no attribute size limit (A6).',
      readings: [
        {
          id: 'template',
          text: 'The limit applies to the configured text (template, before Liquid rendering).',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'AttributesJSON representing the Task attributes (maximum 1024 characters).',
            },
          ],
        },
        {
          id: 'rendered',
          text: 'The limit applies to the rendered attributes JSON that becomes the task attributes.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote:
                'Send to Flex / Enqueue Call "Attributes: JSON representing the task attributes (max. 1024 characters)"',
            },
          ],
        },
      ],
      applied: 'template',
      rationale:
        'The limit is listed among configuration options, i.e. on what the flow author types; no limit is documented ' +
        'for task attributes. The check reports which one the target applies (a short template rendering to more ' +
        'than 1024 characters tells them apart). The embedded mock counts the template, at flow validation.',
      observed: true,
    },
  },

  // ---------------------------------------------------------------- default attributes of the out-of-the-box flows
  {
    id: 'STF-OUT-OF-BOX-FLOWS',
    area: 'send-to-flex',
    title: 'Flex accounts come with three Studio Flows that use Send to Flex',
    statement:
      'A new Flex account has three Studio Flows (Voice IVR, Messaging, Chat) whose Send to Flex widgets carry the ' +
      'default attributes below. Only observable on a real account; reported.',
    severity: 'info',
    appliesTo: { targets: ['twilio', 'replay'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'While you can use the Send to Flex Widget from any Studio Flow you build, Twilio Flex accounts come enabled with three Studio Flows out of the box.',
      },
    ],
  },
  {
    id: 'STF-VOICE-DEFAULT-ATTRIBUTES',
    area: 'send-to-flex',
    title: 'Voice default attributes: {"type": "inbound", "name": "{{trigger.call.From}}"}',
    statement:
      'With the Voice IVR default attributes, the task for an incoming call has attributes.type "inbound" and ' +
      'attributes.name equal to the caller number (trigger.call.From).',
    severity: 'must',
    appliesTo: { triggers: ['incoming-call'], channels: ['voice'] },
    sources: [
      { doc: '001_ffef4bfcdb758d92.txt', quote: '{ "type": "inbound", "name": "{{trigger.call.From}}" }' },
      { doc: '000_e6e025a037b48afd.txt', quote: '{ "type": "inbound", "name": "{{}}" }' },
    ],
    ambiguity: {
      summary:
        'Seed 000 shows the voice default as "name": "{{}}" (template text stripped by the page renderer); seed 001 ' +
        'shows "name": "{{trigger.call.From}}".',
      readings: [
        {
          id: 'trigger-call-from',
          text: 'name is the Liquid template {{trigger.call.From}}: the caller number.',
          sources: [
            {
              doc: '001_ffef4bfcdb758d92.txt',
              quote: '{ "type": "inbound", "name": "{{trigger.call.From}}" }',
            },
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: 'voice `{ "type": "inbound", "name":\n  "{{trigger.call.From}}" }`',
            },
          ],
        },
        {
          id: 'empty-template',
          text: 'name is the literal empty output {{}}, which renders as an empty string.',
          sources: [{ doc: '000_e6e025a037b48afd.txt', quote: '{ "type": "inbound", "name": "{{}}" }' }],
        },
      ],
      applied: 'trigger-call-from',
      rationale:
        'An empty Liquid output tag carries no information; 001 and the current Twilio page keep the template, so ' +
        '000 lost it in rendering.',
    },
  },
  {
    id: 'STF-LEGACY-MSG-DEFAULT-NAME',
    area: 'send-to-flex',
    title: 'Legacy SMS/webchat default: name = trigger.message.ChannelAttributes.from',
    statement:
      'With the legacy messaging default attributes, the task for an incoming message has attributes.name equal to ' +
      'the from value of the chat channel attributes.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], channels: ['sms', 'web'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'For legacy SMS and Webchat addresses, the following default attributes are set on the Send to Flex widget for incoming messages:',
      },
      { doc: '000_e6e025a037b48afd.txt', quote: '"name": "{{trigger.message.ChannelAttributes.from}}",' },
    ],
  },
  {
    id: 'STF-LEGACY-MSG-DEFAULT-CHANNELTYPE',
    area: 'send-to-flex',
    title: 'Legacy SMS/webchat default: channelType = trigger.message.ChannelAttributes.channel_type',
    statement:
      'With the legacy messaging default attributes, attributes.channelType equals the channel_type value of the ' +
      'chat channel attributes (e.g. sms or web).',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], channels: ['sms', 'web'] },
    sources: [
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: '"channelType": "{{trigger.message.ChannelAttributes.channel_type}}",',
      },
    ],
  },
  {
    id: 'STF-LEGACY-MSG-DEFAULT-CHANNELSID',
    area: 'send-to-flex',
    title: 'Legacy SMS/webchat default: channelSid = trigger.message.ChannelSid',
    statement:
      'With the legacy messaging default attributes, attributes.channelSid equals the SID (CH...) of the chat ' +
      'channel the message arrived on.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], channels: ['sms', 'web'] },
    sources: [{ doc: '000_e6e025a037b48afd.txt', quote: '"channelSid": "{{trigger.message.ChannelSid}}"' }],
  },

  {
    id: 'STF-MESSAGE-TASK-PER-CUSTOMER',
    area: 'send-to-flex',
    title: "Customers whose identities nearly collide each get their own channel's task",
    statement:
      'Two customers of one Flex Flow whose identities nearly collide (one a prefix of the other, a phone number ' +
      'with and without its +) open their chat channels and write at the same time: each gets a task whose legacy ' +
      "default attributes carry their own channel's from and ChannelSid, and whose trigger.message.From is their " +
      'own identity. Whether identities that differ only in letter case name one customer is observed.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], channels: ['sms', 'web'] },
    sources: [
      { doc: '000_e6e025a037b48afd.txt', quote: '"name": "{{trigger.message.ChannelAttributes.from}}",' },
      { doc: '000_e6e025a037b48afd.txt', quote: '"channelSid": "{{trigger.message.ChannelSid}}"' },
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote: "The `identity` value that uniquely identifies the new resource's chat User.",
      },
    ],
    ambiguity: {
      summary:
        'An identity uniquely identifies a chat User, but the Flex channel API does not say whether identities that ' +
        'differ only in letter case are one User.',
      readings: [
        {
          id: 'case-sensitive',
          text: 'Identities differing only in letter case are two customers, each with their own channel and task.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_conversations_v1.json',
              quote: 'This value is often a username or an email address, and is case-sensitive.',
            },
          ],
        },
        {
          id: 'case-insensitive',
          text: 'Identities differing only in letter case are one customer: the second is given the first one’s channel.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_flex_v1.json',
              quote: "The `identity` value that uniquely identifies the new resource's chat User.",
            },
          ],
        },
      ],
      applied: 'case-sensitive',
      rationale:
        'Conversations identities are case-sensitive; the legacy chat service the Flex channel API uses does not ' +
        'say, so only prefixes and the + of a number gate.',
      observed: true,
    },
  },

  // ---------------------------------------------------------------- the widget in a flow definition (Studio)
  {
    id: 'STF-WIDGET-JSON-SHAPE',
    area: 'send-to-flex',
    title:
      'The widget is a send-to-flex state with workflow, channel, attributes, waitUrl, waitUrlMethod properties',
    statement:
      'In a flow definition the widget is a state with type "send-to-flex", a unique name, transitions, and ' +
      'properties workflow, channel and optionally attributes (a JSON string that may contain Liquid), priority, ' +
      'timeout, waitUrl and waitUrlMethod.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '`{"name", "type":"send-to-flex", "transitions":[{"event":"callComplete"},',
      },
    ],
  },
  {
    id: 'STF-WIDGET-VALUES-AS-STRINGS',
    area: 'send-to-flex',
    title: 'priority and timeout are strings in exported widget JSON',
    statement:
      'A send-to-flex widget whose priority and timeout are strings ("0", "3600") is accepted and yields integer ' +
      'task priority and timeout. The check reports whether integer values are accepted as well.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '`"priority": "0", "timeout": "3600"` — **strings**, not ints (Studio-export format).',
      },
    ],
    ambiguity: {
      summary:
        'Exported Studio JSON writes priority and timeout as strings, while the REST Task API takes integers (C8).',
      readings: [
        {
          id: 'strings',
          text: 'Widget values are strings and are converted to integers when the task is created.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: '`"priority": "0", "timeout": "3600"` — **strings**, not ints (Studio-export format).',
            },
          ],
        },
        {
          id: 'integers',
          text: 'Widget values are integers, as the Task API takes them.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: 'exported JSON uses strings for `priority`/`timeout`; the REST Task API takes integers.',
            },
          ],
        },
      ],
      applied: 'strings',
      rationale: 'Real exported flows use strings; the check reports whether the target also takes integers.',
      observed: true,
    },
  },
  {
    id: 'STF-STUDIO-FLOW-CREATE-REQUIRED',
    area: 'send-to-flex',
    title: 'Studio Flow create requires FriendlyName, Status and Definition',
    statement:
      'POST /v2/Flows without FriendlyName, Status (draft|published) or Definition returns 400 / 20001; with all ' +
      'three it returns 201 and a FW sid.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '`POST /v2/Flows` → **201**; required **`FriendlyName`, `Status` (`draft|published`), `Definition`**',
      },
    ],
  },
  {
    id: 'STF-STUDIO-VALIDATE-OK',
    area: 'send-to-flex',
    title: 'POST /v2/Flows/Validate returns {"valid": true} for a valid definition',
    statement:
      'POST /v2/Flows/Validate with FriendlyName, Status and a valid Definition containing a send-to-flex widget ' +
      'returns 200 and {"valid": true}, and creates no flow.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '`POST /v2/Flows/Validate` (operationId **UpdateFlowValidate**) → 200 `{"valid": true}`; same required params as create.',
      },
    ],
  },
  {
    id: 'STF-STUDIO-INVALID-DEFINITION-81022',
    area: 'send-to-flex',
    title: 'An invalid flow definition is refused with error 81022 and details',
    statement:
      'Validate or create with a definition that fails validation returns an error response with code 81022 and a ' +
      'details member listing the validation failures.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'otherwise, if the definition fails validation, the endpoint returns an error response',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          'Error **81022** "Flow definition validation failed … Check the error\n  response details for an array of validation failures"',
      },
    ],
  },
  {
    id: 'STF-STUDIO-UNIQUE-WIDGET-NAMES',
    area: 'send-to-flex',
    title: 'Two widgets with the same name make the definition invalid',
    statement: 'A definition with two states of the same name fails validation (81022).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '(causes: schema mismatch, non-unique widget names, transition to\n  missing widget)',
      },
    ],
  },
  {
    id: 'STF-STUDIO-TRANSITION-TARGET-EXISTS',
    area: 'send-to-flex',
    title: 'A transition to a missing widget makes the definition invalid',
    statement:
      'A definition where a send-to-flex transition has next set to a widget name that does not exist fails ' +
      'validation (81022).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '(causes: schema mismatch, non-unique widget names, transition to\n  missing widget)',
      },
    ],
  },
] as const satisfies readonly RuleSpec[];
