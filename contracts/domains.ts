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

const domainByHost = new Map<string, Domain>(domains.map((domain) => [twilioHost(domain), domain]));

export function domainOfHost(host: string | undefined): Domain | undefined {
  if (!host) return undefined;
  const colon = host.indexOf(':');
  return domainByHost.get((colon < 0 ? host : host.slice(0, colon)).toLowerCase());
}
