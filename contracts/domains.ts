/**
 * Twilio's API domains the suite talks to. Each is served at `https://<domain>.twilio.com`;
 * an implementation serving several from one origin tells them apart by the
 * `X-Forwarded-Host` header every request carries (see targets/).
 */
export const domains = [
  'flex-api',
  'studio',
  'taskrouter',
  'conversations',
  'webhooks',
  'chat',
  'api',
  'proxy',
] as const;
export type Domain = (typeof domains)[number];

export const twilioHost = (domain: Domain) => `${domain}.twilio.com`;

/** The header naming the original Twilio host when one origin serves every domain. */
export const forwardedHostHeader = 'x-forwarded-host';

export function domainOfHost(host: string | undefined): Domain | undefined {
  if (!host) return undefined;
  const name = host.toLowerCase().split(':')[0] ?? '';
  return domains.find((domain) => name === twilioHost(domain));
}
