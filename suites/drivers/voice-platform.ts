import type { Caller, IncomingCall } from '../../generators/callers';
import type { ApiResponse, Form, TwilioApi } from '../../targets/http/client';
import type { FlowBody } from './studio-api';
import { findElement, parseTwiml, type TwimlElement } from './twiml';

/** What an `<Enqueue>` answer asks of the voice platform. */
export interface EnqueueInstruction {
  readonly attributes: Readonly<Record<string, string>>;
  readonly task?: { readonly attributes: Readonly<Record<string, string>>; readonly body: string };
}

export interface AnsweredCall {
  /** The call as the platform named it (its CallSid is new for every call). */
  readonly call: IncomingCall;
  readonly response: ApiResponse<unknown>;
  readonly twiml?: TwimlElement;
  readonly enqueue?: EnqueueInstruction;
}

/**
 * The suite standing in for Twilio's voice platform: it requests a flow's voice webhook for an
 * incoming call (no Basic auth, as the platform sends none) and, after an `<Enqueue>`, requests the
 * action URL with the QueueResult the platform reports.
 */
export class VoicePlatform {
  private calls = 0;

  constructor(private readonly api: TwilioApi) {}

  /** The request Twilio makes to `webhook_url` when a caller's call arrives; every call gets a new CallSid. */
  async call(flow: FlowBody, caller: Caller): Promise<AnsweredCall> {
    const call = { ...caller, CallSid: `CA${(++this.calls).toString(16).padStart(32, '0')}` };
    return this.request(call, flow.webhook_url, { ...this.callParameters(call), CallStatus: 'ringing' });
  }

  /** The request to the Enqueue action URL when the call leaves the queue (or could not join it). */
  async leaveQueue(
    enqueue: EnqueueInstruction,
    call: IncomingCall,
    queueResult: string,
  ): Promise<AnsweredCall> {
    const action = enqueue.attributes.action;
    if (!action) throw new Error('the <Enqueue> has no action URL');
    return this.request(call, new URL(action, 'https://webhooks.twilio.com').toString(), {
      ...this.callParameters(call),
      CallStatus: queueResult === 'hangup' ? 'completed' : 'in-progress',
      QueueResult: queueResult,
      QueueTime: '3',
    });
  }

  /**
   * The caller hangs up. Here the suite is the voice platform and no call is up: a caller who hangs
   * up while queued is `leaveQueue(…, 'hangup')`.
   */
  async hangUp(_call: IncomingCall): Promise<void> {}

  /** Ends what the platform still holds when the check ends. */
  async close(): Promise<void> {}

  private callParameters(call: IncomingCall): Form {
    return {
      AccountSid: this.api.target.credentials.accountSid,
      CallSid: call.CallSid,
      From: call.From,
      To: call.To,
      Caller: call.From,
      Called: call.To,
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
    };
  }

  private async request(call: IncomingCall, absoluteUrl: string, form: Form): Promise<AnsweredCall> {
    const url = new URL(absoluteUrl);
    const response = await this.api.send<unknown>('POST', 'webhooks', url.pathname + url.search, {
      form,
      auth: 'none',
    });
    if (response.status !== 200 || !response.text.includes('<Response')) return { call, response };
    const twiml = parseTwiml(response.text);
    const element = findElement(twiml, 'Enqueue');
    if (!element) return { call, response, twiml };
    const task = element.children.find((child) => child.name === 'Task');
    return {
      call,
      response,
      twiml,
      enqueue: {
        attributes: element.attributes,
        task: task ? { attributes: task.attributes, body: task.text } : undefined,
      },
    };
  }
}
