import type { MockContext } from '../context';
import type { Transition, Widget } from './definition';
import type { ExecutionRecord, ExecutionStore, NewExecution, TriggerEventName } from './execution-store';
import type { FlowRecord } from './flows';
import { renderProperty, renderTemplate } from './liquid';

/** What the voice platform must do for a suspended call: answer this TwiML and, for Send to Flex, enqueue. */
export interface VoiceInstruction {
  readonly twiml: string;
  readonly enqueue?: EnqueueRequest;
}

/** The task an `<Enqueue workflowSid><Task>` asks the voice platform to create. */
export interface EnqueueRequest {
  readonly workflowSid: string;
  readonly priority?: string;
  readonly timeout?: string;
  readonly attributes: string;
}

export type WidgetOutcome =
  | {
      readonly kind: 'transition';
      readonly event: string;
      /** The transition taken, when several share an event (split-based-on `match`). */
      readonly transition?: Transition;
      readonly variables?: Record<string, unknown>;
    }
  | { readonly kind: 'suspend'; readonly voice: VoiceInstruction; readonly callSid?: string }
  | { readonly kind: 'end'; readonly reason: string };

/** One widget being executed: the execution, the widget, and Liquid over the execution's context. */
export interface WidgetRun {
  readonly ctx: MockContext;
  readonly execution: ExecutionRecord;
  readonly widget: Widget;
  /** The action URL a voice widget hands out: the flow's webhook with `FlowEvent=return`. */
  readonly actionUrl: string;
  render(value: unknown): Promise<string | undefined>;
  renderTemplate(template: string): Promise<string>;
}

export interface WidgetHandler {
  run(run: WidgetRun): Promise<WidgetOutcome>;
  /** Continues a widget that suspended the execution (a voice widget's action URL was requested). */
  resume?(run: WidgetRun, input: Readonly<Record<string, string>>): Promise<WidgetOutcome>;
}

export interface EngineResult {
  readonly execution: ExecutionRecord;
  readonly voice?: VoiceInstruction;
}

/** Guards against flows that loop forever (a widget transitioning back to itself). */
const MAX_WIDGETS_PER_RUN = 200;

/**
 * Runs flow definitions: from the trigger's transition for the event, widget after widget, until the
 * flow ends or a voice widget suspends it to wait for its action URL. Each transition is a Step.
 */
export class FlowEngine {
  constructor(
    private readonly ctx: MockContext,
    private readonly store: ExecutionStore,
    private readonly handlers: Readonly<Record<string, WidgetHandler>>,
    private readonly webhookUrl: (flowSid: string) => string,
  ) {}

  async start(flow: FlowRecord, event: TriggerEventName, spec: NewExecution): Promise<EngineResult> {
    const execution = this.store.create(spec);
    const trigger =
      flow.definition.states.find((state) => state.name === flow.definition.initial_state) ??
      flow.definition.states.find((state) => state.type === 'trigger');
    if (!trigger) return this.end(execution);
    return this.afterRun(await this.follow(flow, execution, trigger, { kind: 'transition', event }, 0));
  }

  async resume(
    flow: FlowRecord,
    execution: ExecutionRecord,
    input: Record<string, string>,
  ): Promise<EngineResult> {
    const waiting = execution.waiting;
    const widget = waiting && flow.definition.states.find((state) => state.name === waiting.widget);
    const handler = widget && this.handlers[widget.type];
    if (!widget || !handler?.resume) return { execution };
    const outcome = await handler.resume(this.widgetRun(flow, execution, widget), input);
    execution.waiting = undefined;
    return this.afterRun(await this.follow(flow, execution, widget, outcome, 0));
  }

  private async follow(
    flow: FlowRecord,
    execution: ExecutionRecord,
    from: Widget,
    outcome: WidgetOutcome,
    depth: number,
  ): Promise<EngineResult> {
    if (outcome.kind === 'end') return this.end(execution);
    if (outcome.kind === 'suspend') {
      execution.waiting = { widget: from.name, callSid: outcome.callSid };
      return { execution, voice: outcome.voice };
    }
    if (outcome.variables) {
      execution.context.widgets[from.name] = {
        ...execution.context.widgets[from.name],
        ...outcome.variables,
      };
    }
    const transition = outcome.transition ?? from.transitions.find((t) => t.event === outcome.event);
    const next = transition?.next
      ? flow.definition.states.find((state) => state.name === transition.next)
      : undefined;
    this.store.addStep(execution, {
      name: outcome.event,
      transitioned_from: from.name,
      transitioned_to: next?.name ?? 'Ended',
      type: from.type,
      context: { ...(outcome.variables ?? {}) },
    });
    if (!next || depth >= MAX_WIDGETS_PER_RUN) return this.end(execution);
    const handler = this.handlers[next.type];
    if (!handler) return this.end(execution);
    const nextOutcome = await handler.run(this.widgetRun(flow, execution, next));
    return this.follow(flow, execution, next, nextOutcome, depth + 1);
  }

  /** Runs what widgets deferred until the run stopped (ended or suspended). */
  private async afterRun(result: EngineResult): Promise<EngineResult> {
    const deferred = result.execution.deferred.splice(0);
    for (const work of deferred) await work();
    return result;
  }

  private end(execution: ExecutionRecord): EngineResult {
    execution.status = 'ended';
    execution.waiting = undefined;
    return { execution };
  }

  private widgetRun(flow: FlowRecord, execution: ExecutionRecord, widget: Widget): WidgetRun {
    const scope = execution.context;
    const { toJson } = this.ctx.behaviour.studio.liquid;
    return {
      ctx: this.ctx,
      execution,
      widget,
      actionUrl: `${this.webhookUrl(flow.sid)}?FlowEvent=return`,
      render: (value) => renderProperty(value, scope, toJson),
      renderTemplate: (template) => renderTemplate(template, scope, toJson),
    };
  }
}
