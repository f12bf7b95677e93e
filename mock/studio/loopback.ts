/** 127.0.0.0/8 as an address literal only: `127.evil.example` is a public name. */
const loopbackIPv4 = /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The mock never reaches beyond this machine: outbound requests go to loopback addresses only. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return ['localhost', '[::1]'].includes(url.hostname) || loopbackIPv4.test(url.hostname);
  } catch {
    return false;
  }
}
