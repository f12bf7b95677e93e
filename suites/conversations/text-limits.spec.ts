import fc from 'fast-check';
import { textWithin } from '../../generators/conversations';
import type { TwilioApi } from '../../targets/http/client';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** A new conversation (deleted after the test), created with `form`. */
async function conversationWith(
  api: TwilioApi,
  cleanup: (undo: () => Promise<unknown>) => void,
  form: Record<string, string> = {},
) {
  const created = await api.post<{ sid: string; friendly_name: string | null }>(
    'conversations',
    '/v1/Conversations',
    form,
  );
  if (created.status === 201) {
    cleanup(() => api.delete('conversations', `/v1/Conversations/${created.json.sid}`));
  }
  return created;
}

test.describe('text limits of Conversations count characters, not bytes', () => {
  test(
    'a conversation FriendlyName of up to 256 characters, multi-byte ones included, is accepted and reported as sent',
    verifies('CONV-TEXT-LIMITS-CHARACTERS'),
    async ({ api, cleanup }) => {
      await fc.assert(
        fc.asyncProperty(textWithin(256), async (name) => {
          const created = await conversationWith(api, cleanup, { FriendlyName: name });
          expect(created.status, 'POST /v1/Conversations status').toBe(201);
          expect(created.json.friendly_name, 'friendly_name').toBe(name);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a participant Identity of up to 256 characters, multi-byte ones included, is accepted and reported as sent',
    verifies('CONV-TEXT-LIMITS-CHARACTERS'),
    async ({ api, cleanup }) => {
      await fc.assert(
        fc.asyncProperty(textWithin(256), async (identity) => {
          const conversation = await conversationWith(api, cleanup);
          expect(conversation.status, 'POST /v1/Conversations status').toBe(201);
          const joined = await api.post<{ identity: string | null }>(
            'conversations',
            `/v1/Conversations/${conversation.json.sid}/Participants`,
            { Identity: identity },
          );
          expect(joined.status, 'POST …/Participants status').toBe(201);
          expect(joined.json.identity, 'identity').toBe(identity);
        }),
        scaled(weights.resource),
      );
    },
  );

  test(
    'a message Body of up to 1,600 characters, multi-byte ones included, is accepted and reported as sent',
    verifies('CONV-TEXT-LIMITS-CHARACTERS'),
    async ({ api, cleanup }) => {
      const conversation = await conversationWith(api, cleanup);
      expect(conversation.status, 'POST /v1/Conversations status').toBe(201);
      await fc.assert(
        fc.asyncProperty(textWithin(1600), async (body) => {
          const sent = await api.post<{ body: string | null }>(
            'conversations',
            `/v1/Conversations/${conversation.json.sid}/Messages`,
            { Body: body },
          );
          expect(sent.status, 'POST …/Messages status').toBe(201);
          expect(sent.json.body, 'body').toBe(body);
        }),
        scaled(weights.request),
      );
    },
  );
});
