import type { RuleSpec } from './types';

/**
 * The Flex Flow REST resource (`/v1/FlexFlows`): fields, patterns, enums, defaults, conditional
 * requirements per integration type, create / fetch / list / update / delete, paging.
 * Main source: seed 004 (Flex Flow Resource API reference), with seed 003 for the concepts.
 */
export const flexFlowRules = [
  // ---------------------------------------------------------------- resource fields
  {
    id: 'FLEXFLOW-RESPONSE-FIELDS',
    area: 'flex-flow',
    title: 'A Flex Flow representation carries the fourteen documented fields',
    statement:
      'Every Flex Flow returned by create, fetch, list and update has the keys account_sid, sid, date_created, ' +
      'date_updated, friendly_name, chat_service_sid, channel_type, contact_identity, enabled, integration_type, ' +
      'integration, long_lived, janitor_enabled and url.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'A Flex Flow is the logic linking a contact identity (e.g. SMS-enabled phone number or WhatsApp number) to Flex.',
      },
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'A Flex Flow configuration is effectively the glue connecting the Flex Chat Service, a Studio Flow, a channel type and optionally a contact uri.',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          'Response `flex.v1.flex_flow` (all nullable): `account_sid, date_created, date_updated, sid, friendly_name, chat_service_sid, channel_type, contact_identity, enabled, integration_type, integration`',
      },
    ],
  },
  {
    id: 'FLEXFLOW-ACCOUNT-SID-PATTERN',
    area: 'flex-flow',
    title: 'account_sid matches ^AC[0-9a-fA-F]{32}$ (34 characters)',
    statement:
      'account_sid is the SID of the owning Account: it matches ^AC[0-9a-fA-F]{32}$ and is exactly 34 characters long.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The SID of the Account that created the Flex Flow resource and owns this Workflow.',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '^AC[0-9a-fA-F]{32}$Min length: 34Max length: 34' },
    ],
  },
  {
    id: 'FLEXFLOW-SID-PATTERN',
    area: 'flex-flow',
    title: 'sid matches ^FO[0-9a-fA-F]{32}$ (34 characters)',
    statement: 'sid is created by the server, matches ^FO[0-9a-fA-F]{32}$ and is exactly 34 characters long.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The unique string that we created to identify the Flex Flow resource.',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '^FO[0-9a-fA-F]{32}$Min length: 34Max length: 34' },
    ],
  },
  {
    id: 'FLEXFLOW-DATES-ISO8601',
    area: 'flex-flow',
    title: 'date_created and date_updated are ISO 8601 date-times in GMT',
    statement:
      'date_created and date_updated are ISO 8601 date-time strings in GMT (for example 2016-08-01T22:10:40Z), ' +
      'and date_updated is not earlier than date_created.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The date and time in GMT when the resource was created specified in ISO 8601 format.',
      },
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The date and time in GMT when the resource was last updated specified in ISO 8601 format.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-URL-ABSOLUTE',
    area: 'flex-flow',
    title: 'url is the absolute URL of the Flex Flow',
    statement: 'url is an absolute URL (scheme and host included) that addresses this Flex Flow resource.',
    severity: 'must',
    sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'The absolute URL of the Flex Flow resource.' }],
  },
  {
    id: 'FLEXFLOW-URL-PATH-ENDS-WITH-SID',
    area: 'flex-flow',
    title: 'url ends with /v1/FlexFlows/<sid> (from the examples)',
    statement:
      'The path of url is /v1/FlexFlows/<sid>, so fetching url returns the same resource. Only the examples show ' +
      'this shape; the check reports a difference instead of failing.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: '"url": "https://flex-api.twilio.com/v1/FlexFlows/FOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
      },
    ],
  },
  {
    id: 'FLEXFLOW-CHATSERVICESID-PATTERN',
    area: 'flex-flow',
    title: 'ChatServiceSid / chat_service_sid match ^IS[0-9a-fA-F]{32}$ (34 characters)',
    statement:
      'The ChatServiceSid parameter and the chat_service_sid field hold the SID of the chat service: ' +
      '^IS[0-9a-fA-F]{32}$, exactly 34 characters.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The SID of the chat service.' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '^IS[0-9a-fA-F]{32}$Min length: 34Max length: 34' },
    ],
  },
  {
    id: 'FLEXFLOW-CHANNEL-TYPE-ENUM',
    area: 'flex-flow',
    title: 'ChannelType is one of web, sms, facebook, whatsapp, line, custom',
    statement:
      'Each of the six values web, sms, facebook, whatsapp, line and custom is accepted as ChannelType and ' +
      'returned unchanged as channel_type.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The channel type. One of web, facebook, sms, whatsapp, line or custom.',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'websmsfacebookwhatsapplinecustom' },
    ],
  },
  {
    id: 'FLEXFLOW-INTEGRATION-TYPE-ENUM',
    area: 'flex-flow',
    title: 'IntegrationType is one of studio, external, task',
    statement:
      'Each of studio, external and task is accepted as IntegrationType (with the parameters it requires) and ' +
      'returned unchanged as integration_type.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'The software that will handle inbound messages. Integration Type can be: studio, external, or task.',
      },
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'The two newest integration types are Task and web hook, each of which put their own twist on how you begin to interact with a customer.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-INVALID-ENUM-REJECTED',
    area: 'flex-flow',
    title: 'A ChannelType or IntegrationType outside its enum is refused',
    statement:
      'A create or update whose ChannelType or IntegrationType is not one of the documented values gets a 4xx ' +
      'response with a Twilio error body; no Flex Flow is created and an existing one is left unchanged.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The channel type. One of web, facebook, sms, whatsapp, line or custom.',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'Integration Type can be: studio, external, or task.' },
    ],
  },
  {
    id: 'FLEXFLOW-INVALID-SID-REJECTED',
    area: 'flex-flow',
    title: 'A SID parameter that does not match its pattern is refused',
    statement:
      'A create or update whose ChatServiceSid, Integration.FlowSid, Integration.WorkspaceSid or ' +
      'Integration.WorkflowSid does not match its documented pattern (prefix, 32 hex digits, length 34) gets a 4xx ' +
      'response with a Twilio error body, and nothing is stored.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '^IS[0-9a-fA-F]{32}$Min length: 34Max length: 34' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '^FW[0-9a-fA-F]{32}$Min length: 34Max length: 34' },
    ],
  },
  {
    id: 'FLEXFLOW-INVALID-PARAM-ERROR-CODE',
    area: 'flex-flow',
    title: 'Status and code for an invalid enum or malformed SID (undocumented)',
    statement:
      'For an invalid enum value or a malformed SID the check records the HTTP status and Twilio error code the ' +
      'target returns. No source documents them; 400 is expected.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          'Error code/body for an invalid enum or malformed SID (e.g. `ChannelType=foo`, bad `^FW` pattern) is not documented in any source reached',
      },
    ],
    ambiguity: {
      summary:
        'No source gives the status or error code for an invalid enum value or a SID that fails its pattern (A1).',
      readings: [
        {
          id: 'http-400',
          text: 'HTTP 400 with some Twilio error code (20001 is documented only for missing parameters).',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: '(assume 400; code unverified — 20001 is only evidenced for *missing* params)',
            },
          ],
        },
        {
          id: 'other-4xx',
          text: 'Another 4xx status (e.g. 422) or a code other than a 2xxxx validation code.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: 'None of the four specs declares any 4xx/5xx\n  response',
            },
          ],
        },
      ],
      applied: 'http-400',
      rationale:
        "Twilio's generic 400 page covers parameters that 'did not pass validation'; the code itself is only " +
        'reported, never checked.',
      observed: true,
    },
  },

  // ---------------------------------------------------------------- create: required parameters
  {
    id: 'FLEXFLOW-CREATE-REQUIRES-FRIENDLYNAME',
    area: 'flex-flow',
    title: 'Create without FriendlyName is refused with 400',
    statement:
      'POST /v1/FlexFlows without FriendlyName returns 400 with error code 20001 and creates nothing.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'A descriptive string that you create to describe the Flex Flow resource.',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'required: `FriendlyName`, `ChatServiceSid`, `ChannelType`',
      },
    ],
  },
  {
    id: 'FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID',
    area: 'flex-flow',
    title: 'Create without ChatServiceSid is refused with 400',
    statement:
      'POST /v1/FlexFlows without ChatServiceSid returns 400 with error code 20001 and creates nothing.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The SID of the chat service.' },
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          "body application/x-www-form-urlencoded required=['FriendlyName', 'ChatServiceSid', 'ChannelType']",
      },
    ],
  },
  {
    id: 'FLEXFLOW-CREATE-REQUIRES-CHANNELTYPE',
    area: 'flex-flow',
    title: 'Create without ChannelType is refused with 400',
    statement:
      'POST /v1/FlexFlows without ChannelType returns 400 with error code 20001 and creates nothing.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The channel type. One of web, facebook, sms, whatsapp, line or custom.',
      },
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          "body application/x-www-form-urlencoded required=['FriendlyName', 'ChatServiceSid', 'ChannelType']",
      },
    ],
  },
  {
    id: 'FLEXFLOW-CREATE-RETURNS-201',
    area: 'flex-flow',
    title: 'A valid create returns 201 with the new Flex Flow',
    statement:
      'POST /v1/FlexFlows with FriendlyName, ChatServiceSid, ChannelType and the parameters its integration type ' +
      'needs returns 201 and the JSON representation of the new Flex Flow with a fresh FO sid.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'POST https://flex-api.twilio.com/v1/FlexFlows' },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '| `POST /v1/FlexFlows` (CreateFlexFlow) | **201** |',
      },
    ],
  },
  {
    id: 'FLEXFLOW-CREATE-ECHOES-PARAMS',
    area: 'flex-flow',
    title: 'Created fields equal the values sent',
    statement:
      'After create, friendly_name, chat_service_sid, channel_type, contact_identity, enabled and integration_type ' +
      'equal the FriendlyName, ChatServiceSid, ChannelType, ContactIdentity, Enabled and IntegrationType sent.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'friendlyName: "My New Flex Flow"' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"friendly_name": "My New Flex Flow"' },
    ],
  },
  {
    id: 'FLEXFLOW-CONTACT-IDENTITY-OPTIONAL',
    area: 'flex-flow',
    title: 'A Flex Flow may have no contact identity',
    statement:
      'A create without ContactIdentity (for a channel without a phone number, e.g. web) is accepted. What ' +
      'contact_identity then is, is FLEXFLOW-CONTACT-IDENTITY-OMITTED.',
    severity: 'must',
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote: 'Text-based channels that don’t use a number can have a null contact uri.',
      },
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'The contact uri is used for channels like SMS, where there is a configured phone number you message.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-CONTACT-IDENTITY-OMITTED',
    area: 'flex-flow',
    title: 'contact_identity of a flow created without ContactIdentity (undocumented: reported)',
    statement:
      'A flow created without ContactIdentity has contact_identity null, or some value the target chose. ' +
      'ContactIdentity appears only in the examples and the schema; the check reports which.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: "(body) ContactIdentity req=False type=string :: The channel contact's Identity.",
      },
    ],
    ambiguity: {
      summary:
        'No document states what contact_identity is when ContactIdentity is omitted. 003 allows a null contact ' +
        'uri; 004 documents ContactIdentity only through examples, and its second create example, which sends no ' +
        'ContactIdentity, answers "12345".',
      readings: [
        {
          id: 'null',
          text: 'An omitted ContactIdentity leaves contact_identity null.',
          sources: [
            {
              doc: '003_9b6237a88e7de24f.txt',
              quote: 'Text-based channels that don’t use a number can have a null contact uri.',
            },
          ],
        },
        {
          id: 'example-value',
          text: 'An omitted ContactIdentity still answers a non-empty contact_identity, as the second example does.',
          sources: [
            { doc: '004_4af5ab78ff31b1e9.txt', quote: '"friendly_name": "FriendlyName"' },
            { doc: '004_4af5ab78ff31b1e9.txt', quote: '"contact_identity": "12345"' },
          ],
        },
      ],
      applied: 'null',
      rationale:
        'The example responses are fixtures (the same values whatever was sent); 003 says a flow may have no ' +
        'contact uri. The check reports the reading and fails only on a value neither reading allows (an empty string).',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-ENABLED-DEFAULT',
    area: 'flex-flow',
    title: 'enabled of a flow created without Enabled (undocumented: reported)',
    statement:
      'A flow created without Enabled has enabled false or true; no document states the default. The checks of ' +
      'other rules always send Enabled when they depend on it.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: '(body) Enabled req=False type=boolean :: Whether the new Flex Flow is enabled.',
      },
    ],
    ambiguity: {
      summary:
        'Enabled has no stated default and is documented in 004 only through examples; the second create example ' +
        'omits it and answers "enabled": true.',
      readings: [
        {
          id: 'disabled',
          text: 'An omitted Enabled leaves the flow disabled (false), as for the other optional booleans.',
          sources: [
            {
              doc: 'reference/twilio-spec-summary.md',
              quote: '(body) Enabled req=False type=boolean :: Whether the new Flex Flow is enabled.',
            },
          ],
        },
        {
          id: 'enabled',
          text: 'An omitted Enabled gives an enabled flow, as the second example answers.',
          sources: [
            { doc: '004_4af5ab78ff31b1e9.txt', quote: '"friendly_name": "FriendlyName"' },
            { doc: '004_4af5ab78ff31b1e9.txt', quote: '"enabled": true' },
          ],
        },
      ],
      applied: 'disabled',
      rationale:
        'The mock leaves it false like LongLived and JanitorEnabled (whose default false is stated); the examples ' +
        'are fixtures. Nothing else depends on it: the check reports the reading and fails only on a non-boolean.',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-ENABLED-BOOLEAN',
    area: 'flex-flow',
    title: 'enabled is a JSON boolean reflecting Enabled',
    statement:
      'enabled is a JSON boolean (not a string) and reflects the Enabled form value "true" or "false".',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"enabled": true' },
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: '(body) Enabled req=False type=boolean :: Whether the new Flex Flow is enabled.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-INTEGRATION-OBJECT',
    area: 'flex-flow',
    title: 'integration is an object echoing the Integration.* parameters in snake_case',
    statement:
      'integration is a JSON object whose keys are the snake_case names of the Integration.* parameters that apply ' +
      '(flow_sid, url, workspace_sid, workflow_sid, channel, timeout, priority, creation_on_message, retry_count). ' +
      'The schema leaves the object untyped and only examples show its keys, so differences are reported.',
    severity: 'info',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"flow_sid": "FWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"' },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'integration` (untyped object; example\n  `{"flow_sid":"FW…","retry_count":1}`)',
      },
    ],
  },

  // ---------------------------------------------------------------- integration types: conditional requirements
  {
    id: 'FLEXFLOW-STUDIO-REQUIRES-FLOWSID',
    area: 'flex-flow',
    title: 'IntegrationType=studio requires Integration.FlowSid',
    statement:
      'A create with IntegrationType=studio and no Integration.FlowSid is refused with a 4xx error and creates ' +
      'nothing; with a FlowSid, integration.flow_sid holds it.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The SID of the Studio Flow. Required when integrationType is studio.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-FLOWSID-PATTERN',
    area: 'flex-flow',
    title: 'Integration.FlowSid matches ^FW[0-9a-fA-F]{32}$ (34 characters)',
    statement:
      'Integration.FlowSid is accepted only when it matches ^FW[0-9a-fA-F]{32}$ (exactly 34 characters).',
    severity: 'must',
    sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: '^FW[0-9a-fA-F]{32}$Min length: 34Max length: 34' }],
  },
  {
    id: 'FLEXFLOW-EXTERNAL-REQUIRES-URL',
    area: 'flex-flow',
    title: 'IntegrationType=external requires Integration.Url',
    statement:
      'A create with IntegrationType=external and no Integration.Url is refused with a 4xx error and creates ' +
      'nothing; with a URL, integration.url holds it.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The URL of the external webhook. Required when integrationType is external.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-TASK-REQUIRES-WORKSPACESID',
    area: 'flex-flow',
    title: 'IntegrationType=task requires Integration.WorkspaceSid',
    statement:
      'A create with IntegrationType=task and no Integration.WorkspaceSid is refused with a 4xx error.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The Workspace SID for a new Task. Required when integrationType is task.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-WORKSPACESID-PATTERN',
    area: 'flex-flow',
    title: 'Integration.WorkspaceSid matches ^WS[0-9a-fA-F]{32}$ (34 characters)',
    statement:
      'Integration.WorkspaceSid is accepted only when it matches ^WS[0-9a-fA-F]{32}$ (exactly 34 characters).',
    severity: 'must',
    sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: '^WS[0-9a-fA-F]{32}$Min length: 34Max length: 34' }],
  },
  {
    id: 'FLEXFLOW-TASK-REQUIRES-WORKFLOWSID',
    area: 'flex-flow',
    title: 'IntegrationType=task requires Integration.WorkflowSid',
    statement:
      'A create with IntegrationType=task and no Integration.WorkflowSid is refused with a 4xx error.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The Workflow SID for a new Task. Required when integrationType is task.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-WORKFLOWSID-PATTERN',
    area: 'flex-flow',
    title: 'Integration.WorkflowSid matches ^WW[0-9a-fA-F]{32}$ (34 characters)',
    statement:
      'Integration.WorkflowSid is accepted only when it matches ^WW[0-9a-fA-F]{32}$ (exactly 34 characters).',
    severity: 'must',
    sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: '^WW[0-9a-fA-F]{32}$Min length: 34Max length: 34' }],
  },
  {
    id: 'FLEXFLOW-TASK-CHANNEL-DEFAULT',
    area: 'flex-flow',
    title: 'Integration.Channel for task integrations: "required" yet defaults to default',
    statement:
      'With IntegrationType=task, Integration.Channel (a TC sid or a unique name such as sms) is the Task Channel ' +
      'of the tasks created; when it is omitted the create is accepted and the tasks created through the flow ' +
      'have the Task Channel `default`. The check reports whether the target instead refuses the omission.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'The Task Channel SID (TCXXXX) or unique name (e.g., sms) to use for the Task that will be created. Applicable and required when integrationType is task. The default value is default.',
      },
    ],
    ambiguity: {
      summary:
        'Integration.Channel is described as "Applicable and required when integrationType is task" and, in the ' +
        'same paragraph, as having the default value `default`: a required parameter cannot fall back to a default.',
      readings: [
        {
          id: 'default-applies',
          text: 'Omitting Integration.Channel is accepted and the Task Channel `default` is used.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'The default value is default.' }],
        },
        {
          id: 'required',
          text: 'Omitting Integration.Channel with IntegrationType=task is refused with a 4xx error.',
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote: 'Applicable and required when integrationType is task.',
            },
          ],
        },
      ],
      applied: 'default-applies',
      rationale:
        'A documented default is only reachable if omission is allowed, the OpenAPI schema does not mark the ' +
        'parameter required, and the conditional requirements live only in descriptions. The check reports which ' +
        'reading the target follows.',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-CONDITIONAL-REQUIRED-ERROR-CODE',
    area: 'flex-flow',
    title: 'Status and code for a missing conditionally required parameter (undocumented)',
    statement:
      'When FlowSid (studio), Url (external) or WorkspaceSid/WorkflowSid (task) is missing, the check records the ' +
      'status and error code returned. The conditional requirements are description-only and no code is documented.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: "The conditional requirements exist only in descriptions, not in the schema's `required`.",
      },
    ],
    ambiguity: {
      summary: 'The error returned for a violated conditional requirement is undocumented (A2).',
      readings: [
        {
          id: '400-20001',
          text: 'Treated like any missing required parameter: 400 with code 20001.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: '**20001 / 400** missing param',
            },
          ],
        },
        {
          id: '400-other-code',
          text: 'HTTP 400 with a validation code other than 20001.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote:
                'Conditional requirements (`Integration.FlowSid` when studio etc.) and the default of `IntegrationType` on create are\n  description-only; server error codes for violating them are undocumented.',
            },
          ],
        },
      ],
      applied: '400-20001',
      rationale: 'The mock answers 400/20001 like any missing parameter; other targets are only observed.',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-INTEGRATION-TYPE-DEFAULT-STUDIO',
    area: 'flex-flow',
    title: 'IntegrationType defaults to studio when omitted',
    statement:
      'A create without IntegrationType (and with Integration.FlowSid) is accepted and integration_type is studio. ' +
      'The seeds never state the default; the check reports what the target does.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '"Studio (default)" integration type — Manage Flex Flows doc',
      },
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote:
          'In the initial versions of Flex, there was really just one type of Flex Flow that mapped into a Studio Flow (integrationType = studio).',
      },
    ],
    ambiguity: {
      summary:
        'The default of IntegrationType is not stated in the seeds or the schema; only the Manage Flex Flows page ' +
        'says "Studio (default)" (A2).',
      readings: [
        {
          id: 'studio-default',
          text: 'An omitted IntegrationType means studio.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: '"Studio (default)" integration type — Manage Flex Flows doc',
            },
          ],
        },
        {
          id: 'no-default',
          text: 'IntegrationType stays null (or the create is refused) when it is omitted.',
          sources: [
            {
              doc: 'reference/twilio-spec-summary.md',
              quote:
                "(body) IntegrationType req=False ref=flex_flow_enum_integration_type type=string enum=['studio', 'external', 'task'] ::",
            },
          ],
        },
      ],
      applied: 'studio-default',
      rationale: 'The only statement of a default says studio, and every example response shows studio.',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-CREATE-URL-WITHOUT-TYPE',
    area: 'flex-flow',
    title: 'Create with Integration.Url but no IntegrationType (the second create example)',
    statement:
      'A create that sends Integration.Url but neither IntegrationType nor Integration.FlowSid is refused: ' +
      'IntegrationType defaults to studio and studio requires a FlowSid. The check reports the behaviour of the ' +
      'target, since the documented example shows the opposite.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: '"integration.url": "https://link-to-your-webhook.com/flex-message-endpoint"',
      },
    ],
    ambiguity: {
      summary:
        'The second create example sends integration.url without integrationType and the response shows ' +
        'integration_type studio with a flow_sid that was never sent.',
      readings: [
        {
          id: 'default-studio-rejects',
          text: 'IntegrationType defaults to studio; without a FlowSid the create is refused.',
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote: 'The SID of the Studio Flow. Required when integrationType is studio.',
            },
          ],
        },
        {
          id: 'example-literal',
          text: 'The create is accepted and returns integration_type studio (the Url is ignored), as the example shows.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: '"friendly_name": "FriendlyName"' }],
        },
        {
          id: 'infer-external',
          text: 'The server infers IntegrationType=external from the Url and echoes integration.url.',
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote: 'The URL of the external webhook. Required when integrationType is external.',
            },
          ],
        },
      ],
      applied: 'default-studio-rejects',
      rationale:
        'It is the only reading consistent with the normative descriptions; example responses in this reference ' +
        'are generic fixtures (the same FW sid, contact_identity "12345" for web).',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-TASK-TIMEOUT-DEFAULT',
    area: 'flex-flow',
    title: 'Integration.Timeout defaults to 86,400 seconds for task integrations',
    statement:
      'With IntegrationType=task and no Integration.Timeout, tasks created through the Flex Flow have timeout 86400; ' +
      'with a Timeout, they have that value.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'The Task timeout in seconds for a new Task. Default is 86,400 seconds (24 hours). Optional when integrationType is task, not applicable otherwise.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-TASK-PRIORITY-DEFAULT',
    area: 'flex-flow',
    title: 'Integration.Priority defaults to 0 for task integrations',
    statement:
      'With IntegrationType=task and no Integration.Priority, tasks created through the Flex Flow have priority 0; ' +
      'with a Priority, they have that value.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'The Task priority of a new Task. The default priority is 0. Optional when integrationType is task, not applicable otherwise.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-TASK-DEFAULTS-ECHOED',
    area: 'flex-flow',
    title: "A task flow's integration object shows the Timeout, Priority and Channel defaults",
    statement:
      'A task flow created without Integration.Timeout, Integration.Priority or Integration.Channel shows timeout ' +
      '86400, priority 0 and channel "default" in its `integration` object. The documents fix the defaults of the ' +
      'task, not the shape of the echoed object, so this is reported; the defaults are checked on the task created.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The Task timeout in seconds for a new Task. Default is 86,400 seconds (24 hours).',
      },
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The Task priority of a new Task. The default priority is 0.',
      },
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'The Task Channel SID (TCXXXX) or unique name (e.g., sms) to use for the Task that will be created. Applicable and required when integrationType is task. The default value is default.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-TASK-ONLY-PARAMS-NOT-APPLICABLE',
    area: 'flex-flow',
    title: 'Integration.Timeout / Priority / Channel are not applicable to studio and external',
    statement:
      'Sending Integration.Timeout, Integration.Priority or Integration.Channel with IntegrationType studio or ' +
      'external has no effect on routing. Whether the target ignores or refuses them is reported.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'Optional when integrationType is task, not applicable otherwise.',
      },
    ],
    ambiguity: {
      summary: '"Not applicable otherwise" does not say whether such a parameter is ignored or refused.',
      readings: [
        {
          id: 'ignored',
          text: 'The parameter is accepted and ignored.',
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote: 'Optional when integrationType is task, not applicable otherwise.',
            },
          ],
        },
        {
          id: 'rejected',
          text: 'The create or update is refused with a 4xx error.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote:
                "The conditional requirements exist only in descriptions, not in the schema's `required`.",
            },
          ],
        },
      ],
      applied: 'ignored',
      rationale:
        'Nothing documents an error; ignoring is the lenient reading and the check only observes it.',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-RETRYCOUNT-RANGE',
    area: 'flex-flow',
    title: 'Integration.RetryCount takes integers 0 to 3',
    statement:
      'Integration.RetryCount values 0, 1, 2 and 3 are accepted and returned as integration.retry_count; -1 and 4 ' +
      'are refused with a 4xx error.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'Takes integer values from 0 to 3 with the default being 3.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-RETRYCOUNT-DEFAULT',
    area: 'flex-flow',
    title: 'Integration.RetryCount defaults to 3',
    statement:
      'A studio or external Flex Flow created without Integration.RetryCount has integration.retry_count 3.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'The number of times to retry the Studio Flow or webhook in case of failure. Takes integer values from 0 to 3 with the default being 3.',
      },
    ],
    ambiguity: {
      summary:
        'The description gives a default of 3, but every example response (including the first create, which sends ' +
        'no RetryCount) shows "retry_count": 1.',
      readings: [
        {
          id: 'default-3',
          text: 'Without RetryCount the stored value is 3.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'with the default being 3' }],
        },
        {
          id: 'example-1',
          text: 'Without RetryCount the stored value is 1, as the example responses show.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: '"retry_count": 1' }],
        },
      ],
      applied: 'default-3',
      rationale:
        'A normative description outranks an illustrative example; the examples in this page are fixtures (the same ' +
        'FW sid and contact_identity "12345" whatever was sent). This rule deliberately gates on default-3: a target ' +
        'answering 1 fails it, and the check records which reading it observed (default-3 or example-1) either way.',
    },
  },
  {
    id: 'FLEXFLOW-RETRYCOUNT-NOT-APPLICABLE-TASK',
    area: 'flex-flow',
    title: 'Integration.RetryCount is not applicable to task integrations',
    statement:
      'Integration.RetryCount sent with IntegrationType=task has no effect. Whether it is ignored or refused is reported.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'Optional when integrationType is studio or external, not applicable otherwise.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-CREATION-ON-MESSAGE-OUTBOUND-ONLY',
    area: 'flex-flow',
    title: 'Integration.CreationOnMessage only affects outbound messaging',
    statement:
      'Integration.CreationOnMessage is accepted as a boolean; inbound messages are routed the same whatever its value ' +
      '(true delays task creation until the customer replies, only for outbound messaging).',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'Set to false to create immediately, true to delay Task creation. This setting is only applicable for outbound messaging.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-CREATION-ON-MESSAGE-DEFAULT',
    area: 'flex-flow',
    title: 'Integration.CreationOnMessage has no documented default (reported)',
    statement:
      'A task flow created without Integration.CreationOnMessage creates the task of a new inbound chat either at ' +
      "once or when the customer's first message arrives. The documents give no default; the check reports which " +
      'the target does and fails only when the chat gets no task at all.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'Set to false to create immediately, true to delay Task creation.',
      },
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'Integration.CreationOnMessage req=False type=boolean',
      },
    ],
    ambiguity: {
      summary:
        'Integration.CreationOnMessage is optional and its description states no default: an omitted value can ' +
        'read as false (create the task immediately) or true (delay it until the customer writes).',
      readings: [
        {
          id: 'create-immediately',
          text: 'Omitted reads as false: the task of a new chat is created at once.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'Set to false to create immediately' }],
        },
        {
          id: 'delay-until-first-message',
          text: "Omitted reads as true: the task is created when the customer's first message arrives.",
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote: 'or delay Task creation until the customer sends the first response.',
            },
          ],
        },
      ],
      applied: 'create-immediately',
      rationale:
        'A boolean form parameter that is not sent is false in Twilio\'s APIs, and the setting "is only applicable ' +
        'for outbound messaging"; the check observes the reading and fails neither.',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-UPDATE-INTEGRATION-TYPE-CHANGE',
    area: 'flex-flow',
    title: 'Whether an update may change IntegrationType, and which requirements then apply (reported)',
    statement:
      "An update that changes IntegrationType is either accepted when it carries the new type's required " +
      'Integration parameters and refused without them, or refused whatever it carries. The check reports which, ' +
      "and fails only when a change without the new type's required parameters is accepted.",
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'The software that will handle inbound messages. Integration Type can be: studio, external, or task.',
      },
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'The URL of the external webhook. Required when integrationType is external.',
      },
    ],
    ambiguity: {
      summary:
        'IntegrationType is among the update parameters, and the Integration parameters are "Required when ' +
        'integrationType is" each type; the documents do not say whether the type may change on update, nor ' +
        "whether the new type's requirements then apply to the update or are met by what the flow already holds.",
      readings: [
        {
          id: 'change-with-new-requirements',
          text: "The type may change; the update must carry the new type's required Integration parameters.",
          sources: [
            {
              doc: '004_4af5ab78ff31b1e9.txt',
              quote:
                'The software that will handle inbound messages. Integration Type can be: studio, external, or task.',
            },
          ],
        },
        {
          id: 'type-fixed',
          text: 'The type of a Flex Flow cannot change: every update that changes it is refused with a 4xx.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'Required when integrationType is studio.' }],
        },
      ],
      applied: 'change-with-new-requirements',
      rationale:
        "IntegrationType is listed among the update parameters; both readings keep every flow meeting its type's " +
        'requirements, so the check observes which one the target follows.',
      observed: true,
    },
  },
  {
    id: 'FLEXFLOW-LONGLIVED-DEFAULT-FALSE',
    area: 'flex-flow',
    title: 'LongLived defaults to false',
    statement: 'A Flex Flow created without LongLived has long_lived false.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'When enabled, Flex will keep the chat channel active so that it may be used for subsequent interactions with a contact identity. Defaults to false.',
      },
    ],
    ambiguity: {
      summary:
        'The description says "Defaults to false", but the first create example sends no LongLived and its response ' +
        'shows "long_lived": true.',
      readings: [
        {
          id: 'description-false',
          text: 'Without LongLived the stored value is false.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'Defaults to false.' }],
        },
        {
          id: 'example-true',
          text: 'The example response shows true for a create that did not send LongLived.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: '"long_lived": true' }],
        },
      ],
      applied: 'description-false',
      rationale: 'The explicit default in the description outranks a fixture response.',
    },
  },
  {
    id: 'FLEXFLOW-JANITOR-DEFAULT-FALSE',
    area: 'flex-flow',
    title: 'JanitorEnabled defaults to false',
    statement: 'A Flex Flow created without JanitorEnabled has janitor_enabled false.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote:
          'When enabled, the Messaging Channel Janitor will remove active Proxy sessions if the associated Task is deleted outside of the Flex UI. Defaults to false.',
      },
    ],
    ambiguity: {
      summary:
        'The description says "Defaults to false", but the first create example sends no JanitorEnabled and its ' +
        'response shows "janitor_enabled": true.',
      readings: [
        {
          id: 'description-false',
          text: 'Without JanitorEnabled the stored value is false.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'Defaults to false.' }],
        },
        {
          id: 'example-true',
          text: 'The example response shows true for a create that did not send JanitorEnabled.',
          sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: '"janitor_enabled": true' }],
        },
      ],
      applied: 'description-false',
      rationale: 'The explicit default in the description outranks a fixture response.',
    },
  },

  // ---------------------------------------------------------------- fetch / list / update / delete
  {
    id: 'FLEXFLOW-FETCH-RETURNS-RESOURCE',
    area: 'flex-flow',
    title: 'Fetch by sid returns 200 and the stored Flex Flow',
    statement:
      'GET /v1/FlexFlows/{Sid} for an existing Flex Flow returns 200 and the same representation create returned.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'GET https://flex-api.twilio.com/v1/FlexFlows/{Sid}' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The SID of the Flex Flow resource to fetch.' },
    ],
  },
  {
    id: 'FLEXFLOW-FETCH-UNKNOWN-404',
    area: 'flex-flow',
    title: 'Fetch of an unknown sid returns 404 / 20404',
    statement:
      'GET /v1/FlexFlows/{Sid} for a well-formed FO sid that does not exist returns 404 with error code 20404.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The SID of the Flex Flow resource to fetch.' },
      { doc: 'reference/twilio-wire-facts.md', quote: '**20404 / 404**' },
    ],
  },
  {
    id: 'FLEXFLOW-LIST-KEY-FLEX-FLOWS',
    area: 'flex-flow',
    title: 'The list page holds its records under flex_flows and meta.key is "flex_flows"',
    statement:
      'GET /v1/FlexFlows returns 200 with an array under "flex_flows" and meta.key equal to "flex_flows".',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'GET https://flex-api.twilio.com/v1/FlexFlows' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"key": "flex_flows"' },
    ],
  },
  {
    id: 'FLEXFLOW-LIST-CONTAINS-CREATED',
    area: 'flex-flow',
    title: 'A created Flex Flow appears in the list, a deleted one does not',
    statement:
      'After a create, paging through GET /v1/FlexFlows yields the new Flex Flow with the same fields as fetch; after ' +
      'its delete, it no longer appears.',
    severity: 'must',
    sources: [{ doc: '004_4af5ab78ff31b1e9.txt', quote: 'GET https://flex-api.twilio.com/v1/FlexFlows' }],
  },
  {
    id: 'FLEXFLOW-LIST-FILTER-FRIENDLYNAME',
    area: 'flex-flow',
    title: 'The FriendlyName query filters the list',
    statement: 'GET /v1/FlexFlows?FriendlyName=X returns exactly the Flex Flows whose friendly_name is X.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          '[query] FriendlyName req=False type=string :: The `friendly_name` of the Flex Flow resources to read.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-PAGESIZE-DEFAULT-50',
    area: 'flex-flow',
    title: 'PageSize defaults to 50',
    statement: 'Without PageSize a list page holds at most 50 records and meta.page_size is 50.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'How many resources to return in each list page. The default is 50, and the maximum is 1000.',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"page_size": 50' },
    ],
  },
  {
    id: 'FLEXFLOW-PAGESIZE-BOUNDS',
    area: 'flex-flow',
    title: 'PageSize 1 to 1000 is honoured',
    statement:
      'PageSize values 1 and 1000 are accepted; a page never holds more records than PageSize and meta.page_size ' +
      'equals the PageSize requested.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '1Maximum: 1000The page token.' },
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: '[query] PageSize req=False type=integer format=int64 minimum=1 maximum=1000',
      },
    ],
  },
  {
    id: 'FLEXFLOW-PAGESIZE-OUT-OF-RANGE',
    area: 'flex-flow',
    title: 'PageSize outside 1..1000 (undocumented handling)',
    statement:
      'For PageSize 0 or 1001 the check records whether the target refuses the request (4xx) or clamps the size. ' +
      'Neither is documented.',
    severity: 'info',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'How many resources to return in each list page. The default is 50, and the maximum is 1000.',
      },
    ],
  },
  {
    id: 'FLEXFLOW-PAGING-EVERY-ITEM-ONCE',
    area: 'flex-flow',
    title: 'Following next_page_url yields every Flex Flow exactly once',
    statement:
      'Starting from GET /v1/FlexFlows?PageSize=n and following meta.next_page_url verbatim until it is null yields ' +
      'every Flex Flow exactly once. The PageToken in those URLs is opaque: clients never build it.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The page token. This is provided by the API.' },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '[NODE] follows `meta.next_page_url` **verbatim (absolute)** and reads `payload[meta.key]`',
      },
    ],
  },
  {
    id: 'FLEXFLOW-UPDATE-RETURNS-200',
    area: 'flex-flow',
    title: 'Update returns 200 with the updated Flex Flow',
    statement:
      'POST /v1/FlexFlows/{Sid} with any subset of the create parameters returns 200 and the full updated ' +
      'representation; no parameter is required.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'POST https://flex-api.twilio.com/v1/FlexFlows/{Sid}' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The SID of the Flex Flow resource to update.' },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '| `POST /v1/FlexFlows/{Sid}` (Update) | 200 | no required body params; same param set as create |',
      },
    ],
  },
  {
    id: 'FLEXFLOW-UPDATE-PARTIAL',
    area: 'flex-flow',
    title: 'Update changes only the parameters it sends',
    statement:
      'An update that sends only LongLived=false sets long_lived to false and leaves every other field ' +
      '(friendly_name, channel_type, integration, janitor_enabled, ...) as it was; date_updated does not go backwards.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '.update({ longLived: false });' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"long_lived": false' },
    ],
  },
  {
    id: 'FLEXFLOW-UPDATE-UNKNOWN-404',
    area: 'flex-flow',
    title: 'Update of an unknown sid returns 404 / 20404',
    statement:
      'POST /v1/FlexFlows/{Sid} for a well-formed FO sid that does not exist returns 404 with code 20404.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The SID of the Flex Flow resource to update.' },
      { doc: 'reference/twilio-wire-facts.md', quote: '**20404 / 404**' },
    ],
  },
  {
    id: 'FLEXFLOW-DELETE-RETURNS-204',
    area: 'flex-flow',
    title: 'Delete returns 204 with an empty body',
    statement: 'DELETE /v1/FlexFlows/{Sid} for an existing Flex Flow returns 204 with no body.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'DELETE https://flex-api.twilio.com/v1/FlexFlows/{Sid}' },
      { doc: 'reference/twilio-wire-facts.md', quote: '| `DELETE /v1/FlexFlows/{Sid}` | **204** |' },
    ],
  },
  {
    id: 'FLEXFLOW-DELETE-THEN-404',
    area: 'flex-flow',
    title: 'After delete, fetch and delete return 404',
    statement: 'After a successful delete, GET and DELETE /v1/FlexFlows/{Sid} return 404 with code 20404.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The SID of the Flex Flow resource to delete.' },
      { doc: 'reference/twilio-wire-facts.md', quote: '**20404 / 404**' },
    ],
  },
] as const satisfies readonly RuleSpec[];
