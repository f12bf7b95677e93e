import { ConfigError } from '../types';

/** Hosts a platform in the cloud cannot reach: this machine and private networks. */
const unreachableHost =
  /^(localhost|.*\.localhost|\[.*\]|0\.0\.0\.0|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+)$/i;

/**
 * `--public-url`: an https URL, on a host Twilio can reach (not loopback, not a private network),
 * without query or fragment. Returned without its trailing slash.
 */
export function checkPublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `--public-url must be an https URL such as https://abc123.ngrok.app (got "${value}")`,
    );
  }
  if (url.protocol !== 'https:')
    throw new ConfigError(`--public-url must use https: Twilio calls webhooks over https (got "${value}")`);
  if (unreachableHost.test(url.hostname))
    throw new ConfigError(
      `--public-url must be reachable from Twilio, not a loopback or private address (got "${url.hostname}"): point a tunnel at --stub-port and give its public URL`,
    );
  if (url.search || url.hash || url.username || url.password)
    throw new ConfigError('--public-url takes no query, fragment or credentials');
  return url.href.replace(/\/+$/, '');
}
