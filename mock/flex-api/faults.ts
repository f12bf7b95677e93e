import type { FaultSpec } from '../fault-spec';

/**
 * Deliberate bugs in the Flex API (Flex Flows) and in the wire conventions every domain shares.
 * Each is a mistake a real implementation could make; `trips` names only rules whose checks
 * fail against it (the self-test holds the list to that), so every `must` rule of the flex-flow
 * and wire areas is shown to be checked by a check that can fail.
 */
export const flexApiFaults = [
  // Wire conventions: auth, error bodies, encodings, paging meta.
  {
    name: 'auth-not-enforced',
    description: 'Requests without valid Basic auth are served instead of answered 401/20003.',
    trips: ['WIRE-AUTH-BASIC-REQUIRED', 'WIRE-AUTH-WRONG-CREDENTIALS-401'],
  },
  {
    name: 'errors-without-more-info',
    description: 'Error bodies omit more_info.',
    trips: ['WIRE-ERROR-BODY-SHAPE'],
  },
  {
    name: 'missing-param-answered-422',
    description: 'A missing required parameter is answered 422 Unprocessable Entity instead of 400.',
    trips: [
      'WIRE-MISSING-PARAM-400-20001',
      'FLEXFLOW-CREATE-REQUIRES-FRIENDLYNAME',
      'FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID',
      'FLEXFLOW-CREATE-REQUIRES-CHANNELTYPE',
    ],
  },
  {
    name: 'not-found-code-is-http-status',
    description: 'An unknown resource is answered 404 with code 404 (the HTTP status) instead of 20404.',
    trips: [
      'WIRE-UNKNOWN-RESOURCE-404-20404',
      'FLEXFLOW-FETCH-UNKNOWN-404',
      'FLEXFLOW-UPDATE-UNKNOWN-404',
      'FLEXFLOW-DELETE-THEN-404',
    ],
  },
  {
    name: 'form-percent-decoded-as-latin1',
    description: 'Form values are percent-decoded byte by byte as Latin-1 (unescape): "é" arrives as "Ã©".',
    trips: ['WIRE-FORM-ENCODED-REQUESTS', 'FLEXFLOW-CREATE-ECHOES-PARAMS'],
  },
  {
    name: 'booleans-truthy-strings',
    description: 'Boolean parameters are read as "any non-empty string is true": "false" becomes true.',
    trips: ['WIRE-FORM-BOOLEANS', 'FLEXFLOW-ENABLED-BOOLEAN', 'FLEXFLOW-CREATE-ECHOES-PARAMS'],
  },
  {
    name: 'json-served-as-text-html',
    description: 'JSON bodies are sent with Content-Type text/html.',
    trips: ['WIRE-JSON-RESPONSES'],
  },
  {
    name: 'json-drops-null-fields',
    description:
      'The JSON serializer leaves out null fields (previous_page_url on page 0, next_page_url on the last).',
    trips: ['WIRE-PAGING-META-FIELDS', 'WIRE-PAGING-ENDS-NULL'],
  },
  {
    name: 'paging-urls-relative',
    description: 'Paging meta URLs are paths (/v1/FlexFlows?…) without scheme and host.',
    trips: ['WIRE-PAGING-URLS-ABSOLUTE', 'WIRE-PAGING-META-FIELDS'],
  },
  {
    name: 'paging-first-page-has-previous',
    description: 'Page 0 carries a previous_page_url (pointing at itself) instead of null.',
    trips: ['WIRE-PAGING-ENDS-NULL', 'WIRE-PAGING-META-FIELDS'],
  },

  // The Flex Flow representation.
  {
    name: 'flexflow-create-returns-200',
    description: 'Create answers 200 instead of 201.',
    trips: ['FLEXFLOW-CREATE-RETURNS-201', 'WIRE-CREATE-201'],
  },
  {
    name: 'flexflow-omits-date-updated',
    description: 'date_updated is left out of a flow that was never updated.',
    trips: ['FLEXFLOW-RESPONSE-FIELDS', 'FLEXFLOW-DATES-ISO8601'],
  },
  {
    name: 'flexflow-dates-rfc2822',
    description: 'Dates are written in RFC 2822 ("Sat, 01 Aug 2026 22:10:40 +0000"), as the 2010 API does.',
    trips: ['FLEXFLOW-DATES-ISO8601'],
  },
  {
    name: 'flexflow-account-sid-placeholder',
    description: "account_sid is the documentation's example ACaaaa… instead of the owning account.",
    trips: ['FLEXFLOW-ACCOUNT-SID-PATTERN'],
  },
  {
    name: 'flexflow-sid-uuid',
    description: 'Flex Flow SIDs are FO followed by a dashed UUID (38 characters).',
    trips: ['FLEXFLOW-SID-PATTERN'],
  },
  {
    name: 'flexflow-relative-url',
    description: 'url is the path /v1/FlexFlows/FO… without scheme and host.',
    trips: ['FLEXFLOW-URL-ABSOLUTE'],
  },
  {
    name: 'flexflow-integration-camelcase',
    description:
      'The integration object is serialized with camelCase keys (flowSid, retryCount, workspaceSid).',
    trips: ['WIRE-SNAKE-CASE-FIELDS', 'FLEXFLOW-RETRYCOUNT-DEFAULT', 'FLEXFLOW-RETRYCOUNT-RANGE'],
  },

  // Validation of create and update parameters.
  {
    name: 'flexflow-friendlyname-optional',
    description: 'A create without FriendlyName is accepted (named after its SID).',
    trips: ['FLEXFLOW-CREATE-REQUIRES-FRIENDLYNAME'],
  },
  {
    name: 'flexflow-chatservicesid-optional',
    description: 'A create without ChatServiceSid is accepted with chat_service_sid null.',
    trips: ['FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID'],
  },
  {
    name: 'flexflow-channeltype-defaults-web',
    description: 'A create without ChannelType is accepted as a web flow.',
    trips: ['FLEXFLOW-CREATE-REQUIRES-CHANNELTYPE'],
  },
  {
    name: 'flexflow-channeltype-any-string',
    description: 'ChannelType accepts any string (a loose enum).',
    trips: ['FLEXFLOW-CHANNEL-TYPE-ENUM', 'FLEXFLOW-INVALID-ENUM-REJECTED'],
  },
  {
    name: 'flexflow-unknown-integrationtype-as-studio',
    description: 'An IntegrationType outside studio, external, task is taken as studio instead of refused.',
    trips: ['FLEXFLOW-INTEGRATION-TYPE-ENUM', 'FLEXFLOW-INVALID-ENUM-REJECTED'],
  },
  {
    name: 'flexflow-chatservicesid-prefix-unchecked',
    description: 'ChatServiceSid is checked for 32 hex digits but not for its IS prefix.',
    trips: ['FLEXFLOW-CHATSERVICESID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
  },
  {
    name: 'flexflow-flowsid-any-prefix',
    description: 'Integration.FlowSid accepts any string (a loose SID pattern).',
    trips: ['FLEXFLOW-FLOWSID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
  },
  {
    name: 'flexflow-workspacesid-prefix-only',
    description: 'Integration.WorkspaceSid is only checked to start with WS (any length, any characters).',
    trips: ['FLEXFLOW-WORKSPACESID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
  },
  {
    name: 'flexflow-workflowsid-any-length',
    description: 'Integration.WorkflowSid is checked for WW and hex digits but not for length 34.',
    trips: ['FLEXFLOW-WORKFLOWSID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
  },
  {
    name: 'flexflow-studio-skips-flowsid-check',
    description: 'A studio Flex Flow is accepted without Integration.FlowSid.',
    trips: ['FLEXFLOW-STUDIO-REQUIRES-FLOWSID'],
  },
  {
    name: 'flexflow-external-skips-url-check',
    description: 'An external Flex Flow is accepted without Integration.Url.',
    trips: ['FLEXFLOW-EXTERNAL-REQUIRES-URL'],
  },
  {
    name: 'flexflow-task-skips-workspace-check',
    description: 'A task Flex Flow is accepted without Integration.WorkspaceSid.',
    trips: ['FLEXFLOW-TASK-REQUIRES-WORKSPACESID'],
  },
  {
    name: 'flexflow-task-skips-workflow-check',
    description: 'A task Flex Flow is accepted without Integration.WorkflowSid.',
    trips: ['FLEXFLOW-TASK-REQUIRES-WORKFLOWSID'],
  },
  {
    name: 'flexflow-retrycount-off-by-one',
    description: 'Integration.RetryCount accepts 4.',
    trips: ['FLEXFLOW-RETRYCOUNT-RANGE'],
  },
  {
    name: 'flexflow-contact-identity-empty-string',
    description: 'A flow created without ContactIdentity has contact_identity "" instead of null.',
    trips: ['FLEXFLOW-CONTACT-IDENTITY-OPTIONAL'],
  },
  {
    name: 'flexflow-creation-on-message-dropped',
    description: 'Integration.CreationOnMessage is accepted but not stored.',
    trips: ['FLEXFLOW-CREATION-ON-MESSAGE-OUTBOUND-ONLY'],
  },
  {
    name: 'flexflow-echoes-inapplicable-params',
    description: 'Task-only Integration.Timeout/Priority are stored on studio and external flows.',
    trips: ['FLEXFLOW-TASK-ONLY-PARAMS-NOT-APPLICABLE'],
  },

  // Defaults.
  {
    name: 'flexflow-longlived-default-true',
    description: 'LongLived defaults to true on create (the example value, not the documented default).',
    trips: ['FLEXFLOW-LONGLIVED-DEFAULT-FALSE'],
  },
  {
    name: 'flexflow-janitor-default-true',
    description: 'JanitorEnabled defaults to true on create (the example value, not the documented default).',
    trips: ['FLEXFLOW-JANITOR-DEFAULT-FALSE'],
  },
  {
    name: 'flexflow-retrycount-default-1',
    description: 'Integration.RetryCount defaults to 1 (the example value) instead of 3.',
    trips: ['FLEXFLOW-RETRYCOUNT-DEFAULT'],
  },
  {
    name: 'flexflow-task-timeout-default-3600',
    description:
      "A task flow's Integration.Timeout defaults to 3600 (the widget's default) instead of 86,400.",
    trips: ['FLEXFLOW-TASK-TIMEOUT-DEFAULT'],
  },
  {
    name: 'flexflow-task-priority-unset',
    description: "A task flow's Integration.Priority is left unset instead of defaulting to 0.",
    trips: ['FLEXFLOW-TASK-PRIORITY-DEFAULT'],
  },
  {
    name: 'flexflow-task-channel-no-default',
    description: 'A task flow created without Integration.Channel has channel null instead of "default".',
    trips: ['FLEXFLOW-TASK-CHANNEL-DEFAULT'],
  },

  // Fetch, update, delete.
  {
    name: 'flexflow-fetch-without-integration',
    description: 'Fetch serves a summary of the flow without its integration object.',
    trips: ['FLEXFLOW-FETCH-RETURNS-RESOURCE'],
  },
  {
    name: 'flexflow-update-returns-201',
    description: 'Update answers 201 Created instead of 200.',
    trips: ['FLEXFLOW-UPDATE-RETURNS-200', 'FLEXFLOW-UPDATE-PARTIAL'],
  },
  {
    name: 'flexflow-update-resets-unsent',
    description: 'Update resets fields it was not sent (LongLived, integration) to defaults.',
    trips: ['FLEXFLOW-UPDATE-PARTIAL'],
  },
  {
    name: 'flexflow-update-unknown-creates',
    description: 'Update of an unknown SID creates a flow under that SID (an upsert) instead of 404.',
    trips: ['FLEXFLOW-UPDATE-UNKNOWN-404'],
  },
  {
    name: 'flexflow-delete-returns-200',
    description: 'Delete answers 200 with the deleted flow instead of 204 with no body.',
    trips: ['FLEXFLOW-DELETE-RETURNS-204', 'WIRE-DELETE-204'],
  },
  {
    name: 'flexflow-delete-not-persisted',
    description: 'Delete answers 204 but the flow stays: fetch still finds it.',
    trips: ['FLEXFLOW-DELETE-THEN-404'],
  },

  // Listing and paging.
  {
    name: 'flexflow-list-key-results',
    description:
      'The list puts its records under "results" (and meta.key "results") instead of "flex_flows".',
    trips: [
      'FLEXFLOW-LIST-KEY-FLEX-FLOWS',
      'FLEXFLOW-LIST-CONTAINS-CREATED',
      'FLEXFLOW-PAGING-EVERY-ITEM-ONCE',
    ],
  },
  {
    name: 'flexflow-list-without-integration',
    description: 'List records are summaries without the integration object.',
    trips: ['FLEXFLOW-LIST-CONTAINS-CREATED'],
  },
  {
    name: 'flexflow-friendlyname-filter-ignored',
    description: 'The FriendlyName query parameter is ignored: the list holds every flow.',
    trips: ['FLEXFLOW-LIST-FILTER-FRIENDLYNAME', 'FLEXFLOW-PAGING-EVERY-ITEM-ONCE'],
  },
  {
    name: 'flexflow-pagesize-default-20',
    description: 'PageSize defaults to 20 instead of 50.',
    trips: ['FLEXFLOW-PAGESIZE-DEFAULT-50'],
  },
  {
    name: 'flexflow-pagesize-max-exclusive',
    description: 'PageSize 1000 is refused: the upper bound is checked with < instead of <=.',
    trips: ['FLEXFLOW-PAGESIZE-BOUNDS', 'FLEXFLOW-LIST-CONTAINS-CREATED'],
  },
  {
    name: 'flexflow-paging-drops-item',
    description: 'A paged list drops the first item of the second page.',
    trips: ['FLEXFLOW-PAGING-EVERY-ITEM-ONCE'],
  },
] as const satisfies readonly FaultSpec[];
