import { domainOfHost } from '../../contracts/domains';
import type { TwilioApi } from '../../targets/http/client';

export interface ProxySession {
  readonly sid: string;
  /** The Flex chat channel the session carries. */
  readonly unique_name: string;
}

/** The numbers an inbound SMS check works with. */
export interface SmsLine {
  /** Numbers of the account whose SMS URL is the Flex Proxy Service: the check's Flex Flows' contact identities. */
  readonly flexNumbers: readonly string[];
  /** Where the inbound SMS comes from. */
  readonly sender: string;
}

/**
 * The suite standing in for Twilio's messaging platform: an SMS that reaches one of the account's
 * numbers is requested from the number's SMS URL (no Basic auth, as the platform sends none). Also
 * reads the Proxy sessions Flex keeps for its phone channels. Only where numbers cost nothing and
 * the suite may pose as the platform: the mock or a URL target.
 */
export class MessagingPlatform {
  private messages = 0;

  constructor(
    protected readonly api: TwilioApi,
    protected readonly cleanup: (undo: () => Promise<unknown>) => void,
  ) {}

  protected get accountPath() {
    return `/2010-04-01/Accounts/${this.api.target.credentials.accountSid}`;
  }

  /** The Flex Proxy Service every Flex account has (Flex's SMS numbers point their SMS URL at it). */
  async flexProxyService(): Promise<string> {
    const listed = await this.api.get<{ services: Array<{ sid: string; unique_name: string }> }>(
      'proxy',
      '/v1/Services',
      { query: { PageSize: 50 } },
    );
    const service = listed.json?.services?.find((entry) => /flex/i.test(entry.unique_name));
    if (!service) throw new Error(`the account has no Flex Proxy Service: ${listed.status} ${listed.text}`);
    return service.sid;
  }

  /** The inbound-message webhook of the Flex Proxy Service: the SMS URL of a Flex number. */
  protected async flexProxyWebhook(): Promise<string> {
    const service = await this.flexProxyService();
    return `https://webhooks.twilio.com/v1/Accounts/${this.api.target.credentials.accountSid}/Proxy/${service}/Webhooks/Message`;
  }

  /**
   * The numbers the check works with: here the `wanted` ones, each Flex number added to the account
   * with its SMS URL at the Flex Proxy Service, as installing Flex configures an SMS number.
   */
  async smsLine(wanted: SmsLine): Promise<SmsLine> {
    const smsUrl = await this.flexProxyWebhook();
    for (const phoneNumber of wanted.flexNumbers) {
      const created = await this.api.post<{ sid: string }>(
        'api',
        `${this.accountPath}/IncomingPhoneNumbers.json`,
        {
          PhoneNumber: phoneNumber,
          SmsUrl: smsUrl,
        },
      );
      if (created.status !== 201)
        throw new Error(`the number could not be added: ${created.status} ${created.text}`);
      const sid = created.json.sid;
      this.cleanup(() => this.api.delete('api', `${this.accountPath}/IncomingPhoneNumbers/${sid}.json`));
    }
    return wanted;
  }

  /** An SMS from `from` reaches the account's number `to`: its SMS URL is requested as the platform does. */
  async deliverSms(from: string, to: string, body: string): Promise<void> {
    const listed = await this.api.get<{ incoming_phone_numbers: Array<{ sms_url: string | null }> }>(
      'api',
      `${this.accountPath}/IncomingPhoneNumbers.json`,
      { query: { PhoneNumber: to } },
    );
    const smsUrl = listed.json?.incoming_phone_numbers?.[0]?.sms_url;
    if (!smsUrl) throw new Error(`the account's number ${to} has no SMS URL`);
    const url = new URL(smsUrl);
    const domain = domainOfHost(url.host);
    if (!domain)
      throw new Error(`the SMS URL of ${to} is not a Twilio webhook the suite can request: ${smsUrl}`);
    const messageSid = `SM${(++this.messages).toString(16).padStart(32, '0')}`;
    await this.api.send<unknown>('POST', domain, url.pathname + url.search, {
      form: {
        AccountSid: this.api.target.credentials.accountSid,
        MessageSid: messageSid,
        SmsMessageSid: messageSid,
        From: from,
        To: to,
        Body: body,
        NumMedia: '0',
        ApiVersion: '2010-04-01',
      },
      auth: 'none',
    });
  }

  /** The sessions of a Proxy service. */
  async sessions(serviceSid: string): Promise<readonly ProxySession[]> {
    const listed = await this.api.get<{ sessions: ProxySession[] }>(
      'proxy',
      `/v1/Services/${serviceSid}/Sessions`,
      {
        query: { PageSize: 1000 },
      },
    );
    if (listed.status !== 200)
      throw new Error(`the Proxy sessions could not be listed: ${listed.status} ${listed.text}`);
    return listed.json.sessions;
  }

  /** Removes a Proxy session after the test (it is gone already where the janitor removed it). */
  forget(serviceSid: string, sessionSid: string): void {
    this.cleanup(() => this.api.delete('proxy', `/v1/Services/${serviceSid}/Sessions/${sessionSid}`));
  }
}
