import type { RuleSpec } from './types';

/**
 * Twilio wire conventions shared by every API the suite touches (Flex, TaskRouter, Studio,
 * Conversations): authentication, error bodies, encodings, status codes, paging `meta`.
 * The seeds say little about these; most rules rest on the reference notes.
 */
export const wireRules = [
  // ---------------------------------------------------------------- authentication
  {
    id: 'WIRE-AUTH-BASIC-REQUIRED',
    area: 'wire',
    title: 'Requests without HTTP Basic credentials get 401 / 20003',
    statement:
      'A request to any endpoint without an Authorization header gets HTTP 401 with a Twilio error body whose code ' +
      'is 20003, and has no effect.',
    severity: 'must',
    sources: [
      {
        doc: '003_9b6237a88e7de24f.txt',
        quote: 'You can just take a look (, use your Account SID and Token for security) if nothing else.',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'all ops `security: accountSid_authToken` = HTTP Basic.',
      },
      { doc: 'reference/twilio-wire-facts.md', quote: '**20003 / 401**' },
    ],
  },
  {
    id: 'WIRE-AUTH-WRONG-CREDENTIALS-401',
    area: 'wire',
    title: 'Requests with wrong credentials get 401 / 20003',
    statement:
      'A request whose Basic credentials name an unknown Account SID or API key SID, or carry a secret that is not ' +
      "that SID's own (a wrong auth token, a wrong key secret, the auth token with an API key, a key's secret with " +
      'the Account SID), gets HTTP 401 with code 20003, and has no effect. Checked with both credential kinds.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'all ops `security: accountSid_authToken` = HTTP Basic.',
      },
      { doc: 'reference/twilio-wire-facts.md', quote: '**20003 / 401**' },
    ],
  },
  {
    id: 'WIRE-AUTH-API-KEY-ACCEPTED',
    area: 'wire',
    title: 'An API key SID with its secret authenticates as the account',
    statement:
      "HTTP Basic with an API key SID (SK…) as user name and the key's secret as password is served as the " +
      "key's account, as with the Account SID and auth token. The documents name only the Account SID and auth " +
      "token and point to Twilio's security page, so this is `should`.",
    severity: 'should',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'all ops `security: accountSid_authToken` = HTTP Basic.',
      },
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: 'Find your Account SID and Auth Token at twilio.com/console',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'See http://twil.io/secure' },
    ],
  },
  {
    id: 'WIRE-AUTH-MESSAGE-AUTHENTICATE',
    area: 'wire',
    title: 'The 401 message is "Authenticate" (third-party evidence only)',
    statement:
      'The message of the 401 error body is "Authenticate". Only a third-party page shows it, so it is reported.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '**20003 / 401** `"message": "Authenticate"` (third-party page only).',
      },
    ],
  },

  // ---------------------------------------------------------------- errors
  {
    id: 'WIRE-ERROR-BODY-SHAPE',
    area: 'wire',
    title: 'Error bodies are {code, message, more_info, status}',
    statement:
      'Every 4xx/5xx response has a JSON body with an integer code, a string message, a more_info URL and an ' +
      'integer status equal to the HTTP status of the response.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Error body: `{"code": <int>, "message": <str>, "more_info": <url>, "status": <http int>}`',
      },
    ],
  },
  {
    id: 'WIRE-ERROR-MORE-INFO-LINK',
    area: 'wire',
    title: 'more_info links to the error code page',
    statement:
      'more_info is https://www.twilio.com/docs/errors/<code>. Shown only in recorded error bodies, so reported.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '"more_info": "https://www.twilio.com/docs/errors/20001", "status": 400}',
      },
    ],
  },
  {
    id: 'WIRE-MISSING-PARAM-400-20001',
    area: 'wire',
    title: 'A missing required parameter gets 400 / 20001',
    statement:
      'A create whose form body lacks a required parameter gets HTTP 400 with code 20001 and creates nothing.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '**20001 / 400** missing param, raw body: `{"code": 20001, "message": "Missing required parameter Identity in the post body",',
      },
    ],
  },
  {
    id: 'WIRE-MISSING-PARAM-MESSAGE',
    area: 'wire',
    title: 'The 20001 message names the parameter',
    statement:
      'The message of a 20001 error reads "Missing required parameter <Name> in the post body". Reported, not enforced.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '"message": "Missing required parameter Identity in the post body"',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          'same wording for Studio `To` (twilio/twilio-go#250) and `FriendlyName` (nash-md/twilio-contact-center#18).',
      },
    ],
  },
  {
    id: 'WIRE-UNKNOWN-RESOURCE-404-20404',
    area: 'wire',
    title: 'An unknown resource gets 404 / 20404',
    statement:
      'A fetch, update or delete of a well-formed SID that does not exist gets HTTP 404 with code 20404.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '**20404 / 404**: raw `{"code": 20404, "message": "The requested resource',
      },
    ],
  },

  // ---------------------------------------------------------------- encodings
  {
    id: 'WIRE-FORM-ENCODED-REQUESTS',
    area: 'wire',
    title: 'Request bodies are application/x-www-form-urlencoded with dotted keys',
    statement:
      'Create and update accept application/x-www-form-urlencoded bodies with PascalCase names, including dotted ' +
      'names such as Integration.FlowSid and Integration.RetryCount.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'application/x-www-form-urlencoded' },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Request bodies\n  are `application/x-www-form-urlencoded`; responses `application/json`.',
      },
    ],
  },
  {
    id: 'WIRE-FORM-BOOLEANS',
    area: 'wire',
    title: 'Form booleans are the strings "true" and "false"',
    statement:
      'Boolean parameters sent as "true" / "false" are stored as JSON booleans true / false; objects sent as JSON ' +
      'strings are accepted.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Form encoding: bool→`"true"/"false"`, object→`JSON.stringify`, array→repeated\n  keys',
      },
    ],
  },
  {
    id: 'WIRE-JSON-RESPONSES',
    area: 'wire',
    title: 'Responses with a body are application/json',
    statement:
      'Every response with a body (success or error) has Content-Type application/json and a JSON body.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Request bodies\n  are `application/x-www-form-urlencoded`; responses `application/json`.',
      },
    ],
  },
  {
    id: 'WIRE-SNAKE-CASE-FIELDS',
    area: 'wire',
    title: 'Response fields are snake_case',
    statement:
      'Resource fields in responses are snake_case (chat_service_sid, integration_type, long_lived) although the ' +
      'request parameters are PascalCase (ChatServiceSid, IntegrationType, LongLived).',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"chat_service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'chatServiceSid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"' },
    ],
  },

  // ---------------------------------------------------------------- status codes
  {
    id: 'WIRE-CREATE-201',
    area: 'wire',
    title: 'Creates return 201',
    statement:
      'A successful create of a Flex Flow, Flex chat channel, TaskRouter Task, Studio Flow, Studio Execution or ' +
      'Conversation-scoped webhook returns HTTP 201.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Interaction create returns 200 while all other creates here return 201.',
      },
    ],
  },
  {
    id: 'WIRE-INTERACTIONS-CREATE-200',
    area: 'wire',
    title: 'POST /v1/Interactions returns 200, not 201',
    statement:
      'A successful POST /v1/Interactions returns HTTP 200; the 200 only means the request was accepted.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '`POST /v1/Interactions` (CreateInteraction) → **200** (not 201).',
      },
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: "--- POST /v1/Interactions opId=CreateInteraction responses=['200']",
      },
    ],
  },
  {
    id: 'WIRE-DELETE-204',
    area: 'wire',
    title: 'Deletes return 204 with no body',
    statement: 'A successful delete returns HTTP 204 with an empty body.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: "--- DELETE /v1/FlexFlows/{Sid} opId=DeleteFlexFlow responses=['204']",
      },
    ],
  },

  // ---------------------------------------------------------------- paging
  {
    id: 'WIRE-PAGING-META-FIELDS',
    area: 'wire',
    title:
      'List pages carry meta {page, page_size, first_page_url, previous_page_url, url, next_page_url, key}',
    statement:
      'Every list response has a meta object with page (integer), page_size (integer), first_page_url, ' +
      'previous_page_url, url, next_page_url and key, and the records under the property named by meta.key.',
    severity: 'must',
    sources: [
      {
        doc: '004_4af5ab78ff31b1e9.txt',
        quote: '"first_page_url": "https://flex-api.twilio.com/v1/FlexFlows?PageSize=50&Page=0"',
      },
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '`meta{page, page_size, first_page_url, previous_page_url, url, next_page_url, key}`',
      },
    ],
  },
  {
    id: 'WIRE-PAGING-URLS-ABSOLUTE',
    area: 'wire',
    title: 'Paging URLs are absolute and point at the target itself',
    statement:
      'first_page_url, url and any non-null next_page_url / previous_page_url are absolute URLs on the host that ' +
      'served the page, so a client can follow them verbatim.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'an emulator\n  must emit next/prev URLs pointing at itself.',
      },
    ],
  },
  {
    id: 'WIRE-PAGING-ENDS-NULL',
    area: 'wire',
    title: 'previous_page_url is null on the first page, next_page_url null on the last',
    statement:
      'On page 0 previous_page_url is null; on the last page next_page_url is null; on a single page both are null ' +
      'and first_page_url equals url.',
    severity: 'must',
    sources: [
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"previous_page_url": null' },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: '"next_page_url": null' },
    ],
  },
  {
    id: 'WIRE-PAGING-FILTERS-ECHOED',
    area: 'wire',
    title: 'List filters are echoed into the paging URLs',
    statement:
      'Query filters (e.g. FriendlyName) reappear in url and next_page_url, so following next_page_url keeps the ' +
      'filter. Seen in examples only; reported.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Filters are echoed into page URLs',
      },
    ],
  },
  {
    id: 'WIRE-PAGETOKEN-INVALID',
    area: 'wire',
    title: 'An invalid PageToken is refused (21481, status undocumented)',
    statement:
      'A list request with a forged PageToken is refused with code 21481; the HTTP status is not documented and ' +
      'is reported.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote:
          '**21481** "Invalid PageToken …\n  be sure you are requesting the provided paging urls" (status not stated).',
      },
    ],
  },
] as const satisfies readonly RuleSpec[];
