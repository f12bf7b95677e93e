import { test as base } from '@playwright/test';
import { interceptTwilio, stopIntercepting } from './intercept-twilio';
import { type SimulatedTwilio, type StagingAccount, startSimulatedTwilio } from './simulated-twilio';

export { expect } from '@playwright/test';
export { busiestWindow } from './busiest-window';

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
