import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { type FlexFlowForm, validCreate } from '../generators/flex-flow';
import { startMock } from '../mock/server';
import { startEmbeddedMock } from '../support/embedded-mock';
import { encodeForm, TwilioApi } from '../targets/http/client';
import { basicAuthorization } from '../targets/http/credentials';
import { openTarget } from '../targets/open';
import { defaultRunSettings, defaultSeed } from '../targets/run-settings';
import type { Target } from '../targets/types';

export interface RoundTripFigures {
  readonly cases: number;
  /** Rounds each variant ran, alternating; each figure is the variant's best round. */
  readonly rounds?: number;
  /** fast-check property over HTTP (the suite's client: TwilioApi). */
  readonly propertyPerSecond: number;
  /** The same round trips through the suite's client in a plain loop over pre-generated bodies. */
  readonly clientLoopPerSecond: number;
  /** The same three requests from node:http over one keep-alive connection: the wire's pace. */
  readonly rawLoopPerSecond: number;
  /** The same round trips calling the mock's routes in-process (no HTTP). */
  readonly inProcessPerSecond: number;
}

/**
 * Cases per second of a Flex Flow create → fetch → delete round trip against one embedded mock: as
 * a property through the suite's client, as a plain loop through that client, and as a raw
 * keep-alive loop; then without HTTP. Warmed up first; each variant runs `cases` round trips per
 * round, `rounds` times, alternating, and keeps its best round. A round lasts about a tenth of a
 * second, and this machine's pace can move by 40% within a bench: with 3 rounds the same code gave
 * a property ÷ raw ratio from 0.56 to 0.77, with 7 from 0.65 to 0.70.
 */
export async function measureRoundTrip(cases = 200, rounds = 7): Promise<RoundTripFigures> {
  const target = await openTarget(defaultRunSettings(), startEmbeddedMock, {});
  const api = new TwilioApi(target);
  const clientRoundTrip = async (body: FlexFlowForm) => {
    const created = await api.post<{ sid: string }>('flex-api', '/v1/FlexFlows', body);
    if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`);
    const fetched = await api.get('flex-api', `/v1/FlexFlows/${created.json.sid}`);
    if (fetched.status !== 200) throw new Error(`fetch answered ${fetched.status}`);
    const deleted = await api.delete('flex-api', `/v1/FlexFlows/${created.json.sid}`);
    if (deleted.status !== 204) throw new Error(`delete answered ${deleted.status}`);
    api.exchanges.length = 0;
  };
  const raw = rawClient(target);
  const bodies = fc.sample(validCreate(), { numRuns: cases, seed: defaultSeed });
  const loop = (roundTrip: (body: FlexFlowForm) => Promise<void>) => async () => {
    for (const body of bodies) await roundTrip(body);
  };
  try {
    for (const body of bodies.slice(0, 30)) {
      await clientRoundTrip(body);
      await raw.roundTrip(body);
    }
    await fc.assert(fc.asyncProperty(validCreate(), clientRoundTrip), { numRuns: 30, seed: 1 });

    const propertyRounds: number[] = [];
    const clientRounds: number[] = [];
    const rawRounds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      propertyRounds.push(
        await timed(() =>
          fc.assert(fc.asyncProperty(validCreate(), clientRoundTrip), {
            numRuns: cases,
            seed: defaultSeed + round,
          }),
        ),
      );
      clientRounds.push(await timed(loop(clientRoundTrip)));
      rawRounds.push(await timed(loop(raw.roundTrip)));
    }
    return {
      cases,
      rounds,
      propertyPerSecond: perSecond(cases, Math.min(...propertyRounds)),
      clientLoopPerSecond: perSecond(cases, Math.min(...clientRounds)),
      rawLoopPerSecond: perSecond(cases, Math.min(...rawRounds)),
      inProcessPerSecond: perSecond(cases, await measureInProcess(bodies)),
    };
  } finally {
    raw.close();
    await target.close();
  }
}

/** Create → fetch → delete straight from node:http over one keep-alive connection. */
function rawClient(target: Target): { roundTrip(body: FlexFlowForm): Promise<void>; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const base = `${target.baseUrl('flex-api')}/v1/FlexFlows`;
  const headers = {
    accept: 'application/json',
    ...target.headers('flex-api'),
    authorization: basicAuthorization(target.credentials),
  };
  const send = (method: string, url: string, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const sent = body
        ? {
            ...headers,
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': String(Buffer.byteLength(body)),
          }
        : headers;
      const req = httpRequest(url, { method, agent, headers: sent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    async roundTrip(body) {
      const created = await send('POST', base, encodeForm(body));
      if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`);
      const { sid } = JSON.parse(created.text) as { sid: string };
      if ((await send('GET', `${base}/${sid}`)).status !== 200) throw new Error('fetch failed');
      if ((await send('DELETE', `${base}/${sid}`)).status !== 204) throw new Error('delete failed');
    },
    close: () => agent.destroy(),
  };
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
