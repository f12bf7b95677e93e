import { test as base } from '../send-to-flex/fixtures';
import { LegacyMessaging } from './legacy-messaging';

export { expect, observeReading, verifies } from '../send-to-flex/fixtures';

export const test = base.extend<{ messaging: LegacyMessaging }>({
  messaging: async ({ api, uniqueName, cleanup }, use) => {
    await use(new LegacyMessaging(api, uniqueName('messaging'), cleanup));
  },
});
