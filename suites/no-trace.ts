import { expect } from './assertions';

/**
 * Effects, not echoes: a refused create or update changes nothing. `watch` reads what a refused
 * request could leave behind (the list it would have joined, or the resource it would have changed)
 * before the request; the function it returns reads it again and fails the check when it differs.
 *
 *   const unchanged = await watchForTrace('webhooks of the conversation', () => listWebhooks());
 *   const refused = await api.post(…);
 *   expect(refused.status, '…').toBe(400);
 *   await unchanged();
 */
export async function watchForTrace(
  what: string,
  watch: () => Promise<unknown>,
): Promise<() => Promise<void>> {
  const before = await watch();
  return async () => {
    expect(await watch(), `${what} after the refused request, against before it`).toEqual(before);
  };
}
