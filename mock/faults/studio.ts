import { TwilioError } from '../core/errors';
import { isJsonObject, parseJsonObject } from '../core/json';
import type { DomainCall } from '../core/module';
import type { MockResponse } from '../core/router';
import { toJson } from '../studio/liquid';
import {
  referenceStudioBehaviour,
  type SendToFlexBehaviour,
  type SendToFlexProperty,
  type SendToFlexTrigger,
} from '../studio/studio-behaviour';
import {
  defaultingParameter,
  type FaultSpec,
  jsonBodyOf,
  onRoute,
  type WireRequest,
  type WireTransform,
} from './fault';

type Json = Record<string, unknown>;

/** POST /v2/Flows or /v2/Flows/Validate: the requests that create (or validate) a flow. */
const isFlowCreate = (request: WireRequest) =>
  request.method === 'POST' &&
  request.domain === 'studio' &&
  (request.path === '/v2/Flows' || request.path === '/v2/Flows/Validate');

/** Rewrites each execution Studio answers with (create, fetch, update, list) and each execution Context. */
function rewritingExecutions(rewrite: (execution: Json) => Json): WireTransform {
  const base = '/v2/Flows/:FlowSid/Executions';
  const routes = [`${base}`, `${base}/:Sid`, `${base}/:Sid/Context`];
  return {
    response: (response, _request, route) => {
      const body = jsonBodyOf(response);
      if (route?.domain !== 'studio' || !routes.includes(route.pattern) || !body) return response;
      if (Array.isArray(body.executions))
        return {
          ...response,
          body: { ...body, executions: body.executions.map((item: Json) => rewrite(item)) },
        };
      return { ...response, body: rewrite(body) };
    },
  };
}

/** Rewrites each Step Studio answers with (fetch, list). */
function rewritingSteps(rewrite: (step: Json) => Json): WireTransform {
  const steps = '/v2/Flows/:FlowSid/Executions/:Sid/Steps';
  return {
    response: (response, _request, route) => {
      const body = jsonBodyOf(response);
      if (route?.domain !== 'studio' || route.method !== 'GET' || !body) return response;
      if (route.pattern === steps && Array.isArray(body.steps))
        return { ...response, body: { ...body, steps: body.steps.map((item: Json) => rewrite(item)) } };
      if (route.pattern === `${steps}/:StepSid`) return { ...response, body: rewrite(body) };
      return response;
    },
  };
}

/** Rewrites the steps `rewritingSteps` would, of the executions a trigger of this kind started only. */
function rewritingStepsOf(
  kind: 'call' | 'message' | 'conversation',
  rewrite: (step: Json) => Json,
): WireTransform {
  const rewriting = rewritingSteps(rewrite).response!;
  return {
    response: async (response, request, route, ctx) => {
      const [, flowSid, executionSid] =
        /^\/v2\/Flows\/(\w+)\/Executions\/(\w+)\/Steps/.exec(request.path) ?? [];
      if (!flowSid || !executionSid) return response;
      const context = await ctx.call(
        'studio',
        'GET',
        `/v2/Flows/${flowSid}/Executions/${executionSid}/Context`,
      );
      const trigger = (context.body as { context?: { trigger?: unknown } } | undefined)?.context?.trigger;
      return isJsonObject(trigger) && kind in trigger ? rewriting(response, request, route, ctx) : response;
    },
  };
}

/** Rewrites the `<Enqueue …>` opening tag of the TwiML a flow's voice webhook answers with. */
const rewritingEnqueue = (rewrite: (enqueue: string) => string): WireTransform =>
  onRoute('webhooks', 'POST', '/v1/Accounts/:AccountSid/Flows/:FlowSid', (response: MockResponse) =>
    response.text === undefined
      ? response
      : { ...response, text: response.text.replace(/<Enqueue\b[^>]*>/, (enqueue) => rewrite(enqueue)) },
  );

/** The properties Send to Flex renders with Liquid, but one. */
const renderedExcept = (property: SendToFlexProperty) =>
  referenceStudioBehaviour.sendToFlex.renderedProperties.filter((name) => name !== property);

/** Nested objects and arrays of the attributes as JSON text. */
function stringifyNested(attributes: Json | undefined): Json | undefined {
  if (!attributes) return attributes;
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
    ]),
  );
}

/** The attributes with their longest string value shortened until their JSON holds at most `max` characters. */
function cutToFit(attributes: Json | undefined, max: number): Json | undefined {
  if (!attributes) return attributes;
  const cut = { ...attributes };
  const longest = Object.keys(cut)
    .filter((key) => typeof cut[key] === 'string')
    .sort((a, b) => String(cut[b]).length - String(cut[a]).length)[0];
  if (longest === undefined) return cut;
  const over = JSON.stringify(cut).length - max;
  if (over > 0) cut[longest] = String(cut[longest]).slice(0, Math.max(0, String(cut[longest]).length - over));
  return cut;
}

/** The first workflow of the workspace, whatever the widget's. */
async function firstWorkflowOf(call: DomainCall, workspaceSid: string, workflowSid: string): Promise<string> {
  const list = await call('taskrouter', 'GET', `/v1/Workspaces/${workspaceSid}/Workflows?PageSize=1`);
  const first = (list.body as { workflows?: Array<{ sid?: unknown }> } | undefined)?.workflows?.[0]?.sid;
  return typeof first === 'string' ? first : workflowSid;
}

/** Send to Flex behaving as the reference for every trigger but `only`, where `change` applies. */
const onlyThrough = (
  only: SendToFlexTrigger,
  change: (behaviour: SendToFlexBehaviour) => SendToFlexBehaviour,
): FaultSpec['behaviour'] => ({
  studio: {
    sendToFlex: {
      forTrigger: (trigger: SendToFlexTrigger, behaviour: SendToFlexBehaviour) =>
        trigger === only ? change(behaviour) : behaviour,
    },
  },
});

/** Twilio's own hold music, which a careless implementation might write in when no URL is set. */
const twilioHoldMusic = 'http://twimlets.com/holdmusic?Bucket=com.twilio.music.classical';

/**
 * Deliberate bugs in Studio: flow validation, executions, the engine, Liquid and the Send to Flex
 * widget. Most override Studio's behaviour values (mock/studio/studio-behaviour.ts); those visible
 * only in a response (an error code, a step's field, the TwiML) rewrite it on the wire.
 */
export const studioFaults = [
  // ---------------------------------------------------------------- flows and validation
  {
    name: 'studio-flow-status-optional',
    description: 'POST /v2/Flows without Status is accepted as a draft.',
    trips: ['STF-STUDIO-FLOW-CREATE-REQUIRED'],
    wire: defaultingParameter(isFlowCreate, 'Status', 'draft'),
  },
  {
    name: 'studio-validate-creates-flow',
    description: 'POST /v2/Flows/Validate stores the flow it validates.',
    trips: ['STF-STUDIO-VALIDATE-OK'],
    wire: onRoute('studio', 'POST', '/v2/Flows/Validate', async (response, request, _route, ctx) => {
      if (response.status === 200)
        await ctx.call('studio', 'POST', '/v2/Flows', Object.fromEntries(new URLSearchParams(request.body)));
      return response;
    }),
  },
  {
    name: 'studio-invalid-definition-20001',
    description: 'An invalid definition is refused with 20001 and no details instead of 81022.',
    trips: ['STF-STUDIO-INVALID-DEFINITION-81022'],
    wire: {
      response: (response) =>
        jsonBodyOf(response)?.code === 81022
          ? {
              ...response,
              status: 400,
              body: new TwilioError(400, 20001, 'Invalid parameter Definition').toBody(),
            }
          : response,
    },
  },
  {
    name: 'studio-duplicate-names-accepted',
    description: 'Two widgets may share a name.',
    trips: ['STF-STUDIO-UNIQUE-WIDGET-NAMES'],
    behaviour: { studio: { definition: { uniqueWidgetNames: false } } },
  },
  {
    name: 'studio-dangling-transition-accepted',
    description: 'A transition may lead to a widget that does not exist.',
    trips: ['STF-STUDIO-TRANSITION-TARGET-EXISTS'],
    behaviour: { studio: { definition: { transitionTargetsExist: false } } },
  },
  {
    name: 'studio-stf-workflow-optional',
    description: 'A send-to-flex widget without a workflow passes validation.',
    trips: ['STF-REQUIRES-WORKFLOW'],
    behaviour: { studio: { definition: { sendToFlex: { requiredProperties: ['channel'] } } } },
  },
  {
    name: 'studio-stf-channel-optional',
    description: 'A send-to-flex widget without a channel passes validation.',
    trips: ['STF-REQUIRES-CHANNEL'],
    behaviour: { studio: { definition: { sendToFlex: { requiredProperties: ['workflow'] } } } },
  },
  {
    name: 'studio-stf-rejects-callfailure',
    description: 'Validation refuses the callFailure transition of a send-to-flex widget.',
    trips: ['TRANS-WIDGET-THREE-EVENTS'],
    behaviour: { studio: { definition: { sendToFlex: { events: ['callComplete', 'failedToEnqueue'] } } } },
  },
  {
    name: 'studio-widget-schema-strict',
    description: 'Validation refuses every send-to-flex property but workflow, channel and attributes.',
    trips: ['STF-WIDGET-JSON-SHAPE'],
    behaviour: {
      studio: { definition: { sendToFlex: { properties: ['workflow', 'channel', 'attributes', 'offset'] } } },
    },
  },
  {
    name: 'stf-attributes-nested-stringified',
    description: 'Nested objects and arrays in the attributes reach the task as JSON strings.',
    trips: ['STF-ATTRIBUTES-BECOME-TASK-ATTRIBUTES'],
    behaviour: {
      studio: { sendToFlex: { attributesOf: (rendered) => stringifyNested(parseJsonObject(rendered)) } },
    },
  },
  {
    name: 'stf-attributes-limit-off-by-one',
    description: 'Attributes of exactly 1024 characters are refused.',
    trips: ['STF-ATTRIBUTES-MAX-1024'],
    behaviour: { studio: { definition: { sendToFlex: { attributesMaxLength: 1023 } } } },
  },
  // ---------------------------------------------------------------- executions
  {
    name: 'stf-attributes-limit-in-bytes',
    description:
      'The 1024 limit of the attributes counts UTF-8 bytes, refusing non-ASCII text of 1024 characters.',
    trips: ['STF-ATTRIBUTES-MAX-1024'],
    behaviour: {
      studio: {
        definition: { sendToFlex: { attributesLength: (text: string) => Buffer.byteLength(text, 'utf8') } },
      },
    },
  },
  {
    name: 'stf-message-attributes-cut-to-fit',
    description:
      "A message's attributes that render past 1024 characters are cut to fit (the longest value shortened), not refused.",
    trips: ['STF-ATTRIBUTES-MAX-1024'],
    behaviour: onlyThrough('message', (behaviour) => ({
      ...behaviour,
      attributesOf: (rendered) => cutToFit(behaviour.attributesOf(rendered), 1024),
    })),
  },
  {
    name: 'stf-conversation-unbuildable-call-failure',
    description:
      "Attributes that do not render to a JSON object make a conversation's widget take callFailure (TaskRouter refusals still take failedToEnqueue).",
    trips: ['LIQUID-INVALID-RENDERED-JSON'],
    behaviour: onlyThrough('conversation', (behaviour) => ({
      ...behaviour,
      outcomeEvents: { ...behaviour.outcomeEvents, taskUnbuildable: 'callFailure' },
    })),
  },
  {
    name: 'studio-execution-from-optional',
    description: 'POST /v2/Flows/{Sid}/Executions without From is accepted.',
    trips: ['TRANS-EXECUTION-CREATE'],
    behaviour: { studio: { executions: { requiredOnCreate: ['To'] } } },
  },
  {
    name: 'studio-steps-missing-transitioned-to',
    description: 'Steps always say transitioned_to "Ended", whatever widget follows.',
    trips: ['TRANS-EXECUTION-STEPS-RECORD-TRANSITIONS'],
    wire: rewritingSteps((step) => ({ ...step, transitioned_to: 'Ended' })),
  },
  {
    name: 'studio-context-without-widgets',
    description: 'The execution context leaves out the widgets variables.',
    trips: ['TRANS-EXECUTION-CONTEXT-WIDGET-VARIABLES'],
    wire: rewritingExecutions(({ context, ...execution }) => {
      if (!isJsonObject(context)) return { ...execution, context };
      const { widgets: _hidden, ...visible } = context;
      return { ...execution, context: visible };
    }),
  },
  {
    name: 'studio-conversation-context-without-widgets',
    description:
      'The execution context of a conversation leaves out the widgets variables (calls and messages keep them).',
    trips: ['TRANS-EXECUTION-CONTEXT-WIDGET-VARIABLES'],
    wire: rewritingExecutions(({ context, ...execution }) => {
      if (!isJsonObject(context) || !isJsonObject(context.trigger) || !('conversation' in context.trigger))
        return { ...execution, context };
      const { widgets: _hidden, ...visible } = context;
      return { ...execution, context: visible };
    }),
  },
  {
    name: 'studio-message-steps-transitioned-to-ended',
    description:
      'The steps of a legacy chat message say transitioned_to "Ended", whatever widget follows (calls and conversations name it).',
    trips: ['TRANS-EXECUTION-STEPS-RECORD-TRANSITIONS'],
    wire: rewritingStepsOf('message', (step) => ({ ...step, transitioned_to: 'Ended' })),
  },
  {
    name: 'studio-http-response-not-parsed',
    description:
      'A JSON response of make-http-request / run-function is not parsed into widgets.<name>.parsed.',
    trips: ['LIQUID-PARSED-JSON-RESPONSE'],
    behaviour: { studio: { httpRequest: { parsedContentTypes: [] } } },
  },
  {
    name: 'studio-message-http-response-not-parsed',
    description:
      'In a flow a chat message started, a JSON response of make-http-request / run-function is not parsed (calls and conversations parse it).',
    trips: ['LIQUID-PARSED-JSON-RESPONSE'],
    behaviour: {
      studio: { httpRequest: { parsedContentTypesFor: (data, types) => (data === 'message' ? [] : types) } },
    },
  },
  // ---------------------------------------------------------------- Liquid
  {
    name: 'liquid-not-rendered',
    description: 'The attributes template is used as written, without Liquid rendering.',
    trips: ['LIQUID-ATTRIBUTES-RENDERED', 'STF-VOICE-DEFAULT-ATTRIBUTES'],
    behaviour: { studio: { sendToFlex: { renderedProperties: renderedExcept('attributes') } } },
  },
  {
    name: 'liquid-conversation-attributes-not-rendered',
    description:
      'For a conversation the attributes template is used as written, without Liquid (calls and messages render it).',
    trips: ['LIQUID-ATTRIBUTES-RENDERED'],
    behaviour: onlyThrough('conversation', (b) => ({
      ...b,
      renderedProperties: b.renderedProperties.filter((name) => name !== 'attributes'),
    })),
  },
  {
    name: 'liquid-to-json-string',
    description: 'to_json emits a JSON string holding the serialised value instead of the value.',
    trips: ['LIQUID-TO-JSON-OBJECT'],
    behaviour: { studio: { liquid: { toJson: (value) => JSON.stringify(toJson(value)) } } },
  },
  // ---------------------------------------------------------------- Send to Flex: task settings
  {
    name: 'stf-channel-ignored',
    description: "Tasks are created on the default Task Channel whatever the widget's channel.",
    trips: ['STF-CHANNEL-ON-TASK', 'STF-MESSAGE-CREATES-TASK'],
    behaviour: { studio: { sendToFlex: { taskSettings: ['priority', 'timeout'] } } },
  },
  {
    name: 'stf-workflow-from-first-in-workspace',
    description: "Tasks go through the workspace's first workflow instead of the widget's.",
    trips: ['STF-WORKFLOW-SID-ON-WIDGET'],
    behaviour: { studio: { sendToFlex: { workflowOf: firstWorkflowOf } } },
  },
  {
    name: 'stf-priority-default-1',
    description: 'A widget without a priority creates tasks with priority 1.',
    trips: ['STF-PRIORITY-DEFAULT-0'],
    behaviour: { studio: { sendToFlex: { defaults: { priority: '1' } } } },
  },
  {
    name: 'stf-priority-ignored',
    description: "The widget's priority is never sent to TaskRouter.",
    trips: ['STF-PRIORITY-PASSED-TO-TASK', 'STF-PRIORITY-ORDERS-QUEUE'],
    behaviour: { studio: { sendToFlex: { taskSettings: ['channel', 'timeout'] } } },
  },
  {
    name: 'stf-string-values-ignored',
    description: 'Priority and timeout written as strings (the export format) are ignored.',
    trips: ['STF-WIDGET-VALUES-AS-STRINGS'],
    behaviour: { studio: { sendToFlex: { numberPropertyTypes: ['number'] } } },
  },
  {
    name: 'stf-timeout-default-60',
    description: 'A widget without a timeout creates tasks with a 60-second timeout.',
    trips: ['STF-TIMEOUT-DEFAULT'],
    behaviour: { studio: { sendToFlex: { defaults: { timeout: '60' } } } },
  },
  {
    name: 'stf-timeout-ignored',
    description: "The widget's timeout is never sent to TaskRouter.",
    trips: ['STF-TIMEOUT-PASSED-TO-TASK'],
    behaviour: { studio: { sendToFlex: { taskSettings: ['channel', 'priority'] } } },
  },
  {
    name: 'stf-timeout-max-one-week',
    description: 'Timeouts above one week are clamped to 604,800 seconds.',
    trips: ['STF-TIMEOUT-MAX-TWO-WEEKS'],
    behaviour: { studio: { sendToFlex: { timeoutMax: 604_800 } } },
  },
  // ---------------------------------------------------------------- Send to Flex: one trigger only
  {
    name: 'stf-conversation-priority-default-1',
    description: 'A widget without a priority gives a conversation’s task priority 1 (calls and messages 0).',
    trips: ['STF-PRIORITY-DEFAULT-0'],
    behaviour: onlyThrough('conversation', (b) => ({ ...b, defaults: { ...b.defaults, priority: '1' } })),
  },
  {
    name: 'stf-message-priority-ignored',
    description: 'For a legacy chat message the widget’s priority is never sent to TaskRouter.',
    trips: ['STF-PRIORITY-PASSED-TO-TASK', 'STF-MESSAGE-CREATES-TASK', 'STF-PRIORITY-ORDERS-QUEUE'],
    behaviour: onlyThrough('message', (b) => ({ ...b, taskSettings: ['channel', 'timeout'] })),
  },
  {
    name: 'stf-call-priority-ignored',
    description:
      'For a call the widget’s priority never reaches the Enqueue’s task (messages and conversations pass it).',
    trips: ['STF-PRIORITY-PASSED-TO-TASK', 'STF-PRIORITY-ORDERS-QUEUE'],
    behaviour: onlyThrough('call', (b) => ({ ...b, taskSettings: ['channel', 'timeout'] })),
  },
  {
    name: 'stf-message-timeout-default-60',
    description:
      'A widget without a timeout gives a message’s task 60 seconds (calls and conversations 3600).',
    trips: ['STF-TIMEOUT-DEFAULT'],
    behaviour: onlyThrough('message', (b) => ({ ...b, defaults: { ...b.defaults, timeout: '60' } })),
  },
  {
    name: 'stf-conversation-timeout-max-one-week',
    description: 'A conversation’s task timeout is clamped to one week (604,800 s).',
    trips: ['STF-TIMEOUT-MAX-TWO-WEEKS', 'STF-TIMEOUT-PASSED-TO-TASK'],
    behaviour: onlyThrough('conversation', (b) => ({ ...b, timeoutMax: 604_800 })),
  },
  {
    name: 'stf-conversation-channel-ignored',
    description: 'A conversation’s task is on the default Task Channel whatever the widget’s channel.',
    trips: ['STF-CHANNEL-ON-TASK', 'TRANS-FAILED-TASKROUTER-ERROR'],
    behaviour: onlyThrough('conversation', (b) => ({ ...b, taskSettings: ['priority', 'timeout'] })),
  },
  {
    name: 'stf-message-attributes-nested-stringified',
    description: 'For a legacy chat message, nested attribute values reach the task as JSON text.',
    trips: ['STF-ATTRIBUTES-BECOME-TASK-ATTRIBUTES'],
    behaviour: onlyThrough('message', (b) => ({
      ...b,
      attributesOf: (rendered) => stringifyNested(b.attributesOf(rendered)),
    })),
  },
  {
    name: 'stf-conversation-number-values-ignored',
    description:
      'For a conversation, priority and timeout written as JSON numbers are ignored (strings are read).',
    trips: ['STF-WIDGET-VALUES-AS-STRINGS'],
    behaviour: onlyThrough('conversation', (b) => ({ ...b, numberPropertyTypes: ['string'] })),
  },
  {
    name: 'stf-conversation-tasksid-not-stored',
    description: 'For a conversation the widget does not store TaskSid (calls and messages do).',
    trips: ['TRANS-VAR-TASKSID'],
    behaviour: onlyThrough('conversation', (b) => ({
      ...b,
      storedVariables: b.storedVariables.filter((name) => name !== 'TaskSid'),
    })),
  },
  {
    name: 'stf-negative-priority-as-0',
    description: 'A negative priority on the widget is sent to TaskRouter as 0 instead of being refused.',
    trips: ['TRANS-FAILED-TASKROUTER-ERROR', 'TRANS-FAILED-VOICE-ENQUEUE'],
    behaviour: {
      studio: {
        sendToFlex: {
          numberText: (name: 'priority' | 'timeout', text: string) =>
            name === 'priority' && /^-\d+$/.test(text) ? '0' : text,
        },
      },
    },
  },
  {
    name: 'stf-priority-text-read-as-0',
    description: 'A priority that is no number is sent to TaskRouter as 0 instead of being refused.',
    trips: ['TRANS-FAILED-TASKROUTER-ERROR', 'TRANS-FAILED-VOICE-ENQUEUE'],
    behaviour: {
      studio: {
        sendToFlex: {
          numberText: (name: 'priority' | 'timeout', text: string) =>
            name === 'priority' && !/^-?\d+$/.test(text) ? '0' : text,
        },
      },
    },
  },
  // ---------------------------------------------------------------- Send to Flex: voice
  {
    name: 'stf-voice-enqueue-missing-workflowsid',
    description: 'The Enqueue TwiML has no workflowSid attribute.',
    trips: ['STF-CALL-ENQUEUED'],
    wire: rewritingEnqueue((enqueue) => enqueue.replace(/ workflowSid="[^"]*"/, '')),
  },
  {
    name: 'stf-default-wait-url',
    description: "Without a hold music URL, Twilio's classical hold music URL is written into the TwiML.",
    trips: ['STF-CALL-HOLD-MUSIC-DEFAULT'],
    behaviour: { studio: { sendToFlex: { waitUrlDefault: twilioHoldMusic } } },
  },
  {
    name: 'stf-wait-url-unrendered',
    description: 'The hold music URL is used as written, without Liquid rendering.',
    trips: ['STF-CALL-HOLD-MUSIC-URL'],
    behaviour: { studio: { sendToFlex: { renderedProperties: renderedExcept('waitUrl') } } },
  },
  {
    name: 'stf-wait-method-dropped',
    description: 'waitUrlMethod never reaches the TwiML.',
    trips: ['STF-HOLD-MUSIC-METHOD'],
    wire: rewritingEnqueue((enqueue) => enqueue.replace(/ waitUrlMethod="[^"]*"/, '')),
  },
  {
    name: 'stf-voice-complete-before-action',
    description: 'callComplete is recorded when the TwiML is answered, before the action URL is requested.',
    trips: ['TRANS-TASK-CREATED-VOICE', 'TRANS-FAILED-VOICE-ENQUEUE', 'TRANS-CALL-FAILED-SYSTEM-ERROR'],
    behaviour: { studio: { sendToFlex: { transitionTiming: { call: 'twiml-answered' } } } },
  },
  {
    name: 'stf-voice-enqueue-error-completes',
    description: 'A call that could not be enqueued takes callComplete.',
    trips: ['TRANS-FAILED-VOICE-ENQUEUE'],
    behaviour: { studio: { sendToFlex: { outcomeEvents: { callNotEnqueued: 'callComplete' } } } },
  },
  {
    name: 'stf-system-error-as-failed-enqueue',
    description: 'QueueResult=system-error takes failedToEnqueue instead of callFailure.',
    trips: ['TRANS-CALL-FAILED-SYSTEM-ERROR'],
    behaviour: { studio: { sendToFlex: { outcomeEvents: { callSystemError: 'failedToEnqueue' } } } },
  },
  {
    name: 'stf-redirected-from-bridged-call-failure',
    description: 'QueueResult=redirected-from-bridged (the call left the queue) takes callFailure.',
    trips: ['TRANS-TASK-CREATED-VOICE', 'TRANS-CALL-FAILED-SYSTEM-ERROR'],
    behaviour: {
      studio: { sendToFlex: { queueResults: { callFailed: ['system-error', 'redirected-from-bridged'] } } },
    },
  },
  {
    name: 'stf-queue-full-completes',
    description: 'QueueResult=queue-full (the call never joined the queue) takes callComplete.',
    trips: ['TRANS-FAILED-VOICE-ENQUEUE'],
    behaviour: { studio: { sendToFlex: { queueResults: { notEnqueued: ['error'] } } } },
  },
  // ---------------------------------------------------------------- Send to Flex: messages
  {
    name: 'stf-message-task-created-after-transition',
    description: 'Messages take callComplete first and create the task afterwards.',
    trips: ['TRANS-TASK-CREATED-MESSAGE'],
    behaviour: { studio: { sendToFlex: { transitionTiming: { message: 'before-task' } } } },
  },
  {
    name: 'stf-taskrouter-error-completes',
    description: 'A TaskRouter error for a message or conversation takes callComplete.',
    trips: ['TRANS-FAILED-TASKROUTER-ERROR'],
    behaviour: { studio: { sendToFlex: { outcomeEvents: { taskRefused: 'callComplete' } } } },
  },
  {
    name: 'stf-message-error-call-failure',
    description: 'A TaskRouter error for a message or conversation takes callFailure.',
    trips: ['TRANS-CALL-FAILED-VOICE-ONLY', 'TRANS-FAILED-TASKROUTER-ERROR'],
    behaviour: { studio: { sendToFlex: { outcomeEvents: { taskRefused: 'callFailure' } } } },
  },
  {
    name: 'stf-tasksid-not-stored',
    description: 'The widget does not store TaskSid.',
    trips: ['TRANS-VAR-TASKSID'],
    behaviour: { studio: { sendToFlex: { storedVariables: ['QueueResult', 'Age', 'Attributes'] } } },
  },
  // ---------------------------------------------------------------- Send to Flex: conversations
  {
    name: 'stf-conversation-creates-task-directly',
    description: 'For conversations the widget creates the TaskRouter task itself, with no Interaction.',
    trips: ['CONV-STF-CREATES-INTERACTION'],
    behaviour: { studio: { sendToFlex: { conversation: { routedThrough: 'task' } } } },
  },
  {
    name: 'stf-conversation-transition-before-task',
    description: 'For conversations callComplete is taken before the Interaction and its task exist.',
    trips: ['TRANS-TASK-CREATED-CONVERSATION'],
    behaviour: { studio: { sendToFlex: { transitionTiming: { conversation: 'before-task' } } } },
  },
  {
    name: 'stf-conversation-channeltype-generic',
    description: 'channelType is "conversations" for every conversation.',
    trips: ['CONV-DEFAULT-ATTR-CHANNELTYPE'],
    behaviour: {
      studio: {
        sendToFlex: {
          conversation: {
            channelTypes: { sms: 'conversations', whatsapp: 'conversations', chat: 'conversations' },
          },
        },
      },
    },
  },
  {
    name: 'stf-conversation-name-is-friendly-name',
    description: "name is the conversation's friendly name instead of the sender's address.",
    trips: ['CONV-DEFAULT-ATTR-NAME'],
    behaviour: { studio: { sendToFlex: { conversation: { name: 'friendly-name' } } } },
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
    behaviour: {
      studio: { sendToFlex: { conversation: { senderAddress: (address) => address.replace(/^\+/, '') } } },
    },
  },
  {
    name: 'stf-conversation-whatsapp-prefix-stripped',
    description: 'WhatsApp sender addresses lose their "whatsapp:" prefix.',
    trips: ['CONV-WHATSAPP-ADDRESS-PREFIX'],
    behaviour: {
      studio: {
        sendToFlex: { conversation: { senderAddress: (address) => address.replace(/^whatsapp:/, '') } },
      },
    },
  },
] as const satisfies readonly FaultSpec[];
