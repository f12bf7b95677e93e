import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { forwardedHostHeader } from '../../../contracts/domains';

/**
 * Sends the SDK's https://<domain>.twilio.com requests to a local origin (the mock serves every
 * domain from one), with the original host in X-Forwarded-Host, recording what the SDK asked for.
 */
export class LocalRequestClient extends twilio.RequestClient {
  /** `METHOD uri` of every request as the SDK issued it (before rewriting). */
  readonly issued: string[] = [];

  constructor(private readonly origin: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    this.issued.push(`${opts.method.toUpperCase()} ${opts.uri}`);
    const url = new URL(opts.uri);
    if (!/^[a-z0-9-]+\.twilio\.com$/.test(url.hostname)) return super.request(opts);
    return super.request({
      ...opts,
      uri: this.origin + url.pathname + url.search,
      headers: { ...opts.headers, [forwardedHostHeader]: url.host },
    });
  }
}

/** A twilio-node client of `credentials` whose requests reach the mock (or relay) at `origin`. */
export function localTwilioClient(
  origin: string,
  credentials: { readonly accountSid: string; readonly authToken: string },
): twilio.Twilio {
  return twilio(credentials.accountSid, credentials.authToken, {
    httpClient: new LocalRequestClient(origin),
    region: '',
    edge: '',
  });
}
