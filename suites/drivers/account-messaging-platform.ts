import type { TwilioApi } from '../../targets/http/client';
import { RepointedNumber } from '../../targets/twilio/repointed-number';
import { eventually } from './eventually';
import { MessagingPlatform, type SmsLine } from './messaging-platform';

/** Why an inbound SMS check cannot run: a real account (or its replay) without `--sms-numbers`. */
export const smsNumbersMissing =
  'inbound SMS checks on a real account need --sms-numbers (two numbers of the account the run may point at the Flex Proxy Service and message)';

/**
 * The messaging platform for the target: the suite itself where it may add numbers and request
 * their SMS URL (mock, URL targets), messages between `--sms-numbers` on a real account or its
 * replay, undefined when neither (skip with `smsNumbersMissing`).
 */
export function messagingPlatformFor(
  api: TwilioApi,
  cleanup: (undo: () => Promise<unknown>) => void,
): MessagingPlatform | undefined {
  const { kind, capabilities } = api.target;
  if (kind === 'mock' || kind === 'url') return new MessagingPlatform(api, cleanup);
  const numbers = capabilities.smsNumbers;
  return numbers?.length === 2 ? new AccountMessagingPlatform(api, cleanup, numbers) : undefined;
}

/** How long Twilio may take to deliver a message between two of the account's numbers. */
const deliveryPatienceMs = 30_000;

/**
 * Inbound SMS on a real account, where Twilio's own messaging platform delivers it: the two numbers
 * the run may use (`--sms-numbers`) get their SMS URL pointed at the Flex Proxy Service for the
 * whole check (restored at its end, last of its cleanup: after its Flex Flows are gone), and the
 * SMS is sent with the Messages API from the first number to the second, which Twilio delivers to
 * the second number's SMS URL. A Flex number may send: only its inbound messages reach Flex.
 */
export class AccountMessagingPlatform extends MessagingPlatform {
  constructor(
    api: TwilioApi,
    cleanup: (undo: () => Promise<unknown>) => void,
    private readonly numbers: readonly string[],
  ) {
    super(api, cleanup);
  }

  /**
   * The account's numbers in place of the `wanted` ones: one Flex number (the second) with the
   * first as the sender, or both as Flex numbers, the first (the other Flex Flow's) sending.
   * Both are held for the whole check either way: another check's Flex Flow on either number
   * would take the messages this one sends.
   */
  override async smsLine(wanted: SmsLine): Promise<SmsLine> {
    const [sender, addressed] = this.numbers as [string, string];
    if (wanted.flexNumbers.length > 2)
      throw new Error('--sms-numbers gives a check at most two Flex numbers');
    const smsUrl = await this.flexProxyWebhook();
    for (const phoneNumber of [...this.numbers].sort()) {
      const number = new RepointedNumber(this.api, phoneNumber, 'sms');
      this.cleanup(() => number.restoreIfOwned());
      await number.repoint(smsUrl);
    }
    return { flexNumbers: wanted.flexNumbers.length === 2 ? [sender, addressed] : [addressed], sender };
  }

  /** Sends the SMS with the Messages API and waits until Twilio lists it as received by `to`. */
  override async deliverSms(from: string, to: string, body: string): Promise<void> {
    const inbound = () => this.inboundSids(from, to);
    const before = new Set(await inbound());
    const sent = await this.api.post<{ sid?: string }>('api', `${this.accountPath}/Messages.json`, {
      From: from,
      To: to,
      Body: body,
    });
    if (sent.status !== 201 || !sent.json?.sid)
      throw new Error(`sending the SMS answered ${sent.status}: ${sent.text.slice(0, 200)}`);
    const received = await eventually(
      async () => ((await inbound()).some((sid) => !before.has(sid)) ? true : undefined),
      { timeoutMs: deliveryPatienceMs, intervalMs: 250 },
    );
    if (!received) throw new Error(`the SMS ${sent.json.sid} was not received by ${to}`);
  }

  private async inboundSids(from: string, to: string): Promise<string[]> {
    const listed = await this.api.get<{ messages?: Array<{ sid: string; direction: string }> }>(
      'api',
      `${this.accountPath}/Messages.json`,
      { query: { From: from, To: to, PageSize: 20 } },
    );
    return (listed.json?.messages ?? []).filter((m) => m.direction === 'inbound').map((m) => m.sid);
  }
}
