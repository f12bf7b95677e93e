import { domainOfHost } from '../../contracts/domains';
import type { ApiResponse, TwilioApi } from '../../targets/http/client';

export interface ProxySession {
  readonly sid: string;
  /** The Flex chat channel the session carries. */
  readonly unique_name: string;
}

/**
 * The suite standing in for Twilio's messaging platform: an SMS that reaches one of the account's
 * numbers is requested from the number's SMS URL (no Basic auth, as the platform sends none). Also
 * reads the Proxy sessions Flex keeps for its phone channels.
 */
export class MessagingPlatform {
  private messages = 0;

  constructor(
    private readonly api: TwilioApi,
    private readonly cleanup: (undo: () => Promise<unknown>) => void,
  ) {}

  private get numbersPath() {
    return `/2010-04-01/Accounts/${this.api.target.credentials.accountSid}/IncomingPhoneNumbers`;
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

  /**
   * Adds `phoneNumber` to the account with its SMS URL at the Flex Proxy Service, as installing Flex
   * configures an SMS number. Only where numbers cost nothing: the mock or a URL target.
   */
  async provisionFlexNumber(phoneNumber: string): Promise<void> {
    const service = await this.flexProxyService();
    const smsUrl = `https://webhooks.twilio.com/v1/Accounts/${this.api.target.credentials.accountSid}/Proxy/${service}/Webhooks/Message`;
    const created = await this.api.post<{ sid: string }>('api', `${this.numbersPath}.json`, {
      PhoneNumber: phoneNumber,
      SmsUrl: smsUrl,
    });
    if (created.status !== 201)
      throw new Error(`the number could not be added: ${created.status} ${created.text}`);
    const sid = created.json.sid;
    this.cleanup(() => this.api.delete('api', `${this.numbersPath}/${sid}.json`));
  }

  /** An SMS from `from` reaches the account's number `to`: its SMS URL is requested as the platform does. */
  async deliverSms(from: string, to: string, body: string): Promise<ApiResponse<unknown>> {
    const listed = await this.api.get<{ incoming_phone_numbers: Array<{ sms_url: string | null }> }>(
      'api',
      `${this.numbersPath}.json`,
      { query: { PhoneNumber: to } },
    );
    const smsUrl = listed.json?.incoming_phone_numbers?.[0]?.sms_url;
    if (!smsUrl) throw new Error(`the account's number ${to} has no SMS URL`);
    const url = new URL(smsUrl);
    const domain = domainOfHost(url.host);
    if (!domain)
      throw new Error(`the SMS URL of ${to} is not a Twilio webhook the suite can request: ${smsUrl}`);
    const messageSid = `SM${(++this.messages).toString(16).padStart(32, '0')}`;
    return this.api.send<unknown>('POST', domain, url.pathname + url.search, {
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
