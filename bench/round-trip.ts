import { request } from '@playwright/test';
import fc from 'fast-check';
import { type FlexFlowForm, validCreate } from '../generators/flex-flow';
import { startMock } from '../mock/server';
import { startEmbeddedMock } from '../support/embedded-mock';
import { TwilioApi } from '../targets/http/client';
import { openTarget } from '../targets/open';
import { defaultRunSettings, defaultSeed } from '../targets/run-settings';

export interface RoundTripFigures {
  readonly cases: number;
  /** fast-check property over HTTP (the suite's client: TwilioApi on Playwright's request). */
  readonly propertyPerSecond: number;
  /** The same round trips over HTTP in a plain loop over pre-generated bodies. */
  readonly loopPerSecond: number;
  /** The same round trips in a plain loop calling the mock's routes in-process (no HTTP). */
  readonly inProcessPerSecond: number;
}

/**
 * Cases per second of a Flex Flow create → fetch → delete round trip: as a property, as a plain
 * loop through HTTP, and as a plain loop without HTTP. Warmed up first; each variant runs `cases`
 * round trips per round, `rounds` times, and stops.
 */
export async function measureRoundTrip(cases = 200, rounds = 3): Promise<RoundTripFigures> {
  const target = await openTarget(defaultRunSettings(), startEmbeddedMock, {});
  const context = await request.newContext();
  const api = new TwilioApi(context, target);
  const roundTrip = async (body: FlexFlowForm) => {
    const created = await api.post<{ sid: string }>('flex-api', '/v1/FlexFlows', body);
    if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`);
    const fetched = await api.get('flex-api', `/v1/FlexFlows/${created.json.sid}`);
    if (fetched.status !== 200) throw new Error(`fetch answered ${fetched.status}`);
    const deleted = await api.delete('flex-api', `/v1/FlexFlows/${created.json.sid}`);
    if (deleted.status !== 204) throw new Error(`delete answered ${deleted.status}`);
    api.exchanges.length = 0;
  };
  const bodies = fc.sample(validCreate(), { numRuns: cases, seed: defaultSeed });
  try {
    for (const body of bodies.slice(0, 30)) await roundTrip(body);
    await fc.assert(fc.asyncProperty(validCreate(), roundTrip), { numRuns: 30, seed: 1 });

    // alternate the two over HTTP and keep each one's best round, so neither gains from going second
    const propertyRounds: number[] = [];
    const loopRounds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      propertyRounds.push(
        await timed(() =>
          fc.assert(fc.asyncProperty(validCreate(), roundTrip), {
            numRuns: cases,
            seed: defaultSeed + round,
          }),
        ),
      );
      loopRounds.push(
        await timed(async () => {
          for (const body of bodies) await roundTrip(body);
        }),
      );
    }
    const propertyMs = Math.min(...propertyRounds);
    const loopMs = Math.min(...loopRounds);
    const inProcessMs = await measureInProcess(bodies);
    return {
      cases,
      propertyPerSecond: perSecond(cases, propertyMs),
      loopPerSecond: perSecond(cases, loopMs),
      inProcessPerSecond: perSecond(cases, inProcessMs),
    };
  } finally {
    await context.dispose();
    await target.close();
  }
}

async function measureInProcess(bodies: readonly FlexFlowForm[]): Promise<number> {
  const mock = await startMock();
  const { context } = mock.app;
  const run = async (body: FlexFlowForm) => {
    const form = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
    const created = await context.call('flex-api', 'POST', '/v1/FlexFlows', form);
    const sid = (created.body as { sid?: string }).sid;
    if (created.status !== 201 || !sid) throw new Error(`create answered ${created.status}`);
    if ((await context.call('flex-api', 'GET', `/v1/FlexFlows/${sid}`)).status !== 200)
      throw new Error('fetch failed');
    if ((await context.call('flex-api', 'DELETE', `/v1/FlexFlows/${sid}`)).status !== 204)
      throw new Error('delete failed');
  };
  try {
    for (const body of bodies.slice(0, 30)) await run(body);
    return await timed(async () => {
      for (const body of bodies) await run(body);
    });
  } finally {
    await mock.close();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}
