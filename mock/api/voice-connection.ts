import { twilioHost } from '../../contracts/domains';
import type { MockContext } from '../context';
import { callOut } from '../core/call-outs';

/** One leg of a call as the voice platform describes it to a voice URL. */
export interface ConnectedLeg {
  readonly callSid: string;
  readonly from: string;
  readonly to: string;
  readonly callStatus: string;
}

export interface VoiceUrlAnswer {
  readonly twiml: string;
  /** The voice URL that answered (relative URLs in the TwiML are resolved against it). */
  readonly voiceUrl: string;
  /** The `<Enqueue>` attributes of the answer (entities decoded), when it put the call in a queue. */
  readonly enqueue?: Readonly<Record<string, string>>;
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (entities[entity] ?? ''),
  );

/** The attributes of the first `<Enqueue>` start tag of a TwiML document, or undefined when it has none. */
function enqueueAttributes(twiml: string): Record<string, string> | undefined {
  const tag = /<Enqueue\b((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(twiml);
  if (!tag) return undefined;
  const attributes: Record<string, string> = {};
  for (const [, name, doubleQuoted, singleQuoted] of (tag[1] ?? '').matchAll(
    /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  ))
    attributes[name as string] = decodeEntities(doubleQuoted ?? singleQuoted ?? '');
  return attributes;
}

/**
 * The path of a voice or SMS URL the mock itself serves (a Studio flow's webhook, the Flex Proxy
 * webhook, on webhooks.twilio.com or on the mock's own origin); undefined for any other URL, which
 * the mock cannot request.
 */
export function servedPath(ctx: MockContext, url: string | null): string | undefined {
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
  if (!voiceUrl || answer?.status !== 200 || !answer.text?.includes('<Response')) return undefined;
  const enqueue = enqueueAttributes(answer.text);
  return { twiml: answer.text, voiceUrl, ...(enqueue ? { enqueue } : {}) };
}

/**
 * The method without a waitUrlMethod: POST, as Twilio's `<Enqueue>` reference gives it. The
 * documents the catalog quotes do not state it, so no check depends on it.
 */
const defaultWaitUrlMethod = 'POST';

/**
 * While an enqueued call waits, the voice platform requests the `<Enqueue waitUrl>` (relative to
 * the voice URL) with `waitUrlMethod` for the hold music to play: the call's parameters as a form,
 * or in the query string for GET. A call-out like any other (the platform reaches only what
 * `ctx.callOuts` lets it); what it answers, or a failure, changes nothing for the call.
 */
export async function requestHoldMusic(
  ctx: MockContext,
  answer: VoiceUrlAnswer,
  leg: ConnectedLeg,
): Promise<void> {
  const waitUrl = answer.enqueue?.waitUrl;
  if (!waitUrl) return;
  let url: URL;
  try {
    url = new URL(waitUrl, answer.voiceUrl);
  } catch {
    return;
  }
  const method = answer.enqueue?.waitUrlMethod?.toUpperCase() === 'GET' ? 'GET' : defaultWaitUrlMethod;
  const form = new URLSearchParams(parameters(ctx, leg)).toString();
  url.hash = '';
  const separator = url.search ? '&' : url.href.endsWith('?') ? '' : '?';
  const target = method === 'GET' ? `${url.href}${separator}${form}` : url.href;
  const init: RequestInit =
    method === 'GET'
      ? { method }
      : { method, body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  const response = await callOut(ctx.callOuts, target, init).catch(() => undefined);
  await response?.body?.cancel().catch(() => undefined);
}

/** The caller hung up while queued: the platform requests the Enqueue action URL with `QueueResult=hangup`. */
export async function hangUpLeg(ctx: MockContext, action: string, leg: ConnectedLeg): Promise<void> {
  const path = servedPath(ctx, new URL(action, `https://${twilioHost('webhooks')}`).toString());
  if (!path) return;
  await ctx
    .call('webhooks', 'POST', path, { ...parameters(ctx, leg), QueueResult: 'hangup', QueueTime: '0' })
    .catch(() => undefined);
}
