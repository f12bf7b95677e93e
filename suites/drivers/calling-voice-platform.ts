import type { Caller, IncomingCall } from '../../generators/callers';
import type { TwilioApi } from '../../targets/http/client';
import { RepointedNumber } from '../../targets/twilio/repointed-number';
import { eventually } from './eventually';
import type { ExecutionBody, FlowBody } from './studio-api';
import { type AnsweredCall, type EnqueueInstruction, VoicePlatform } from './voice-platform';

/** Why a voice check cannot run: a real account without `--voice-number`. */
export const voiceNumberMissing =
  'voice checks on a real account need --voice-number (a phone number of the account the run may call)';

/**
 * The voice platform for the target: the suite itself where it reaches the flow's voice webhook
 * (mock, URL targets), calls to `--voice-number` on a real account or its replay, undefined when
 * neither (skip with `voiceNumberMissing`). Whoever makes one closes it when the check ends.
 */
export function voicePlatformFor(api: TwilioApi): VoicePlatform | undefined {
  const { voiceWebhooks, voiceNumber } = api.target.capabilities;
  if (voiceWebhooks) return new VoicePlatform(api);
  return voiceNumber ? new CallingVoicePlatform(api, voiceNumber) : undefined;
}

/** Why a check cannot make a call leave the queue with `queueResult` on a real account. */
export const queueResultOfThePlatform = (queueResult: string) =>
  `QueueResult=${queueResult} is decided by Twilio's voice platform: on a real account a check can only hang up`;

/** The caller leg waits on the line until the check hangs up (a minute is far longer than any check's call). */
export const callerTwiml = '<Response><Pause length="60"/></Response>';

/**
 * Voice on a real account, where Twilio's own voice platform answers: the number the run may use
 * (`--voice-number`) is pointed at the check's flow for as long as the call takes to reach it, a
 * call to it is placed with the Calls API (the caller leg answered by inline TwiML), and the call
 * that reached the flow is known by the execution it started. The TwiML the flow answers stays
 * between Twilio's services: a check sees the task, the execution's steps and context.
 */
export class CallingVoicePlatform extends VoicePlatform {
  private readonly number: RepointedNumber;
  /** Inbound call → the placed call to hang up. */
  private readonly placed = new Map<string, string>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly account: TwilioApi,
    phoneNumber: string,
  ) {
    super(account);
    this.number = new RepointedNumber(account, phoneNumber, 'voice');
  }

  /** The caller is the voice number itself (a Calls API `From` must be a number of the account); `caller` is not used. */
  override async call(flow: FlowBody, _caller: Caller): Promise<AnsweredCall> {
    const from = this.number.phoneNumber;
    return this.number.pointedAt(flow.webhook_url, async () => {
      const response = await this.account.post<{ sid?: string }>('api', `${this.callsPath}.json`, {
        To: from,
        From: from,
        Twiml: callerTwiml,
      });
      const placedSid = response.json?.sid;
      if (response.status !== 201 || !placedSid)
        throw new Error(`placing the call answered ${response.status}: ${response.text.slice(0, 200)}`);
      const inbound = await this.arrivedAt(flow.sid);
      const call: IncomingCall = { From: from, To: from, CallSid: inbound ?? placedSid };
      this.placed.set(call.CallSid, placedSid);
      return { call, response };
    });
  }

  /** Only the voice platform decides a QueueResult on a real account: the check can hang up, nothing else. */
  override canLeaveQueueWith(queueResult: string): boolean {
    return queueResult === 'hangup';
  }

  override async leaveQueue(
    _enqueue: EnqueueInstruction,
    call: IncomingCall,
    queueResult: string,
  ): Promise<AnsweredCall> {
    if (!this.canLeaveQueueWith(queueResult)) throw new Error(queueResultOfThePlatform(queueResult));
    const response = await this.end(call);
    return { call, response };
  }

  override async hangUp(call: IncomingCall): Promise<void> {
    await this.end(call);
  }

  /** Ends every call still up and puts the number back if a check was interrupted while it was repointed. */
  override async close(): Promise<void> {
    for (const placedSid of [...this.placed.values()]) await this.endPlaced(placedSid);
    this.placed.clear();
    await this.number.restoreIfOwned();
  }

  private get callsPath() {
    return `/2010-04-01/Accounts/${this.account.target.credentials.accountSid}/Calls`;
  }

  /** The CallSid of the call that started a new execution of the flow (an execution is initiated by its call). */
  private async arrivedAt(flowSid: string): Promise<string | undefined> {
    const execution = await eventually(async () => {
      const listed = await this.account.get<{ executions?: ExecutionBody[] }>(
        'studio',
        `/v2/Flows/${flowSid}/Executions`,
        { query: { PageSize: 50 } },
      );
      return listed.json?.executions?.find(
        (e) => e.initiated_by?.startsWith('CA') && !this.seen.has(e.initiated_by),
      );
    });
    if (execution) this.seen.add(execution.initiated_by);
    return execution?.initiated_by;
  }

  private async end(call: IncomingCall) {
    const placedSid = this.placed.get(call.CallSid) ?? call.CallSid;
    this.placed.delete(call.CallSid);
    return this.endPlaced(placedSid);
  }

  private endPlaced(placedSid: string) {
    return this.account.post('api', `${this.callsPath}/${placedSid}.json`, { Status: 'completed' });
  }
}
