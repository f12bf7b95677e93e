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

/** Where the suite's own servers listen: the only hold music URLs the suite, playing the platform here, requests. */
const onThisMachine = (url: URL) => url.protocol === 'http:' && url.hostname === '127.0.0.1';

/** How long the platform waits for the hold music (the check's end waits for it, never longer). */
const holdMusicPatienceMs = 10_000;

/**
 * The suite standing in for Twilio's voice platform: it requests a flow's voice webhook for an
 * incoming call (no Basic auth, as the platform sends none), requests the hold music URL
 * (`waitUrl`, with `waitUrlMethod`) while an enqueued call waits and, after an `<Enqueue>`,
 * requests the action URL with the QueueResult the platform reports.
 */
export class VoicePlatform {
  private calls = 0;
  private readonly holdMusic = new Set<Promise<void>>();

  constructor(private readonly api: TwilioApi) {}

  /** The request Twilio makes to `webhook_url` when a caller's call arrives; every call gets a new CallSid. */
  async call(flow: FlowBody, caller: Caller): Promise<AnsweredCall> {
    const call = { ...caller, CallSid: `CA${(++this.calls).toString(16).padStart(32, '0')}` };
    const answered = await this.request(call, flow.webhook_url, {
      ...this.callParameters(call),
      CallStatus: 'ringing',
    });
    if (answered.enqueue) this.playHoldMusic(answered.enqueue, flow.webhook_url, call);
    return answered;
  }

  /** Whether a check can make a queued call leave with this QueueResult here (the suite plays the platform: any). */
  canLeaveQueueWith(_queueResult: string): boolean {
    return true;
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
  async close(): Promise<void> {
    await Promise.all([...this.holdMusic]);
  }

  /**
   * The request for the hold music while the call waits in the queue: the `<Enqueue waitUrl>`
   * (relative to the voice webhook) with `waitUrlMethod`, POST without one (TwiML's default), the
   * call's parameters in the form or, for GET, the query string. The call does not wait for it.
   */
  private playHoldMusic(enqueue: EnqueueInstruction, webhookUrl: string, call: IncomingCall): void {
    const { waitUrl, waitUrlMethod } = enqueue.attributes;
    if (!waitUrl || !URL.canParse(waitUrl, webhookUrl)) return;
    const url = new URL(waitUrl, webhookUrl);
    if (!onThisMachine(url)) return;
    const form = new URLSearchParams({ ...this.callParameters(call), CallStatus: 'in-progress' }).toString();
    const get = waitUrlMethod?.toUpperCase() === 'GET';
    url.hash = '';
    const separator = url.search ? '&' : url.href.endsWith('?') ? '' : '?';
    const sent = { redirect: 'manual', signal: AbortSignal.timeout(holdMusicPatienceMs) } as const;
    const requested = fetch(
      get ? `${url.href}${separator}${form}` : url.href,
      get
        ? { ...sent, method: 'GET' }
        : {
            ...sent,
            method: 'POST',
            body: form,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          },
    )
      .then((response) => response.body?.cancel())
      .catch(() => undefined)
      .finally(() => this.holdMusic.delete(requested));
    this.holdMusic.add(requested);
  }

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
