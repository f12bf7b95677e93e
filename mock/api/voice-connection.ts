import { twilioHost } from '../../contracts/domains';
import type { MockContext } from '../context';

/** One leg of a call as the voice platform describes it to a voice URL. */
export interface ConnectedLeg {
  readonly callSid: string;
  readonly from: string;
  readonly to: string;
  readonly callStatus: string;
}

export interface VoiceUrlAnswer {
  readonly twiml: string;
  /** The `<Enqueue action>` of the answer, when it put the call in a queue. */
  readonly enqueueAction?: string;
}

/**
 * The path of a voice URL the mock itself serves (a Studio flow's webhook, on webhooks.twilio.com
 * or on the mock's own origin); undefined for any other URL, which the mock cannot request.
 */
function servedPath(ctx: MockContext, url: string | null): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const ours = parsed.host === twilioHost('webhooks') || parsed.origin === new URL(ctx.origin()).origin;
  return ours ? parsed.pathname + parsed.search : undefined;
}

function parameters(ctx: MockContext, leg: ConnectedLeg): Record<string, string> {
  return {
    AccountSid: ctx.accountSid,
    CallSid: leg.callSid,
    From: leg.from,
    To: leg.to,
    Caller: leg.from,
    Called: leg.to,
    Direction: 'inbound',
    CallStatus: leg.callStatus,
    ApiVersion: '2010-04-01',
  };
}

/** Requests the number's voice URL for a new inbound call, as the voice platform does; undefined when it gives no TwiML. */
export async function answerAtVoiceUrl(
  ctx: MockContext,
  voiceUrl: string | null,
  leg: ConnectedLeg,
): Promise<VoiceUrlAnswer | undefined> {
  const path = servedPath(ctx, voiceUrl);
  if (!path) return undefined;
  const answer = await ctx.call('webhooks', 'POST', path, parameters(ctx, leg)).catch(() => undefined);
  if (answer?.status !== 200 || !answer.text?.includes('<Response')) return undefined;
  const enqueue = /<Enqueue\b[^>]*\baction="([^"]*)"/.exec(answer.text);
  const action = enqueue?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { twiml: answer.text, ...(action ? { enqueueAction: action } : {}) };
}

/** The caller hung up while queued: the platform requests the Enqueue action URL with `QueueResult=hangup`. */
export async function hangUpLeg(ctx: MockContext, action: string, leg: ConnectedLeg): Promise<void> {
  const path = servedPath(ctx, new URL(action, `https://${twilioHost('webhooks')}`).toString());
  if (!path) return;
  await ctx
    .call('webhooks', 'POST', path, { ...parameters(ctx, leg), QueueResult: 'hangup', QueueTime: '0' })
    .catch(() => undefined);
}
