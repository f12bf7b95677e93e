import { test as base } from '@playwright/test';
import { interceptTwilio, stopIntercepting } from './intercept-twilio';
import { type SimulatedTwilio, type StagingAccount, startSimulatedTwilio } from './simulated-twilio';

export { expect } from '@playwright/test';

/**
 * Every test gets its own simulated staging account, with Twilio's hosts intercepted in this
 * worker (even a test that never names the fixture): nothing but loopback is reachable.
 */
export const test = base.extend<{ account: StagingAccount; staging: SimulatedTwilio }>({
  account: [{}, { option: true }],
  staging: [
    async ({ account }, use) => {
      const staging = await startSimulatedTwilio(account);
      interceptTwilio(staging.url);
      await use(staging);
      stopIntercepting();
      await staging.close();
    },
    { auto: true },
  ],
});

/** The largest number of logged requests within any `windowMs` (sliding window over arrival times). */
export function busiestWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
