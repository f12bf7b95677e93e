import fc from 'fast-check';
import {
  type ConversationState,
  conversationStateMix,
  conversationStates,
  type StateSetting,
  stateSetting,
} from '../../generators/conversations';
import type { TwilioApi } from '../../targets/http/client';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

interface ConversationBody {
  sid: string;
  state: string;
}

interface ConversationPage {
  conversations: ConversationBody[];
  meta: { next_page_url?: string | null };
}

/**
 * A new conversation (deleted after the test) brought to its state as `setting` says: State sent on
 * create, set by an update, or not sent at all. Returns the last answer (create or update).
 */
async function conversationIn(
  api: TwilioApi,
  cleanup: (undo: () => Promise<unknown>) => void,
  setting: StateSetting,
) {
  const created = await api.post<ConversationBody>(
    'conversations',
    '/v1/Conversations',
    setting.via === 'create' ? { State: setting.state } : {},
  );
  expect(created.status, 'POST /v1/Conversations status').toBe(201);
  const sid = created.json.sid;
  cleanup(() => api.delete('conversations', `/v1/Conversations/${sid}`));
  if (setting.via !== 'update') return created.json;
  const updated = await api.post<ConversationBody>('conversations', `/v1/Conversations/${sid}`, {
    State: setting.state,
  });
  expect(updated.status, 'POST /v1/Conversations/{Sid} status').toBe(200);
  return updated.json;
}

/** The SIDs GET /v1/Conversations?State=… lists, every page followed, among `ours`. */
async function listedIn(api: TwilioApi, state: ConversationState, ours: ReadonlySet<string>) {
  const sids: string[] = [];
  let page = await api.get<ConversationPage>('conversations', '/v1/Conversations', {
    query: { State: state, PageSize: 100 },
  });
  for (;;) {
    expect(page.status, `GET /v1/Conversations?State=${state} status`).toBe(200);
    sids.push(
      ...page.json.conversations.map((conversation) => conversation.sid).filter((sid) => ours.has(sid)),
    );
    const next = page.json.meta.next_page_url;
    if (typeof next !== 'string') return sids.sort();
    page = await api.follow<ConversationPage>(next, 'conversations');
  }
}

test.describe('conversation states', () => {
  test(
    'a conversation created with State, or updated to it, is in that state; one created without State is active',
    verifies('CONV-STATE-VALUES'),
    async ({ api, cleanup }) => {
      await fc.assert(
        fc.asyncProperty(stateSetting(), async (setting) => {
          const answered = await conversationIn(api, cleanup, setting);
          const label = `state of a conversation ${setting.via === 'default' ? 'created without State' : `${setting.via === 'create' ? 'created with' : 'updated to'} State=${setting.state}`}`;
          expect(answered.state, `${label}, as answered`).toBe(setting.state);
          const fetched = await api.get<ConversationBody>(
            'conversations',
            `/v1/Conversations/${answered.sid}`,
          );
          expect(fetched.json.state, `${label}, as fetched`).toBe(setting.state);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'State=active, inactive or closed lists every conversation in that state and none in another',
    verifies('CONV-STATE-VALUES'),
    async ({ api, cleanup }) => {
      const stateOf = new Map<string, ConversationState>();
      await fc.assert(
        fc.asyncProperty(conversationStateMix(), async (settings) => {
          for (const setting of settings) {
            const conversation = await conversationIn(api, cleanup, setting);
            stateOf.set(conversation.sid, setting.state);
          }
          const ours = new Set(stateOf.keys());
          for (const state of conversationStates) {
            const wanted = [...stateOf].filter(([, s]) => s === state).map(([sid]) => sid);
            expect(
              await listedIn(api, state, ours),
              `Conversations?State=${state}: every one of ours in ${state}, and none in another state`,
            ).toEqual(wanted.sort());
          }
        }),
        scaled(weights.resource),
      );
    },
  );
});
