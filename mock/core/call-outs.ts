/** 127.0.0.0/8 as an address literal only: `127.evil.example` is a public name. */
const loopbackIPv4 = /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return ['localhost', '[::1]'].includes(url.hostname) || loopbackIPv4.test(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Where the platform the mock plays can send a call-out (a Studio widget's request, a webhook),
 * and which address on this machine that request lands on. The mock never reaches beyond loopback.
 */
export interface CallOutReach {
  /** The loopback URL a call-out to `url` is delivered to, or undefined when the platform cannot reach `url`. */
  locate(url: string): string | undefined;
}

/** A platform running on this machine (the embedded mock): it reaches loopback URLs, nothing else. */
export const onThisMachine: CallOutReach = {
  locate: (url) => (isLoopbackUrl(url) ? url : undefined),
};

/**
 * A platform in the cloud (a Twilio account): it cannot reach this machine's loopback addresses;
 * it reaches `publicUrl`, which a tunnel delivers to `tunnelTo` on this machine.
 */
export function throughPublicUrl(publicUrl: string, tunnelTo: string): CallOutReach {
  const base = publicUrl.replace(/\/+$/, '');
  const local = tunnelTo.replace(/\/+$/, '');
  return {
    locate(url) {
      if (url !== base && !url.startsWith(`${base}/`) && !url.startsWith(`${base}?`)) return undefined;
      return local + url.slice(base.length);
    },
  };
}

const maxRedirects = 5;

/**
 * `fetch` for the mock's call-outs: the URL must be one the platform reaches, and a redirect is
 * followed only while it stays reachable (at most five); a redirect elsewhere is the answer itself.
 */
export async function callOut(reach: CallOutReach, url: string, init: RequestInit): Promise<Response> {
  let target = url;
  let request = init;
  for (let hop = 0; ; hop++) {
    const delivered = reach.locate(target);
    if (!delivered) throw new Error('the platform cannot reach this URL');
    const response = await fetch(delivered, { ...request, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location || hop >= maxRedirects) return response;
    const next = new URL(location, target).href;
    if (!reach.locate(next)) return response;
    await response.body?.cancel();
    const becomesGet =
      response.status === 303 || ([301, 302].includes(response.status) && request.method === 'POST');
    if (becomesGet) request = { ...request, method: 'GET', body: undefined, headers: {} };
    target = next;
  }
}
