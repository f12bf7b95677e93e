import { test as base } from '../send-to-flex/fixtures';
import { ConversationCustomer } from './conversation-customer';

export { expect, observeReading, verifies } from '../send-to-flex/fixtures';

export const test = base.extend<{ customers: ConversationCustomer }>({
  customers: async ({ api, uniqueName, cleanup }, use) => {
    await use(new ConversationCustomer(api, uniqueName('conversation'), cleanup));
  },
});
