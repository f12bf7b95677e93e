import type { RuleSpec } from './types';

/**
 * Legacy messaging (Programmable Chat and Proxy) through Flex Flows: how an inbound message is
 * handled per integration type, the external webhook, retries, long-lived channels, the janitor,
 * and the Flex chat channel resources (/v1/Channels, /v1/WebChannels). Seeds 003 and 004.
 */
export const messagingRules = [
  // ---------------------------------------------------------------- routing an inbound message
  {
    id: 'MSG-CONTACT-IDENTITY-ROUTES',
    area: 'messaging',
    title: 'A message to a contact identity is handled by the Flex Flow that holds it',
    statement:
      'An inbound message addressed to the contact_identity of an enabled Flex Flow (same channel type) is handled ' +
      'by that Flex Flow according to its integration type.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], inboundSms: true },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'A Flex Flow is the logic linking a contact identity (e.g. SMS-enabled phone number or WhatsApp number) to Flex.',
      },
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'The contact uri is used for channels like SMS, where there is a configured phone number you message.',
      },
    ],
  },
  {
    id: 'MSG-DISABLED-FLOW',
    area: 'messaging',
    title: 'What a disabled Flex Flow does with inbound messages (undocumented)',
    statement:
      'For a Flex Flow with enabled=false the check records whether inbound messages are still routed. No source ' +
      'describes the effect of Enabled.',
    severity: 'info',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: '(body) Enabled req=False type=boolean :: Whether the new Flex Flow is enabled.',
      },
    ],
    ambiguity: {
      summary:
        'Enabled is documented only as "Whether the new Flex Flow is enabled"; its effect on messages is not.',
      readings: [
        {
          id: 'not-routed',
          text: 'A disabled Flex Flow sets a channel up but its messages do not reach the Studio flow.',
          sources: [
            {
              doc: 'reference/twilio-spec-summary.md',
              quote: '(body) Enabled req=False type=boolean :: Whether the new Flex Flow is enabled.',
            },
          ],
        },
        {
          id: 'still-routed',
          text: 'Messages on a disabled Flex Flow still reach the Studio flow.',
          sources: [
            {
              doc: 'reference/twilio-spec-summary.md',
              quote: '(body) Enabled req=False type=boolean :: Whether the new Flex Flow is enabled.',
            },
          ],
        },
        {
          id: 'channel-refused',
          text: 'POST /v1/Channels refuses a disabled Flex Flow.',
          sources: [
            {
              doc: 'reference/twilio-spec-summary.md',
              quote: '(body) Enabled req=False type=boolean :: Whether the new Flex Flow is enabled.',
            },
          ],
        },
      ],
      applied: 'not-routed',
      rationale: 'Nothing is documented; the check only reports what the target does.',
      observed: true,
    },
  },
  {
    id: 'MSG-STUDIO-ROUTES-FIRST-MESSAGE',
    area: 'messaging',
    title: 'studio integration: a chat channel is set up and the first message starts the Studio Flow',
    statement:
      'For a studio Flex Flow, the first inbound message from a new contact creates a chat channel and starts an ' +
      'execution of the Studio Flow named by integration.flow_sid (incoming Message trigger).',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'Actions for the “studio” type include Chat Channel setup, routing the first message to a Studio Flow and creating some security context for the user in the Chat Channel.',
      },
    ],
  },
  {
    id: 'MSG-FLOWSID-UPDATE-REROUTES',
    area: 'messaging',
    title: 'Pointing a Flex Flow at another Studio Flow reroutes new messages',
    statement:
      'After an update of Integration.FlowSid, new conversations on that Flex Flow start the new Studio Flow, not ' +
      'the old one.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'You can change which Studio Flow each handler points to and this updates the Flex Flow for that channel.',
      },
    ],
  },
  {
    id: 'MSG-PHONE-CHANNELS-PROXY',
    area: 'messaging',
    title: 'SMS / WhatsApp messages pass through a Proxy session',
    statement:
      'For channels tied to a phone number (sms, whatsapp) the inbound message is passed into a Proxy session that ' +
      'links the customer number to the chat channel. A blog describes this internal step; it is reported.',
    severity: 'info',
    appliesTo: { triggers: ['incoming-message'], channels: ['sms', 'whatsapp'] },
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'For channels that work over standard mobile numbers (SMS, WhatsApp, etc.), Flex passes the inbound messaging into a Proxy session.',
      },
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote: 'Both can then continue to send messages via the Chat Channel inside Flex.',
      },
    ],
  },
  {
    id: 'MSG-CHANNELTYPE-IN-TASK-ATTRIBUTES',
    area: 'messaging',
    title: "Send to Flex passes the Flex Flow's channel type into the task attributes",
    statement:
      'A task created by Send to Flex for a message on a Flex Flow has attributes.channelType equal to the Flex ' +
      "Flow's channel_type.",
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'By default, Studio’s Send to Flex widget passes it on to the Task attributes for Tasks created based on this Flex Flow.',
      },
    ],
  },
  {
    id: 'MSG-TASK-CHANNEL-PROGRAMMABLE-CHAT',
    area: 'messaging',
    title: 'facebook / whatsapp / line Flex Flows should use the Programmable Chat Task Channel',
    statement:
      'For a Flex Flow whose channel type is facebook, whatsapp or line, the task created by Send to Flex should be ' +
      'on the Programmable Chat Task Channel (unique name chat).',
    severity: 'should',
    appliesTo: { triggers: ['incoming-message'], channels: ['facebook', 'whatsapp', 'line'] },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'If channelType is facebook, whatsapp or line, the Send to Flex widget should set the Task Channel to Programmable Chat.',
      },
    ],
  },
  {
    id: 'MSG-TASK-INTEGRATION-CREATES-TASK',
    area: 'messaging',
    title: 'task integration: an inbound message creates a task directly',
    statement:
      'For a task Flex Flow, an inbound message creates a TaskRouter task in integration.workspace_sid through ' +
      'integration.workflow_sid, on the integration channel, with its priority and timeout, without any Studio ' +
      'execution.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The Workspace SID for a new Task.' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The Workflow SID for a new Task.' },
    ],
  },

  // ---------------------------------------------------------------- external webhook
  {
    id: 'MSG-EXTERNAL-WEBHOOK-POST',
    area: 'messaging',
    title: 'external integration: an inbound message is POSTed to Integration.Url',
    statement: 'For an external Flex Flow, each inbound message causes one POST request to integration.url.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], callsOut: true },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'When you receive an inbound message, the Flex Flow will make a POST request containing the message body and some metadata to your chosen webhook.',
      },
    ],
  },
  {
    id: 'MSG-EXTERNAL-WEBHOOK-BODY',
    area: 'messaging',
    title: 'The external webhook request carries the message body',
    statement: 'The POST to the external webhook has a Body field equal to the text of the inbound message.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], callsOut: true },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'the Flex Flow will make a POST request containing the message body and some metadata',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"Body": "message goes here"' },
    ],
  },
  {
    id: 'MSG-EXTERNAL-WEBHOOK-PAYLOAD-FIELDS',
    area: 'messaging',
    title: 'The external webhook request carries every field of the documented example, with its type',
    statement:
      'The webhook payload has EventType, InstanceSid, Attributes, DateCreated, Index, From, MessageSid, ' +
      'AccountSid, Source, ChannelSid, RetryCount, WebhookType, Body and WebhookSid, each with the type of the ' +
      'example value: SIDs with their prefix (IS, IM, AC, CH, WH), Index and RetryCount integers as text, ' +
      'DateCreated an ISO 8601 date-time, Attributes JSON object text, the others text. The example values ' +
      '(EventType "onMessageSent", WebhookType "webhook") are not held.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], callsOut: true },
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"EventType": "onMessageSent"' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"WebhookType": "webhook"' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"WebhookSid": "WHxxxxx"' },
    ],
  },
  {
    id: 'MSG-EXTERNAL-WEBHOOK-STRING-VALUES',
    area: 'messaging',
    title: 'Webhook values are strings; Attributes is a JSON string',
    statement:
      'In the webhook payload Index and RetryCount are strings ("1", "0") and Attributes is a JSON-encoded string. ' +
      'Example only; reported.',
    severity: 'info',
    appliesTo: { triggers: ['incoming-message'], callsOut: true },
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"Index": "1"' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"RetryCount": "0"' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"Attributes": "{\\"proxied\\":true}"' },
    ],
  },
  {
    id: 'MSG-RETRY-ON-FAILURE',
    area: 'messaging',
    title: 'A failing Studio Flow or webhook is retried RetryCount times',
    statement:
      'When the external webhook (or the Studio Flow) fails for a message, it is attempted at most RetryCount + 1 ' +
      'times in all; with RetryCount 0 it is attempted once. What counts as a failure is not documented. The ' +
      'checks make the external webhook fail (a 5xx answer, which any reading counts as a failure); a Studio ' +
      'Flow has no documented failure a client can cause and no attempt count a client can read, so that path ' +
      'is not checked.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], callsOut: true },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The number of times to retry the Studio Flow or webhook in case of failure.',
      },
    ],
  },

  // ---------------------------------------------------------------- channel lifetime
  {
    id: 'MSG-LONG-LIVED-KEEPS-CHANNEL',
    area: 'messaging',
    title: 'long_lived keeps the chat channel for later interactions',
    statement:
      'With long_lived true, the chat channel stays active after the task ends, and the next inbound message from ' +
      'the same contact uses the same chat channel (same ChannelSid); with false, a new interaction gets a new ' +
      'channel.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'When enabled, Flex will keep the chat channel active so that it may be used for subsequent interactions with a contact identity.',
      },
    ],
  },
  {
    id: 'MSG-JANITOR-REMOVES-PROXY-SESSION',
    area: 'messaging',
    title: 'janitor_enabled removes the Proxy session when the task is deleted outside Flex UI',
    statement:
      'With janitor_enabled true, deleting the task through the TaskRouter API removes the active Proxy session of ' +
      'the interaction; with false, the session stays.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'], channels: ['sms', 'whatsapp'], inboundSms: true },
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'When enabled, the Messaging Channel Janitor will remove active Proxy sessions if the associated Task is deleted outside of the Flex UI.',
      },
    ],
  },

  // ---------------------------------------------------------------- Flex chat channel resources
  {
    id: 'MSG-CHANNEL-CREATE-REQUIRED',
    area: 'messaging',
    title: 'POST /v1/Channels requires FlexFlowSid, Identity, ChatUserFriendlyName, ChatFriendlyName',
    statement:
      'POST /v1/Channels without any of FlexFlowSid, Identity, ChatUserFriendlyName or ChatFriendlyName returns ' +
      '400 / 20001; with all four it returns 201 and a chat channel whose sid starts with CH and whose flex_flow_sid ' +
      'is the Flex Flow.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          "body application/x-www-form-urlencoded required=['FlexFlowSid', 'Identity', 'ChatUserFriendlyName', 'ChatFriendlyName']",
      },
    ],
  },
  {
    id: 'MSG-CHANNEL-TASK-SID',
    area: 'messaging',
    title: 'Chat channel task_sid is null for studio and external Flex Flows',
    statement:
      'A chat channel created on a studio or external Flex Flow has task_sid null; TaskSid is only valid for task ' +
      'Flex Flows.',
    severity: 'must',
    appliesTo: { callsOut: true },
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          'The SID of the TaskRouter Task. Only valid when integration type is `task`. `null` for integration types `studio` & `external`',
      },
    ],
  },
  {
    id: 'MSG-CHANNEL-LIST-KEY',
    area: 'messaging',
    title: 'Chat channel lists use the key flex_chat_channels',
    statement:
      'GET /v1/Channels and GET /v1/WebChannels return their records under flex_chat_channels (meta.key).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '**List key is `flex_chat_channels`** (not `channels`); same for `/v1/WebChannels`.',
      },
    ],
  },
  {
    id: 'MSG-WEBCHANNEL-CREATE-REQUIRED',
    area: 'messaging',
    title: 'POST /v1/WebChannels requires FlexFlowSid, Identity, CustomerFriendlyName, ChatFriendlyName',
    statement:
      'POST /v1/WebChannels without any of FlexFlowSid, Identity, CustomerFriendlyName or ChatFriendlyName returns ' +
      '400 / 20001; with all four it returns 201.',
    severity: 'must',
    appliesTo: { channels: ['web'] },
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          "body application/x-www-form-urlencoded required=['FlexFlowSid', 'Identity', 'CustomerFriendlyName', 'ChatFriendlyName']",
      },
    ],
  },

  // ---------------------------------------------------------------- web chat identity (descriptive)
  {
    id: 'MSG-WEBCHAT-ANONYMOUS-IDENTITY',
    area: 'messaging',
    title: 'Web chat customers get a limited identity in the Flex Chat Service',
    statement:
      'A web chat customer is identified by an identity created in the Flex Chat Service when the web chat requests ' +
      'its token; that identity has limited rights. Descriptive; reported.',
    severity: 'info',
    appliesTo: { channels: ['web'] },
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'When a customer starts messaging, the Flex web chat code first requests an auth token. This creates an identity in the Flex Chat Service with very limited rights.',
      },
    ],
  },
  {
    id: 'MSG-PRE-ENGAGEMENT-UNVERIFIED',
    area: 'messaging',
    title: 'Pre-engagement data is passed through unverified',
    statement:
      'Identifying data from the web chat pre-engagement form reaches the flow as given; nothing in the routing ' +
      'marks it as verified.',
    severity: 'info',
    appliesTo: { channels: ['web'] },
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'This must be verified through other means before providing any personal information back to the user, but does allow you to perform data dips in Studio for context or verification purposes.',
      },
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'Speaking of user identity and anonymous communications, treat chat communications as anonymous by default.',
      },
    ],
  },
  {
    id: 'MSG-FLEXFLOWS-PROVISIONED',
    area: 'messaging',
    title: 'Installing Flex creates SMS and web chat Flex Flows',
    statement:
      'A Flex project has Flex Flows for SMS and web chat set up by Twilio. Only observable on a real account; reported.',
    severity: 'info',
    appliesTo: { targets: ['twilio', 'replay'] },
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'Twilio sets up some of these for you when you install Flex in a project, including SMS and web chat.',
      },
    ],
  },
] as const satisfies readonly RuleSpec[];
