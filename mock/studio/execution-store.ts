import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';

export type TriggerEventName =
  | 'incomingMessage'
  | 'incomingCall'
  | 'incomingConversationMessage'
  | 'incomingRequest'
  | 'incomingParent';

/** The variables an execution exposes to Liquid: `flow`, `contact`, `trigger`, `widgets`. */
export interface ExecutionContext {
  flow: {
    flow_sid: string;
    sid: string;
    channel: { address: string };
    data: Record<string, unknown>;
    variables: Record<string, string>;
  };
  contact: { channel: { address: string } };
  trigger: Record<string, unknown>;
  widgets: Record<string, Record<string, unknown>>;
}

/** Where a suspended execution waits: the widget and what it needs to resume (a voice call's enqueue). */
export interface Waiting {
  readonly widget: string;
  readonly callSid?: string;
  enqueue?: EnqueueOutcome;
}

export type EnqueueOutcome =
  | {
      readonly kind: 'created';
      readonly taskSid: string;
      readonly attributes: string;
      readonly dateCreated: number;
    }
  | { readonly kind: 'failed'; readonly reason: string };

export interface StepRecord {
  readonly seq: number;
  readonly sid: string;
  readonly name: string;
  readonly transitioned_from: string;
  readonly transitioned_to: string;
  readonly type: string;
  readonly context: Record<string, unknown>;
  readonly date_created: string;
}

export interface ExecutionRecord {
  readonly seq: number;
  readonly sid: string;
  readonly flow_sid: string;
  readonly flow_version: number;
  readonly contact_sid: string;
  readonly contact_channel_address: string;
  readonly initiated_by: string;
  readonly date_created: string;
  date_updated: string | null;
  status: 'active' | 'ended';
  readonly context: ExecutionContext;
  readonly steps: Table<StepRecord>;
  waiting?: Waiting;
  /** Work a widget left for after the flow's run (a task created after its transition: `transitionTiming`). */
  readonly deferred: Array<() => Promise<unknown>>;
}

export interface NewExecution {
  readonly flowSid: string;
  readonly flowVersion: number;
  readonly contactAddress: string;
  readonly flowAddress: string;
  readonly initiatedBy: string;
  readonly trigger: Record<string, unknown>;
  readonly data?: Record<string, unknown>;
}

/** Every execution of every flow, with its steps and context. */
export class ExecutionStore {
  readonly table = new Table<ExecutionRecord>();

  constructor(private readonly ctx: MockContext) {}

  create(spec: NewExecution): ExecutionRecord {
    const sid = newSid('FN');
    return this.table.insert((seq) => ({
      seq,
      sid,
      flow_sid: spec.flowSid,
      flow_version: spec.flowVersion,
      contact_sid: newSid('FC'),
      contact_channel_address: spec.contactAddress,
      initiated_by: spec.initiatedBy,
      date_created: isoNow(this.ctx.clock.now()),
      date_updated: null,
      status: 'active',
      steps: new Table<StepRecord>(),
      deferred: [],
      context: {
        flow: {
          flow_sid: spec.flowSid,
          sid,
          channel: { address: spec.flowAddress },
          data: spec.data ?? {},
          variables: {},
        },
        contact: { channel: { address: spec.contactAddress } },
        trigger: spec.trigger,
        widgets: {},
      },
    }));
  }

  addStep(execution: ExecutionRecord, step: Omit<StepRecord, 'seq' | 'sid' | 'date_created'>): StepRecord {
    execution.date_updated = isoNow(this.ctx.clock.now());
    return execution.steps.insert((seq) => ({
      seq,
      sid: newSid('FT'),
      date_created: isoNow(this.ctx.clock.now()),
      ...step,
    }));
  }

  find(flowSid: string, sid: string, path: string): ExecutionRecord {
    const execution = this.table.get(sid);
    if (!execution || execution.flow_sid !== flowSid) throw notFound(path);
    return execution;
  }

  /** The active execution of a flow waiting on this call, if any. */
  waitingForCall(flowSid: string, callSid: string): ExecutionRecord | undefined {
    return this.table
      .all()
      .find(
        (execution) =>
          execution.flow_sid === flowSid &&
          execution.status === 'active' &&
          execution.waiting?.callSid === callSid,
      );
  }

  removeFlow(flowSid: string): void {
    for (const execution of this.table.all())
      if (execution.flow_sid === flowSid) this.table.delete(execution.sid);
  }
}
