import { parseJsonObject } from '../core/json';
import { type FaultSpec, postsTo, rewritingForm } from './fault';

/** A flow's create or update (and Validate): the requests that carry a Definition. */
const savesFlow = postsTo('studio', ['/v2/Flows', '/v2/Flows/Validate', /^\/v2\/Flows\/FW[0-9a-fA-F]{32}$/]);

/** The Definition with every send-to-flex widget's URL method left out. */
function withoutWaitUrlMethod(definition: string): string {
  const parsed = parseJsonObject(definition);
  if (!parsed || !Array.isArray(parsed.states)) return definition;
  const states = parsed.states.map((state: unknown) => {
    const widget = state as { type?: unknown; properties?: Record<string, unknown> };
    if (widget.type !== 'send-to-flex' || !widget.properties) return state;
    const { waitUrlMethod: _dropped, ...properties } = widget.properties;
    return { ...widget, properties };
  });
  return JSON.stringify({ ...parsed, states });
}

/**
 * Hold music as the voice platform requests it. On the mock and URL targets the suite plays the
 * voice platform and reads the TwiML too, so these are killed there by the TwiML checks as well;
 * on a (simulated) real account only the hold music request shows them.
 */
export const holdMusicFaults = [
  {
    name: 'stf-wait-method-not-saved',
    description:
      "Studio saves a send-to-flex widget without its URL method: the hold music is requested with TwiML's default method whatever the widget says.",
    trips: ['STF-HOLD-MUSIC-METHOD'],
    wire: rewritingForm(savesFlow, (form) => {
      const definition = form.get('Definition');
      if (definition !== null) form.set('Definition', withoutWaitUrlMethod(definition));
    }),
  },
] as const satisfies readonly FaultSpec[];
