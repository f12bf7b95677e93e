import type { TestInfo } from '@playwright/test';
import type fc from 'fast-check';
import { type Caller, chatIdentity, incomingCall } from '../../generators/callers';
import { type Customer, customer } from '../../generators/conversations';
import type { FlowDefinitionJson, SendToFlexProperties, TriggerEvent } from '../../generators/studio';
import type { TwilioApi } from '../../targets/http/client';
import { callThroughQueue, voiceWidget } from './call-flows';
import { voiceNumberMissing, voicePlatformFor } from './calling-voice-platform';
import { type ConversationCustomer, conversationWidget } from './conversation-customer';
import { type LegacyMessaging, messageWidget } from './legacy-messaging';
import { type ExecutionBody, type FlowBody, type StudioApi, sendToFlexFlow } from './studio-api';
import { awaitNewTasks, type Routing, type TaskBody, type TaskChannelName } from './taskrouter';
import type { VoicePlatform } from './voice-platform';

/** The triggers through which a Send to Flex widget creates a task. */
export const triggerKinds = ['incoming call', 'incoming message', 'incoming conversation'] as const;
export type TriggerKind = (typeof triggerKinds)[number];

/** What one start of a flow produced: the task the widget created (if any) and the execution. */
export interface Fired {
  readonly task: TaskBody | undefined;
  readonly execution: ExecutionBody | undefined;
}

/**
 * One way a customer reaches a Send to Flex widget: the flow it publishes (Trigger → the widget)
 * and a start of that flow by a customer, played to the end of the widget (a call leaves the queue).
 */
export interface Trigger<Customer = unknown> {
  readonly kind: TriggerKind;
  /** The name of the send-to-flex widget in the flows this trigger publishes. */
  readonly widget: string;
  readonly event: TriggerEvent;
  /** The SID of the Task Channel the trigger's flows name unless told otherwise. */
  readonly channel: string;
  /** That Task Channel's unique name, the same in every workspace (`voice`, `chat`). */
  readonly channelName: TaskChannelName;
  /** Who starts the flow: a caller, a chat identity, a conversation customer. */
  customer(): fc.Arbitrary<Customer>;
  /** Trigger → send-to-flex with these properties (the workflow and the trigger's Task Channel unless given). */
  definition(properties?: SendToFlexProperties): FlowDefinitionJson;
  /** Publishes the definition, failing the check when the target refuses it. */
  publish(properties?: SendToFlexProperties): Promise<FlowBody>;
  /**
   * A customer starts the flow; the task is the new task of the workflow (the test's, or the one
   * given), the execution the flow's newest.
   */
  fire(flow: FlowBody, who: Customer, options?: { workflow?: string }): Promise<Fired>;
  /**
   * A customer starts the flow and stays until the check ends (a call waits in the queue, then hangs
   * up): for checks that watch the task while the customer waits, in a workspace of their own.
   */
  start(flow: FlowBody, who: Customer): Promise<void>;
}

/** The fixtures a trigger drives (the voice platform is made here, for call triggers only). */
export interface TriggerTools {
  readonly api: TwilioApi;
  readonly studio: StudioApi;
  readonly routing: Routing;
  readonly workflow: string;
  readonly messaging: LegacyMessaging;
  readonly customers: ConversationCustomer;
  /** Deletes what a test created, last first (the call trigger ends its calls there). */
  readonly cleanup: (undo: () => Promise<unknown>) => void;
}

/**
 * The trigger of `kind` for a check. A call trigger skips the check, as the `voice` fixture does,
 * where the target offers no voice platform (no reachable voice webhook, no voice number).
 */
export function triggerFor(kind: TriggerKind, tools: TriggerTools, testInfo: TestInfo): Trigger {
  const { api, studio, routing, workflow } = tools;
  const seen = new Set<string>();
  const started = new Map<string, number>();
  /** The flow's executions after one more start: the newest is the one just started. */
  const newestExecution = async (flow: FlowBody) => {
    const count = (started.get(flow.sid) ?? 0) + 1;
    started.set(flow.sid, count);
    return (await studio.awaitExecutions(flow.sid, count)).at(-1);
  };
  /** Whether the widget has taken failedToEnqueue: no task will come, so nothing is left to wait for. */
  const widgetFailed = (flowSid: string, executionSid: string, widget: string) => async () =>
    (await studio.steps(flowSid, executionSid)).some(
      (step) => step.transitioned_from === widget && step.name === 'failedToEnqueue',
    );
  const common = (event: TriggerEvent, widget: string, channelName: TaskChannelName) => {
    const channel = routing.channels[channelName].sid;
    const definition = (properties: SendToFlexProperties = {}) =>
      sendToFlexFlow(event, widget, workflow, channel, properties);
    return {
      kind,
      widget,
      event,
      channelName,
      channel,
      definition,
      publish: (properties: SendToFlexProperties = {}) => studio.publish(definition(properties)),
    };
  };

  if (kind === 'incoming call') {
    const platform = voicePlatformFor(api);
    testInfo.skip(!platform, voiceNumberMissing);
    const voice = platform as VoicePlatform;
    tools.cleanup(() => voice.close());
    return {
      ...common('incomingCall', voiceWidget, 'voice'),
      customer: incomingCall,
      async start(flow, caller) {
        const answered = await voice.call(flow, caller as Caller);
        tools.cleanup(() =>
          answered.enqueue
            ? voice.leaveQueue(answered.enqueue, answered.call, 'hangup')
            : voice.hangUp(answered.call),
        );
      },
      async fire(flow, caller, options = {}) {
        const via = options.workflow ?? workflow;
        const { task } = await callThroughQueue(voice, api, routing, via, flow, caller as Caller);
        return { task, execution: await newestExecution(flow) };
      },
    };
  }
  if (kind === 'incoming message') {
    const { messaging } = tools;
    return {
      ...common('incomingMessage', messageWidget, 'chat'),
      customer: chatIdentity,
      async start(flow, identity) {
        const flexFlow = await messaging.studioFlexFlow('web', flow.sid);
        const chat = await messaging.channel(flexFlow.sid, identity as string);
        await messaging.say(chat, identity as string, 'Hello');
      },
      async fire(flow, identity, options = {}) {
        await this.start(flow, identity);
        const execution = await newestExecution(flow);
        const settled = execution && widgetFailed(flow.sid, execution.sid, messageWidget);
        const [task] = await awaitNewTasks(api, routing, options.workflow ?? workflow, seen, { settled });
        return { task, execution };
      },
    };
  }
  const { customers } = tools;
  return {
    ...common('incomingConversationMessage', conversationWidget, 'chat'),
    customer,
    async start(flow, who) {
      await customers.startWith(who as Customer, flow);
    },
    async fire(flow, who, options = {}) {
      await this.start(flow, who);
      const execution = await newestExecution(flow);
      const settled = execution && widgetFailed(flow.sid, execution.sid, conversationWidget);
      const [task] = await awaitNewTasks(api, routing, options.workflow ?? workflow, seen, { settled });
      return { task, execution };
    },
  };
}
