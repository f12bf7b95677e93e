import { customer } from '../../generators/conversations';
import { sid } from '../../generators/sids';
import { expect, test, verifies } from '../fixtures';
import { watchForTrace } from '../no-trace';
import { samplesOf } from '../properties';

test.describe('conversation-scoped webhooks', () => {
  test(
    'POST …/Webhooks without Target is 400 / 20001; webhook, trigger and studio are each accepted (201, WH sid)',
    verifies('CONV-SCOPED-WEBHOOK-TARGETS'),
    async ({ api, customers }) => {
      const [who] = samplesOf(customer(), 1, 107);
      const conversation = await customers.open(who!);
      const path = `/v1/Conversations/${conversation.sid}/Webhooks`;
      const unchanged = await watchForTrace(
        'webhooks of the conversation',
        async () => (await api.get<{ webhooks: unknown[] }>('conversations', path)).json.webhooks,
      );
      const refused = await api.post('conversations', path, {
        'Configuration.Url': 'https://example.com/hook',
      });
      expect(refused.status, 'POST conversations/… status').toBe(400);
      expect(refused.json, 'error of POST …/Webhooks without Target').toMatchObject({ code: 20001 });
      await unchanged();
      const [flowSid] = samplesOf(sid('FW'), 1, 109);
      for (const form of [
        {
          Target: 'webhook',
          'Configuration.Url': 'https://example.com/hook',
          'Configuration.Method': 'post',
        },
        {
          Target: 'trigger',
          'Configuration.Url': 'https://example.com/keyword',
          'Configuration.Triggers': 'agent',
        },
        { Target: 'studio', 'Configuration.FlowSid': flowSid },
      ]) {
        const created = await api.post<{ sid: string; target: string }>('conversations', path, form);
        expect(created.status, 'POST conversations/… status').toBe(201);
        expect(created.json.sid, 'sid of the created webhook').toMatch(/^WH[0-9a-fA-F]{32}$/);
        expect(created.json.target, 'target of the created webhook against the Target sent').toBe(
          form.Target,
        );
      }
    },
  );
});
