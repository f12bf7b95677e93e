import type { RuleSpec } from './types';

/**
 * Liquid rendering of the Send to Flex attributes: variable substitution, the to_json filter, and
 * which trigger data is parsed as JSON (ChannelAttributes) and which stays a string (message attributes).
 */
export const liquidRules = [
  {
    id: 'LIQUID-ATTRIBUTES-RENDERED',
    area: 'liquid',
    title: 'Liquid output tags in the attributes are rendered before the task is created',
    statement:
      'Every {{ ... }} in the widget attributes is replaced with the value from the flow context before the JSON is ' +
      'parsed; the task attributes never contain the template text (e.g. "{{trigger.call.From}}" becomes the caller ' +
      'number).',
    severity: 'must',
    sources: [
      { doc: '001_ffef4bfcdb758d92.txt', quote: '{ "type": "inbound", "name": "{{trigger.call.From}}" }' },
      { doc: 'reference/twilio-wire-facts.md', quote: 'Liquid: Output `{{ }}`, Tag `{% %}`' },
    ],
  },
  {
    id: 'LIQUID-TO-JSON-OBJECT',
    area: 'liquid',
    title: 'to_json inserts an object as JSON',
    statement:
      'An unquoted {{ value | to_json }} in the attributes renders the JSON serialisation of the value, so the task ' +
      'attribute is a JSON object (or array) equal to the value, not a string.',
    severity: 'must',
    appliesTo: { callsOut: true },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'If you want to pass an object — for instance, data that you retrieved via a function — as an attribute value in the Attributes configuration, you can use the to_json Liquid Template Filter like this:',
      },
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: '"customer_attributes": {{widgets.CustomerFunction.parsed | to_json}}',
      },
    ],
  },
  {
    id: 'LIQUID-PARSED-JSON-RESPONSE',
    area: 'liquid',
    title: 'widgets.<name>.parsed holds a JSON object response',
    statement:
      'When a Run Function or Make HTTP Request widget gets an application/json object, its fields are available ' +
      'as widgets.<name>.parsed.<field>, and widgets.<name>.parsed | to_json gives that object back.',
    severity: 'must',
    appliesTo: { callsOut: true },
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '"only application/json objects (e.g. {"foo":"bar"}) will be automatically parsed into Studio variables"',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: '"customer_attributes": {{widgets.CustomerFunction.parsed | to_json}}',
      },
    ],
  },
  {
    id: 'LIQUID-MESSAGE-ATTRIBUTES-STRING',
    area: 'liquid',
    title: 'Attributes set on the message stay a string',
    statement:
      'For incoming Message and Conversation triggers, the attributes of the message itself are a string: ' +
      '{{trigger.message.Attributes}} (trigger.conversation.Attributes for a conversation) renders the raw JSON ' +
      'text, to_json gives that text as a JSON string, and a path into it (e.g. {{trigger.message.Attributes.key}}) ' +
      'renders empty.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message', 'incoming-conversation'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'Note that for incoming Message and Conversation triggers, attributes set on the message are treated as string and cannot be parsed to JSON.',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"Attributes": "{\\"proxied\\":true}"' },
      { doc: '002_1e7363899d011c99.txt', quote: '"Attributes": "{}",' },
    ],
  },
  {
    id: 'LIQUID-CHANNEL-ATTRIBUTES-PARSED',
    area: 'liquid',
    title: 'trigger.message.ChannelAttributes is parsed as JSON',
    statement:
      'For an incoming message, the chat channel attributes are parsed: ' +
      '{{trigger.message.ChannelAttributes.from}} and {{trigger.message.ChannelAttributes.channel_type}} render ' +
      'the from and channel_type values of the channel attributes.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-message'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'Only attributes set on the Channel /Conversation, ChannelAttributes, data are parsed as JSON by default.',
      },
      { doc: '000_e6e025a037b48afd.txt', quote: '"name": "{{trigger.message.ChannelAttributes.from}}",' },
    ],
  },
  {
    id: 'LIQUID-CONVERSATION-ATTRIBUTES-PARSED',
    area: 'liquid',
    title: 'trigger.conversation.ChannelAttributes is parsed as JSON',
    statement:
      'For an incoming conversation, the conversation attributes are parsed: a nested path such as ' +
      '{{trigger.conversation.ChannelAttributes.pre_engagement_data.friendlyName}} renders the nested value.',
    severity: 'must',
    appliesTo: { triggers: ['incoming-conversation'] },
    sources: [
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'Only attributes set on the Channel /Conversation, ChannelAttributes, data are parsed as JSON by default.',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: '{"from": "{{trigger.conversation.ChannelAttributes.pre_engagement_data.friendlyName}}"}',
      },
      { doc: '002_1e7363899d011c99.txt', quote: '"ChannelAttributes": {}' },
    ],
  },
  {
    id: 'LIQUID-CONVERSATION-CHANNELATTRIBUTES-KEYS',
    area: 'liquid',
    title: 'Keys of trigger.conversation.ChannelAttributes are undocumented',
    statement:
      'Apart from pre_engagement_data.friendlyName (sent by the demo chat app) no key of ' +
      'trigger.conversation.ChannelAttributes is documented; the check reports the keys a target provides.',
    severity: 'info',
    appliesTo: { triggers: ['incoming-conversation'] },
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'This pre_engagement_data.friendlyName is what the demo Chat app sends.',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Contents of `trigger.conversation.ChannelAttributes` undocumented;',
      },
    ],
  },
  {
    id: 'LIQUID-INVALID-RENDERED-JSON',
    area: 'liquid',
    title: 'Attributes that do not render to valid JSON (undocumented handling)',
    statement:
      'When the rendered attributes are not valid JSON, the check records whether the widget takes "Failed to ' +
      'create task", the flow is refused at validation, or the task gets other attributes. No source says which.',
    severity: 'info',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote: 'JSON representing the Task attributes (maximum 1024 characters).',
      },
    ],
    ambiguity: {
      summary: 'No source says what happens when the rendered attributes are not JSON.',
      readings: [
        {
          id: 'failed-to-create-task',
          text: 'The widget cannot build the task and takes Failed to create task.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'For Voice calls, transition is triggered if enqueuing of the call fails.',
            },
          ],
        },
        {
          id: 'validation-refuses',
          text: 'Flow validation refuses the template.',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'JSON representing the Task attributes (maximum 1024 characters).',
            },
          ],
        },
        {
          id: 'other-attributes',
          text: 'A task is created with other attributes (empty, or the text kept as it is).',
          sources: [
            {
              doc: '000_e6e025a037b48afd.txt',
              quote: 'JSON representing the Task attributes (maximum 1024 characters).',
            },
          ],
        },
      ],
      applied: 'failed-to-create-task',
      rationale:
        'A template can only be judged after rendering, and a task needs JSON attributes; the check reports.',
      observed: true,
    },
  },
] as const satisfies readonly RuleSpec[];
