import fc from 'fast-check';
import { incomingCall } from '../../generators/callers';
import { publishCallFlow } from '../drivers/call-flows';
import { eventually } from '../drivers/eventually';
import type { HttpStub, StubRequest } from '../drivers/http-stub';
import type { VoicePlatform } from '../drivers/voice-platform';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/**
 * Hold music as the voice platform plays it: while the enqueued call waits, the platform requests
 * the widget's Hold music TwiML URL (`waitUrl`) with its URL method (`waitUrlMethod`). The URL
 * points at the check's stub, so the request is observed on every target, a real account included
 * (through `--public-url`), without reading the TwiML the flow answers.
 */

const methods = ['GET', 'POST'] as const;

/** A file name for the hold music: empty, ASCII, reserved and non-ASCII characters, percent-encoded into the path. */
const holdMusicName = () =>
  fc.string({ unit: fc.constantFrom(...'aZ09-_.~ %&?#/+', 'é', 'ß', '日', '😀'), maxLength: 16 });

/** The URL's own query: none, or parameters the platform must keep when it adds the call's. */
const holdMusicQuery = () => fc.constantFrom('', '?genre=jazz&loop=2', '?q=%20x', '?caller=placeholder&x=');

/** What the stub answers the platform: TwiML the caller hears while waiting. */
const holdMusicTwiml = { contentType: 'text/xml', body: '<Response><Pause length="20"/></Response>' };

let cases = 0;

/** A path of the stub no other case uses, so a request there is this case's. */
function holdMusicPath(name: string): string {
  return `/hold-music/${++cases}/${encodeURIComponent(name)}.xml`;
}

/** The first request for the hold music at `path`, once the call is waiting; the call ends either way. */
async function holdMusicRequest(
  voice: VoicePlatform,
  stub: HttpStub,
  path: string,
  call: Parameters<VoicePlatform['hangUp']>[0],
): Promise<StubRequest | undefined> {
  const pathname = new URL(path, 'http://stub').pathname;
  try {
    return await eventually(async () => stub.requestsTo(pathname)[0]);
  } finally {
    await voice.hangUp(call);
  }
}

test.describe('hold music requested while the call waits', () => {
  test(
    'the platform requests the widget’s Hold music URL (Liquid rendered, its query kept) while the call waits in the queue',
    verifies('STF-CALL-HOLD-MUSIC-URL'),
    async ({ studio, routing, workflow, voice, httpStub }) => {
      await fc.assert(
        fc.asyncProperty(
          holdMusicName(),
          holdMusicQuery(),
          fc.constantFrom(...methods),
          incomingCall(),
          async (name, query, method, caller) => {
            const path = holdMusicPath(name);
            httpStub.respond(new URL(path, 'http://stub').pathname, holdMusicTwiml);
            const separator = query ? '&' : '?';
            const template = `${httpStub.url(path)}${query}${separator}from={{trigger.call.From | url_encode}}`;
            const flow = await publishCallFlow(studio, routing, workflow, {
              waitUrl: template,
              waitUrlMethod: method,
            });
            const answered = await voice.call(flow, caller);
            const request = await holdMusicRequest(voice, httpStub, path, answered.call);
            expect(request, `no request for the hold music at ${path}`).toBeDefined();
            for (const [key, value] of new URLSearchParams(query))
              expect(request?.query.getAll(key), `hold music query parameter ${key}`).toContain(value);
            expect(request?.query.getAll('from'), 'the Liquid in the hold music URL, rendered').toEqual([
              answered.call.From,
            ]);
          },
        ),
        scaled(weights.flow),
      );
    },
  );

  for (const method of methods) {
    test(
      `with URL method ${method} the platform requests the Hold music URL with ${method}`,
      verifies('STF-HOLD-MUSIC-METHOD'),
      async ({ studio, routing, workflow, voice, httpStub }) => {
        await fc.assert(
          fc.asyncProperty(holdMusicName(), incomingCall(), async (name, caller) => {
            const path = holdMusicPath(name);
            httpStub.respond(new URL(path, 'http://stub').pathname, holdMusicTwiml);
            const flow = await publishCallFlow(studio, routing, workflow, {
              waitUrl: httpStub.url(path),
              waitUrlMethod: method,
            });
            const answered = await voice.call(flow, caller);
            const request = await holdMusicRequest(voice, httpStub, path, answered.call);
            expect(request, `no request for the hold music at ${path}`).toBeDefined();
            expect(request?.method, 'the method of the hold music request').toBe(method);
          }),
          scaled(weights.flow),
        );
      },
    );
  }
});
