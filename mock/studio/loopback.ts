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

const maxRedirects = 5;

/**
 * `fetch` for the mock's call-outs (Studio widgets, webhooks): the URL must be loopback, and a
 * redirect is followed only while it stays on loopback (at most five); a redirect off this machine
 * is the answer itself.
 */
export async function loopbackFetch(url: string, init: RequestInit): Promise<Response> {
  let target = url;
  let request = init;
  for (let hop = 0; ; hop++) {
    if (!isLoopbackUrl(target)) throw new Error('a call-out goes to loopback addresses only');
    const response = await fetch(target, { ...request, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location || hop >= maxRedirects) return response;
    const next = new URL(location, target).href;
    if (!isLoopbackUrl(next)) return response;
    await response.body?.cancel();
    const becomesGet =
      response.status === 303 || ([301, 302].includes(response.status) && request.method === 'POST');
    if (becomesGet) request = { ...request, method: 'GET', body: undefined, headers: {} };
    target = next;
  }
}
