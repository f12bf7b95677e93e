import type { Domain } from '../../contracts/domains';
import type { FaultSpec, WireRequest, WireTransform } from './fault';
import { placeholderIntegration } from './flex-api';

/**
 * The bug of an implementation that stores before it validates: a POST to `path` of `domain` that
 * is answered 4xx is applied anyway. `applied` makes up the request it applied from the refused
 * form (the parameters it needed filled in); undefined applies nothing. The refusal is answered as is.
 */
export function storingRefused(
  domain: Domain,
  path: RegExp,
  applied: (form: URLSearchParams, request: WireRequest) => Record<string, string> | undefined,
): WireTransform {
  return {
    response: async (response, request, route, ctx) => {
      const refused =
        route?.domain === domain &&
        request.method === 'POST' &&
        path.test(request.path) &&
        response.status >= 400 &&
        response.status < 500;
      const form = refused ? applied(new URLSearchParams(request.body), request) : undefined;
      if (form) await ctx.call(domain, 'POST', request.path, form);
      return response;
    },
  };
}

const anyNumber = '+15005550006';

/** The refused form without the parameter it was refused for (the default takes its place); none when absent. */
const withoutRefused = (parameter: string) => (form: URLSearchParams) => {
  if (!form.has(parameter)) return undefined;
  const { [parameter]: _refused, ...rest } = Object.fromEntries(form);
  return rest;
};

/** A Studio definition that validates: a trigger and nothing after it. */
const emptyDefinition = JSON.stringify({
  description: 'stored despite a refusal',
  states: [{ name: 'Trigger', type: 'trigger', transitions: [], properties: {} }],
  initial_state: 'Trigger',
  flags: { allow_concurrent_calls: true },
});

/** Faults of refused creates and updates that leave a trace: the refusal is answered, the change is kept. */
export const storesRefusedFaults = [
  {
    name: 'studio-stores-refused-flow',
    description:
      'POST /v2/Flows stores the flow before validating it: a create refused (20001, 81022) leaves a draft flow under its FriendlyName.',
    trips: ['STF-STUDIO-FLOW-CREATE-REQUIRED', 'STF-REQUIRES-WORKFLOW', 'STF-REQUIRES-CHANNEL'],
    wire: storingRefused('studio', /^\/v2\/Flows$/, (form) => {
      const name = form.get('FriendlyName');
      return name ? { FriendlyName: name, Status: 'draft', Definition: emptyDefinition } : undefined;
    }),
  },
  {
    name: 'flexflow-unauthenticated-create-stored',
    description:
      'Authentication is checked after the create: POST /v1/FlexFlows without credentials or with a wrong secret is answered 401, but the flow is stored.',
    trips: ['WIRE-AUTH-BASIC-REQUIRED', 'WIRE-AUTH-WRONG-CREDENTIALS-401'],
    wire: storingRefused('flex-api', /^\/v1\/FlexFlows$/, (form) => Object.fromEntries(form)),
  },
  {
    name: 'flexflow-unauthenticated-update-applied',
    description:
      'Authentication is checked after the update: POST /v1/FlexFlows/{Sid} without credentials or with a wrong secret is answered 401, but the update is applied.',
    trips: ['WIRE-AUTH-BASIC-REQUIRED', 'WIRE-AUTH-WRONG-CREDENTIALS-401'],
    wire: storingRefused('flex-api', /^\/v1\/FlexFlows\/[^/]+$/, (form) => Object.fromEntries(form)),
  },
  {
    name: 'flexflow-refused-type-change-applied',
    description:
      "An update changing IntegrationType without the new type's parameters is answered 4xx but the type is changed anyway, with placeholder parameters.",
    trips: ['FLEXFLOW-UPDATE-INTEGRATION-TYPE-CHANGE'],
    wire: storingRefused('flex-api', /^\/v1\/FlexFlows\/[^/]+$/, (form) => {
      const type = form.get('IntegrationType');
      const placeholders = type === null ? undefined : placeholderIntegration[type];
      const bare = ![...form.keys()].some((key) => key.startsWith('Integration.'));
      return placeholders && bare ? { IntegrationType: type as string, ...placeholders } : undefined;
    }),
  },
  {
    name: 'taskrouter-task-stores-refused',
    description:
      'A task create refused for its Timeout (over 1,209,600) is answered 4xx but the task is created anyway, with the default Timeout.',
    trips: ['TR-TIMEOUT-MAX'],
    wire: storingRefused('taskrouter', /^\/v1\/Workspaces\/[^/]+\/Tasks$/, withoutRefused('Timeout')),
  },
  {
    name: 'taskrouter-workflow-stores-refused',
    description:
      'A Workflow create refused for its TaskReservationTimeout (over 86,400) is answered 4xx but the Workflow is created anyway, with the default.',
    trips: ['TR-WORKFLOW-RESERVATION-TIMEOUT'],
    wire: storingRefused(
      'taskrouter',
      /^\/v1\/Workspaces\/[^/]+\/Workflows$/,
      withoutRefused('TaskReservationTimeout'),
    ),
  },
  {
    name: 'taskrouter-reasonless-end-applied',
    description: 'Canceling or completing a task without a Reason is answered 4xx but the task ends anyway.',
    trips: ['TR-CANCEL-REQUIRES-REASON'],
    wire: storingRefused('taskrouter', /^\/v1\/Workspaces\/[^/]+\/Tasks\/[^/]+$/, (form) => {
      const status = form.get('AssignmentStatus');
      return (status === 'canceled' || status === 'completed') && !form.has('Reason')
        ? { AssignmentStatus: status, Reason: 'ended despite the refusal' }
        : undefined;
    }),
  },
  {
    name: 'studio-execution-stores-refused',
    description:
      'POST /v2/Flows/{Sid}/Executions without To or From is answered 400 but the execution starts anyway.',
    trips: ['TRANS-EXECUTION-CREATE'],
    wire: storingRefused('studio', /^\/v2\/Flows\/[^/]+\/Executions$/, (form) => ({
      To: form.get('To') ?? anyNumber,
      From: form.get('From') ?? anyNumber,
    })),
  },
  {
    name: 'conversations-webhook-stores-refused',
    description:
      'A conversation-scoped webhook without Target is answered 400 but stored as a plain webhook.',
    trips: ['CONV-SCOPED-WEBHOOK-TARGETS'],
    wire: storingRefused('conversations', /^\/v1\/Conversations\/[^/]+\/Webhooks$/, (form) =>
      form.has('Target') ? undefined : { ...Object.fromEntries(form), Target: 'webhook' },
    ),
  },
  {
    name: 'interaction-stores-refused',
    description:
      'POST /v1/Interactions without Channel is answered 400 but the Interaction is created anyway, as an SMS, and its Routing creates the task.',
    trips: ['CONV-INTERACTION-REQUIRES-CHANNEL'],
    wire: storingRefused('flex-api', /^\/v1\/Interactions$/, (form) =>
      form.has('Channel')
        ? undefined
        : { ...Object.fromEntries(form), Channel: JSON.stringify({ type: 'sms', initiated_by: 'customer' }) },
    ),
  },
  {
    name: 'interaction-channel-closes-when-refused',
    description:
      'Status=inactive on an Interaction channel without Routing is answered 400 but the channel is made inactive anyway.',
    trips: ['CONV-INTERACTION-INACTIVE-NEEDS-ROUTING'],
    wire: storingRefused('flex-api', /^\/v1\/Interactions\/[^/]+\/Channels\/[^/]+$/, (form) =>
      form.get('Status') === 'inactive' && !form.has('Routing')
        ? { Status: 'inactive', Routing: '{"status":"closed"}' }
        : undefined,
    ),
  },
  {
    name: 'flex-channel-stores-refused',
    description:
      'POST /v1/Channels and /v1/WebChannels missing a required parameter are answered 400 but the channel is opened anyway on the Flex Flow named.',
    trips: ['MSG-CHANNEL-CREATE-REQUIRED', 'MSG-WEBCHANNEL-CREATE-REQUIRED'],
    wire: storingRefused('flex-api', /^\/v1\/(Web)?Channels$/, (form) => {
      const flexFlowSid = form.get('FlexFlowSid');
      if (!flexFlowSid) return undefined;
      const identity = form.get('Identity') ?? 'stored-despite-refusal';
      return {
        FlexFlowSid: flexFlowSid,
        Identity: identity,
        ChatUserFriendlyName: form.get('ChatUserFriendlyName') ?? identity,
        CustomerFriendlyName: form.get('CustomerFriendlyName') ?? identity,
        ChatFriendlyName: form.get('ChatFriendlyName') ?? 'Support',
      };
    }),
  },
] as const satisfies readonly FaultSpec[];
