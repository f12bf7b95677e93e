import type { RuleSpec } from './types';

/**
 * Flex Conversations: the Incoming Conversation trigger, Send to Flex creating an Interaction through
 * /Interactions, the attributes the widget adds, the webhook alternative (onMessageAdded), and the
 * Interactions / Conversations wire rules these depend on. Seeds 000, 001 and 002.
 */
/**
 * 000 and 001 list Chat among the conversations whose sender the added attributes name, then say
 * they are "all set to the phone number of the sender": a chat sender has no phone number.
 */
const chatSenderWithoutPhoneNumber = {
  summary:
    'Both renderings of the widget page list Chat Conversations among those that get channelType, ' +
    'customerAddress, from and customerName, and say these are all set to the phone number of the sender; a ' +
    'web chat sender has an identity, not a phone number.',
  readings: [
    {
      id: 'chat-sender-identity',
      text: 'For a chat conversation the attributes carry the sender’s address there, its chat identity.',
      sources: [
        {
          doc: '001_ffef4bfcdb758d92.txt' as const,
          quote:
            'For SMS, WhatsApp, and Chat Conversations, SendToFlex widget adds channelType, customerAddress, from, and customerName when it creates the interaction.',
        },
      ],
    },
    {
      id: 'chat-not-set',
      text: 'The attributes are phone numbers; a chat sender has none, so for chat they are not set.',
      sources: [
        {
          doc: '000_e6e025a037b48afd.txt' as const,
          quote:
            'These are all set to the phone number of the sender (E.164 format for SMS and whatsapp:E.164 for WhatsApp numbers).',
        },
      ],
    },
  ],
  applied: 'chat-sender-identity',
  rationale:
    'The list names Chat explicitly and the sentence after it is about the number formats of SMS and WhatsApp; the ' +
    'mock sets the chat identity. The check holds SMS and WhatsApp senders to their number and, for a chat sender, ' +
    'reports whether the attribute is the identity or absent, failing only any other value.',
  observed: true,
};

export const conversationRules = [
  // ---------------------------------------------------------------- the Studio path
  {
    id: 'CONV-INCOMING-CONVERSATION-TRIGGER',
    area: 'conversations',
    title: 'The Incoming Conversation trigger starts the flow for a new conversation',
    statement:
      'A flow whose trigger event incomingConversationMessage points at a send-to-flex widget is started by a new ' +
      'inbound conversation on an address configured with that flow.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'] },
    sources: [
      {
        doc: '002_1e7363899d011c99.txt',
        quote: 'Connect the Incoming Conversation trigger to a Send to Flex widget.',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          'Trigger events in exported JSON: `incomingMessage, incomingCall, incomingConversationMessage, incomingRequest,',
      },
    ],
  },
  {
    id: 'CONV-STF-CREATES-INTERACTION',
    area: 'conversations',
    title: 'Send to Flex creates an Interaction through /Interactions',
    statement:
      'For the Incoming Conversation trigger, Send to Flex creates the task by creating an Interaction ' +
      '(POST /v1/Interactions) for the conversation, not by creating a TaskRouter task directly.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'In this case, Send to Flex will create a new Interaction using the /Interactions endpoint which then creates new tasks for assignment to a worker.',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-CREATES-TASK',
    area: 'conversations',
    title: 'Creating an Interaction creates a routed task',
    statement:
      'After POST /v1/Interactions is accepted, a TaskRouter task exists for the interaction in the Workspace ' +
      'of the routing Workflow, pending assignment to a worker.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'] },
    sources: [
      {
        doc: '002_1e7363899d011c99.txt',
        quote: 'When an interaction is created, it will create a task which will get routed to an agent.',
      },
      { doc: '001_ffef4bfcdb758d92.txt', quote: 'which then creates new tasks for assignment to a worker.' },
    ],
  },
  {
    id: 'CONV-STF-TASK-CHANNEL-PROGRAMMABLE-CHAT',
    area: 'conversations',
    title: 'For conversations the widget is set up with the Programmable Chat Task Channel',
    statement:
      'In the documented Conversations setup the Send to Flex widget uses the Task Channel "Programmable Chat", so ' +
      'the task of a conversation should be on that channel.',
    severity: 'should',
    appliesTo: { triggers: ['incoming-conversation'] },
    sources: [
      { doc: '002_1e7363899d011c99.txt', quote: 'Set the Task Channel to "Programmable Chat"' },
      { doc: '002_1e7363899d011c99.txt', quote: 'Select your desired TaskRouter Workflow' },
    ],
    ambiguity: {
      summary:
        'The Conversations setup (002) sets the widget’s Task Channel to Programmable Chat for every inbound ' +
        'conversation, whatever its address (SMS, WhatsApp, chat); the Flex Flow reference (004) names Programmable ' +
        'Chat only for facebook, whatsapp and line, leaving SMS and web chat to their own channels.',
      readings: [
        {
          id: 'chat-for-every-address',
          text: 'The task of every conversation, SMS included, is on the Programmable Chat channel.',
          sources: [
            { doc: '002_1e7363899d011c99.txt', quote: 'Set the Task Channel to "Programmable Chat"' },
          ],
        },
        {
          id: 'chat-for-facebook-whatsapp-line',
          text: 'Only facebook, whatsapp and line tasks are on Programmable Chat; an SMS task is on the SMS channel.',
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote:
                'If channelType is facebook, whatsapp or line, the Send to Flex widget should set the Task Channel to Programmable Chat.',
            },
          ],
        },
      ],
      applied: 'chat-for-every-address',
      rationale:
        '002 is the Conversations setup this rule is about; 004 describes legacy Flex Flows. With the widget set as ' +
        '002 says, the check reports where an SMS conversation’s task lands (chat, or sms) and fails a WhatsApp or ' +
        'chat task off the Programmable Chat channel, and an SMS task on neither.',
      observed: true,
    },
  },

  // ---------------------------------------------------------------- attributes the widget adds
  {
    id: 'CONV-DEFAULT-ATTR-CHANNELTYPE',
    area: 'conversations',
    title: 'Send to Flex adds channelType to the Interaction',
    statement:
      'The task of an SMS, WhatsApp or Chat conversation has a channelType attribute. The check expects the channel ' +
      'type (sms, whatsapp, chat) and reports a target that puts the sender address there.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['sms', 'whatsapp', 'chat'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'For SMS, WhatsApp, and Chat Conversations, SendToFlex widget adds channelType, customerAddress, from, name, and customerName when it creates the interaction.',
      },
    ],
    ambiguity: {
      summary:
        'Both renderings say the added attributes "are all set to the phone number of the sender", which read ' +
        'literally includes channelType.',
      readings: [
        {
          id: 'channel-type-value',
          text: 'channelType holds the channel type (sms, whatsapp, chat); only the address attributes hold the sender.',
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote: 'The channel type. One of web, facebook, sms, whatsapp, line or custom.',
            },
          ],
        },
        {
          id: 'sender-address',
          text: 'channelType, like the others, holds the sender address.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote:
                'These are all set to the phone number of the sender (E.164 format for SMS and whatsapp:E.164 for WhatsApp numbers).',
            },
          ],
        },
      ],
      applied: 'channel-type-value',
      rationale:
        'A channel type attribute holding a phone number would carry no channel information; the check reports.',
      observed: true,
    },
  },
  {
    id: 'CONV-DEFAULT-ATTR-CUSTOMERADDRESS',
    area: 'conversations',
    title: 'Send to Flex adds customerAddress = the sender address',
    statement:
      'The task of an SMS, WhatsApp or Chat conversation has customerAddress equal to the sender address.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['sms', 'whatsapp', 'chat'] },
    sources: [
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'For SMS, WhatsApp, and Chat Conversations, SendToFlex widget adds channelType, customerAddress, from, and customerName when it creates the interaction.',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'These are all set to the phone number of the sender (E.164 format for SMS and whatsapp:E.164 for WhatsApp numbers).',
      },
    ],
    ambiguity: chatSenderWithoutPhoneNumber,
  },
  {
    id: 'CONV-DEFAULT-ATTR-FROM',
    area: 'conversations',
    title: 'Send to Flex adds from = the sender address',
    statement:
      'The task of an SMS, WhatsApp or Chat conversation has from equal to the sender address, unless the flow ' +
      'configures from itself (the default Chat flow does: see CONV-CHAT-FROM-FRIENDLYNAME).',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['sms', 'whatsapp', 'chat'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'SendToFlex widget adds channelType, customerAddress, from, name, and customerName when it creates the interaction.',
      },
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'These are all set to the phone number of the sender (E.164 format for SMS and whatsapp:E.164 for WhatsApp numbers).',
      },
    ],
    ambiguity: chatSenderWithoutPhoneNumber,
  },
  {
    id: 'CONV-DEFAULT-ATTR-NAME',
    area: 'conversations',
    title: 'Send to Flex adds name = the sender address (listed in 000 only)',
    statement:
      'The task of an SMS, WhatsApp or Chat conversation has name equal to the sender address. The check reports ' +
      'a target that omits name.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['sms', 'whatsapp', 'chat'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'SendToFlex widget adds channelType, customerAddress, from, name, and customerName when it creates the interaction.',
      },
    ],
    ambiguity: {
      summary:
        'Seed 000 lists "channelType, customerAddress, from, name, and customerName"; seed 001 lists "channelType, ' +
        'customerAddress, from, and customerName" (no name).',
      readings: [
        {
          id: 'with-name',
          text: 'The widget adds name as well.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote:
                'adds channelType, customerAddress, from, name, and customerName when it creates the interaction.',
            },
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: 'SendToFlex widget adds channelType, customerAddress, from, name, and customerName',
            },
          ],
        },
        {
          id: 'without-name',
          text: 'The widget does not add name.',
          sources: [
            {
              doc: '001_ffef4bfcdb758d92.txt',
              quote:
                'adds channelType, customerAddress, from, and customerName when it creates the interaction.',
            },
          ],
        },
      ],
      applied: 'with-name',
      rationale:
        'The English page and the current Twilio page both include name; the localised copy may be older. The check ' +
        'reports which list the target follows.',
      observed: true,
    },
  },
  {
    id: 'CONV-DEFAULT-ATTR-CUSTOMERNAME',
    area: 'conversations',
    title: 'Send to Flex adds customerName = the sender address',
    statement:
      'The task of an SMS, WhatsApp or Chat conversation has customerName equal to the sender address.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['sms', 'whatsapp', 'chat'] },
    sources: [
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'SendToFlex widget adds channelType, customerAddress, from, and customerName when it creates the interaction.',
      },
    ],
    ambiguity: chatSenderWithoutPhoneNumber,
  },
  {
    id: 'CONV-SMS-ADDRESS-E164',
    area: 'conversations',
    title: 'SMS sender addresses are E.164',
    statement:
      'For an SMS conversation the sender-derived attributes hold the number in E.164 format (+ and up to 15 digits).',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['sms'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: '(E.164 format for SMS and whatsapp:E.164 for WhatsApp numbers)',
      },
    ],
  },
  {
    id: 'CONV-WHATSAPP-ADDRESS-PREFIX',
    area: 'conversations',
    title: 'WhatsApp sender addresses are whatsapp:E.164',
    statement:
      'For a WhatsApp conversation the sender-derived attributes hold "whatsapp:" followed by the E.164 number.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['whatsapp'] },
    sources: [
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: '(E.164 format for SMS and whatsapp:E.164 for WhatsApp numbers)',
      },
    ],
  },
  {
    id: 'CONV-CHAT-FROM-FRIENDLYNAME',
    area: 'conversations',
    title: 'Default Chat flow: from = pre_engagement_data.friendlyName',
    statement:
      'With the default Chat address flow, the task of a chat conversation has from equal to the ' +
      'pre_engagement_data.friendlyName sent by the chat client. The check reports whether the configured attribute ' +
      'or the widget-added sender address wins.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], channels: ['chat'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: "Furthermore, the default Chat address's Studio flow adds the following attribute:",
      },
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: '{"from": "{{trigger.conversation.ChannelAttributes.pre_engagement_data.friendlyName}}"}',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: 'This pre_engagement_data.friendlyName is what the demo Chat app sends.',
      },
    ],
    ambiguity: {
      summary:
        'The widget adds from = sender address for Chat conversations, and the default Chat flow also sets from to the ' +
        'pre-engagement friendlyName; the documents do not say which one the task ends up with.',
      readings: [
        {
          id: 'configured-wins',
          text: 'Attributes configured on the widget override the ones the widget adds.',
          sources: [
            {
              doc: '001_ffef4bfcdb758d92.txt',
              quote: 'Furthermore, the default Chat address’s Studio flow adds the following attribute:',
            },
          ],
        },
        {
          id: 'added-wins',
          text: 'The sender address added by the widget overrides the configured from.',
          sources: [
            {
              doc: '001_ffef4bfcdb758d92.txt',
              quote: 'These are all set to the phone number of the sender',
            },
          ],
        },
      ],
      applied: 'configured-wins',
      rationale: 'The default Chat flow sets from precisely to show a name instead of an anonymous identity.',
      observed: true,
    },
  },

  {
    id: 'CONV-PREREQS-OUT-OF-BOX',
    area: 'conversations',
    title: 'Accounts created on or after March 30, 2022 have the Conversations prerequisites set up',
    statement:
      'A Flex account created on or after 2022-03-30 should already have Flex Conversations set up (Flex UI 2.0, ' +
      'the Flex Conversation Service as default service). Only observable on a real account.',
    severity: 'should',
    appliesTo: { targets: ['twilio', 'replay'] },
    sources: [
      {
        doc: '002_1e7363899d011c99.txt',
        quote:
          'For accounts created on or after March 30, 2022, the following prerequisites should already be set up out-of-box as part of Flex account creation and you can skip this section.',
      },
      {
        doc: '002_1e7363899d011c99.txt',
        quote:
          'If the Flex Conversation Service is not set as your default Conversation Service, the Flex Console will prompt you to make the necessary configuration change.',
      },
    ],
  },

  // ---------------------------------------------------------------- the webhook path
  {
    id: 'CONV-STUDIO-OR-WEBHOOK',
    area: 'conversations',
    title: 'Inbound conversations can go to Flex through Studio or through your own webhook',
    statement:
      'A conversation address can hand new conversations either to a Studio Flow (Send to Flex) or to a webhook ' +
      'URL whose handler creates the Interaction itself; both paths end in a routed task.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], callsOut: true },
    sources: [
      {
        doc: '002_1e7363899d011c99.txt',
        quote:
          'For inbound contact, Flex Conversations allows you to use either Twilio Studio or your own webhook to send the interaction to Flex.',
      },
      {
        doc: '002_1e7363899d011c99.txt',
        quote:
          'An alternative to using Studio to handle inbound contact is to have your backend application handle it.',
      },
    ],
  },
  {
    id: 'CONV-ONMESSAGEADDED-WEBHOOK',
    area: 'conversations',
    title: 'The webhook handler is called for onMessageAdded',
    statement:
      'With a webhook address, each new customer message calls the webhook URL with EventType "onMessageAdded", ' +
      'the ConversationSid and the message Body and Author.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], callsOut: true },
    sources: [
      {
        doc: '002_1e7363899d011c99.txt',
        quote:
          'Make an endpoint available which will get called for the “onMessageAdded” event. The following is an example payload this endpoint will receive:',
      },
      { doc: '002_1e7363899d011c99.txt', quote: '"EventType": "onMessageAdded",' },
    ],
  },
  {
    id: 'CONV-ONMESSAGEADDED-PAYLOAD-FIELDS',
    area: 'conversations',
    title: 'The onMessageAdded payload carries every field of the documented example, with its type',
    statement:
      'The onMessageAdded payload has EventType, InstanceSid, Attributes, DateCreated, Index, From, MessageSid, ' +
      'AccountSid, Source, ChannelSid, RetryCount, Author, To, Body, WebhookSid, ConversationSid and ' +
      'ChannelAttributes, each with the type the example shows: SIDs with their prefix (IS, IM, AC, CH, WH), Index ' +
      'and RetryCount integers as text, DateCreated an ISO 8601 date-time, Attributes JSON object text, ' +
      'ChannelAttributes a JSON object. The fields may arrive flat or under "conversation" (observed).',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], callsOut: true },
    sources: [
      { doc: '002_1e7363899d011c99.txt', quote: '"ConversationSid": "CH1b8e780f14db45b6b44b070bb3f9172c",' },
      { doc: '002_1e7363899d011c99.txt', quote: '"WebhookSid": "WHae4ab4d5e7344cdab97274af52159f9c",' },
    ],
    ambiguity: {
      summary:
        'The example opens with "conversation": { and is never closed, so it is unclear whether the fields arrive ' +
        'at the top level or nested under a conversation key.',
      readings: [
        {
          id: 'flat',
          text: 'The fields are top-level parameters of the webhook request.',
          sources: [{ doc: '002_1e7363899d011c99.txt', quote: '"EventType": "onMessageAdded",' }],
        },
        {
          id: 'nested',
          text: 'The fields are nested under a "conversation" key.',
          sources: [{ doc: '002_1e7363899d011c99.txt', quote: '"conversation": {' }],
        },
      ],
      applied: 'flat',
      rationale:
        'The unclosed wrapper looks like a fragment of the page; the check reports which shape arrives and holds ' +
        'the fields and their types in either shape, failing only a payload that lacks or mistypes one of them.',
      observed: true,
    },
  },
  {
    id: 'CONV-WEBHOOK-CREATES-INTERACTION',
    area: 'conversations',
    title: 'A webhook handler creates the Interaction for an inbound conversation',
    statement:
      'An Interaction created by the webhook handler for the conversation (POST /v1/Interactions) produces a task, ' +
      'as with Send to Flex.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'], callsOut: true },
    sources: [
      { doc: '002_1e7363899d011c99.txt', quote: 'When the endpoint is invoked, create an interaction.' },
    ],
  },
  {
    id: 'CONV-SCOPED-WEBHOOK-TARGETS',
    area: 'conversations',
    title: 'Conversation-scoped webhooks require Target webhook, trigger or studio',
    statement:
      'POST /v1/Conversations/{Sid}/Webhooks without Target returns 400 / 20001; Target webhook, trigger and ' +
      'studio are accepted (201, WH sid).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'required `Target` enum `webhook|trigger|studio`',
      },
    ],
  },

  // ---------------------------------------------------------------- Interactions resource
  {
    id: 'CONV-INTERACTION-REQUIRES-CHANNEL',
    area: 'conversations',
    title: 'POST /v1/Interactions requires Channel',
    statement: 'POST /v1/Interactions without Channel returns 400 / 20001; Routing is optional.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          'Required **`Channel`** only (untyped JSON; SDK sends\n  `JSON.stringify`); optional `Routing`',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-SID-KD',
    area: 'conversations',
    title: 'Interaction sids match ^KD[0-9a-fA-F]{32}$',
    statement:
      'The sid of a created Interaction matches ^KD[0-9a-fA-F]{32}$ and can be fetched at /v1/Interactions/{Sid}.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'pattern=^KD[0-9a-fA-F]{32}$ :: The SID of the Interaction resource to fetch.',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-ROUTING-AS-IS',
    area: 'conversations',
    title: 'Routing attributes are added to the task as is',
    statement:
      'Every attribute in the Interaction Routing properties.attributes appears unchanged in the attributes of the ' +
      'task created for it.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Routing: "All attributes in the Routing\n  object … are added \'as is\' to the task"',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-ROUTING-TASK-OBJECT',
    area: 'conversations',
    title: 'The created Interaction shows its task as the Interactions task object',
    statement:
      'When the Interaction created a task, its routing.properties is the task as the Interactions example shows ' +
      'it (sid, queue_name, queue_sid, workflow_name, workflow_sid, age_in_queue, assignment_status, dates as ' +
      'epoch seconds), with routing.reservation, rather than the TaskRouter Task resource.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote: 'The Interactions resource uses TaskRouter for all routing functionality.',
      },
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote: '"queue_name": "Sample Queue"',
      },
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote: '"task_queue_entered_date": 1634845217',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-ASYNC',
    area: 'conversations',
    title: 'Interaction create is asynchronous',
    statement:
      'The 200 from POST /v1/Interactions only means the request was accepted; the task may appear later, and the ' +
      'response body need not match the documented example. Checks poll for the task.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '"Creating an interaction is an\n  asynchronous request for which a `200` response only indicates that the server has accepted the request…',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-CLOSE-WRAPS-TASK',
    area: 'conversations',
    title: 'Closing an Interaction channel without Routing wraps its assigned task up',
    statement:
      'POST /v1/Interactions/{InteractionSid}/Channels/{Sid} with Status=closed and no Routing answers the ' +
      'channel with status closed and sets the assigned task routed for the channel to wrapping.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote: 'Otherwise Optional, if not specified, all tasks will be set to `wrapping`.',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-INACTIVE-NEEDS-ROUTING',
    area: 'conversations',
    title: 'Setting an Interaction channel inactive requires Routing',
    statement:
      'POST /v1/Interactions/{InteractionSid}/Channels/{Sid} with Status=inactive and no Routing is refused ' +
      'with 400; with Routing {"status":"closed"} it answers the channel with status inactive.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote:
          'Routing status is required, When the channel status is set to `inactive`. Allowed Value for routing status is `closed`.',
      },
    ],
  },
  {
    id: 'CONV-INTERACTION-INVITE-ROUTES-TASK',
    area: 'conversations',
    title: "An invite to an Interaction channel routes a new task with the invite's attributes",
    statement:
      'POST /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites with Routing properties (workspace, ' +
      'workflow, attributes) answers 200 with a KG invite and creates a new TaskRouter task in that workflow ' +
      "whose attributes carry the invite's attributes; the invite is listed on the channel.",
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote: 'Invite an Agent or a TaskQueue to a Channel.',
      },
      {
        doc: 'reference/twilio-oai/twilio_flex_v1.json',
        quote: 'The Interactions resource uses TaskRouter for all routing functionality.',
      },
    ],
  },
  {
    id: 'CONV-ORPHANED-CONVERSATIONS',
    area: 'conversations',
    title: 'Conversations can stay open after their task ends',
    statement:
      'Canceling or completing the task of a conversation does not by itself close the conversation; it may stay ' +
      'active unless the application handles the terminal TaskRouter event. Reported.',
    severity: 'info',
    appliesTo: { triggers: ['incoming-conversation'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          "If you are using Flex Conversations, remember to handle certain terminal TaskRouter events according to you application's needs, as conversations may stay orphaned with an open state.",
      },
    ],
  },
  {
    id: 'CONV-MESSAGE-AUTHOR-PARTICIPANT',
    area: 'conversations',
    title:
      "A message's participant_sid is the participant its Author names, among identities that nearly collide",
    statement:
      'In a conversation whose participants have identities that nearly collide (one the prefix of the other, an ' +
      'accent added precomposed or decomposed, another letter case), a message whose Author is one identity has ' +
      'the participant_sid of that participant. Whether identities differing only in letter case or Unicode ' +
      'composition are two participants is not documented: observed.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_conversations_v1.json',
        quote: "The unique ID of messages's author participant.",
      },
      {
        doc: 'reference/twilio-oai/twilio_conversations_v1.json',
        quote: "The channel specific identifier of the message's author.",
      },
    ],
    ambiguity: {
      summary:
        'Identities are unique strings; nothing says whether letter case or Unicode composition tells two apart.',
      readings: [
        {
          id: 'distinct-identities',
          text: 'Identities that differ in letter case or composition are two participants.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_conversations_v1.json',
              quote: 'A unique string identifier for the conversation participant as',
            },
          ],
        },
        {
          id: 'same-identity',
          text: 'Identities that differ only in letter case or composition name one participant: the second is refused.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_conversations_v1.json',
              quote: 'A unique string identifier for the conversation participant as',
            },
          ],
        },
      ],
      applied: 'distinct-identities',
      rationale:
        'An identity that is a prefix of another is another string under either reading, so only the attribution of ' +
        'messages gates; a refused case or composition variant is reported.',
      observed: true,
    },
  },
  {
    id: 'CONV-TEXT-LIMITS-CHARACTERS',
    area: 'conversations',
    title: 'Conversation names, identities and message bodies are limited in characters, not bytes',
    statement:
      'A conversation FriendlyName and a participant Identity of up to 256 characters, and a message Body of up to ' +
      '1,600 characters, are accepted and reported as sent, whatever the script: text of multi-byte characters at ' +
      'the limit (for example 1,600 × "名", 4,800 bytes of UTF-8) included.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_conversations_v1.json',
        quote: 'The human-readable name of this conversation, limited to 256 characters. Optional.',
      },
      {
        doc: 'reference/twilio-oai/twilio_conversations_v1.json',
        quote: 'to communicate. Limited to 256 characters.',
      },
      {
        doc: 'reference/twilio-oai/twilio_conversations_v1.json',
        quote: 'The content of the message, can be up to 1,600 characters long.',
      },
    ],
  },
  {
    id: 'CONV-STATE-VALUES',
    area: 'conversations',
    title:
      'Each documented conversation state (active, inactive, closed) is taken as sent and selects in lists',
    statement:
      'A conversation created with State=S, or updated to it, has state S, and one created without State is ' +
      'active; GET /v1/Conversations?State=S lists every conversation in state S and none in another state, for ' +
      'each of active, inactive and closed (active does not select inactive).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_conversations_v1.json',
        quote:
          'Current state of this conversation. Can be either `initializing`, `active`, `inactive` or `closed` and defaults to `active`',
      },
      {
        doc: 'reference/twilio-oai/twilio_conversations_v1.json',
        quote:
          'State for sorting and filtering list of Conversations. Can be `active`, `inactive` or `closed`',
      },
    ],
  },
] as const satisfies readonly RuleSpec[];
