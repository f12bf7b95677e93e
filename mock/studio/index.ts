import type { MockContext } from '../context';
import type { MockModule } from '../core/module';
import type { Route } from '../core/router';
import { FlowEngine } from './engine';
import { ExecutionStore, type NewExecution, type TriggerEventName } from './execution-store';
import { Executions } from './executions';
import { FlowRevisions } from './flow-revisions';
import { Flows } from './flows';
import type { StudioTriggers } from './triggers';
import { VoiceWebhook } from './voice-webhook';
import { makeHttpRequest, runFunction } from './widgets/http-request';
import { sendToFlex } from './widgets/send-to-flex';
import { sendMessage, setVariables } from './widgets/set-variables';
import { splitBasedOn } from './widgets/split-based-on';

/** Studio v2: flows, executions with steps and context, the flow engine and the voice webhook. */
export class Studio implements MockModule, StudioTriggers {
  readonly flows: Flows;
  readonly executions: ExecutionStore;
  private readonly engine: FlowEngine;
  private readonly parts: Array<{ routes(): Route[] }>;

  constructor(ctx: MockContext) {
    this.executions = new ExecutionStore(ctx);
    this.flows = new Flows(ctx, (flowSid) => this.executions.removeFlow(flowSid));
    this.engine = new FlowEngine(
      ctx,
      this.executions,
      {
        'send-to-flex': sendToFlex,
        'set-variables': setVariables,
        'split-based-on': splitBasedOn,
        'make-http-request': makeHttpRequest,
        'run-function': runFunction,
        'send-message': sendMessage,
      },
      (flowSid) => this.flows.webhookUrl(ctx.origin(), flowSid),
    );
    this.parts = [
      this.flows,
      new FlowRevisions(ctx, this.flows),
      new Executions(ctx, this.flows, this.executions, this.engine),
      new VoiceWebhook(ctx, this.flows, this.executions, this.engine),
    ];
  }

  routes(): Route[] {
    return this.parts.flatMap((part) => part.routes());
  }

  async start(flowSid: string, event: TriggerEventName, spec: Omit<NewExecution, 'flowSid' | 'flowVersion'>) {
    const flow = this.flows.table.get(flowSid);
    if (!flow) return undefined;
    return this.engine.start(flow, event, { ...spec, flowSid: flow.sid, flowVersion: flow.revision });
  }
}
