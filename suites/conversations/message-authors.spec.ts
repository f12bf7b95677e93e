import fc from 'fast-check';
import { nearlyCollidingIdentities } from '../../generators/conversations';
import { expect, observeReading, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** Whether two identities are the same text but for letter case or Unicode composition. */
const variantsOfOne = (a: string, b: string) =>
  a.toLowerCase() === b.toLowerCase() ||
  a.toUpperCase() === b.toUpperCase() ||
  a.normalize('NFC') === b.normalize('NFC');

test.describe('messages and their author participants', () => {
  test(
    "a message's participant_sid is the participant its Author names, when another identity nearly collides with it",
    verifies('CONV-MESSAGE-AUTHOR-PARTICIPANT'),
    async ({ api, cleanup }, testInfo) => {
      await fc.assert(
        fc.asyncProperty(nearlyCollidingIdentities(), async (identities) => {
          const created = await api.post<{ sid: string }>('conversations', '/v1/Conversations', {});
          expect(created.status, 'POST /v1/Conversations status').toBe(201);
          const path = `/v1/Conversations/${created.json.sid}`;
          cleanup(() => api.delete('conversations', path));
          const participants = new Map<string, string>();
          for (const identity of identities) {
            const joined = await api.post<{ sid: string }>('conversations', `${path}/Participants`, {
              Identity: identity,
            });
            if (joined.status !== 201 && participants.size === 1 && variantsOfOne(...identities)) {
              observeReading(testInfo, 'CONV-MESSAGE-AUTHOR-PARTICIPANT', 'same-identity');
              return;
            }
            expect(joined.status, `POST …/Participants status (Identity ${identity})`).toBe(201);
            participants.set(identity, joined.json.sid);
          }
          if (variantsOfOne(...identities)) {
            observeReading(testInfo, 'CONV-MESSAGE-AUTHOR-PARTICIPANT', 'distinct-identities');
          }
          for (const [author, participantSid] of participants) {
            const sent = await api.post<{ participant_sid: string | null }>(
              'conversations',
              `${path}/Messages`,
              {
                Author: author,
                Body: `from ${author}`,
              },
            );
            expect(sent.status, 'POST …/Messages status').toBe(201);
            expect(sent.json.participant_sid, `participant_sid of a message by ${author}`).toBe(
              participantSid,
            );
          }
        }),
        scaled(weights.resource),
      );
    },
  );
});
