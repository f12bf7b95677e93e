/**
 * Provider side of the Flex Flow contract: the committed pact of the provisioning client
 * (contracts/pacts/flex-provisioning-client-twilio-flex-api.json, recorded by
 * tests/contracts/flex-flow-consumer.spec.ts) is verified against the selected target, one test
 * per interaction so a broken interaction fails only the rules it stands for.
 *
 * Provider states are set up through the public API only (a real account will not let us choose a
 * SID): "a Flex Flow exists" creates one and hands its SID and FriendlyName to the verifier, which
 * injects them into the request path, query and body. Everything created is deleted afterwards.
 *
 * The verifier has its own HTTP client; it talks to a loopback relay (targets/relay.ts) that sends
 * each request through the check's `api`, so its requests carry the target's credentials, keep to
 * the rate limits and the request budget, are counted per API, and are recorded and replayed.
 */
// Read by the native Pact library when verification starts (the hoisted imports do not read it).
process.env.PACT_DO_NOT_TRACK = 'true';

import { readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleId } from '../../contracts/rules';
import type { Form, TwilioApi } from '../../targets/http/client';
import { startRelay } from '../../targets/http/relay';
import { test as base, expect, verifies } from '../fixtures';

const pactFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../contracts/pacts/flex-provisioning-client-twilio-flex-api.json',
);

interface PactInteraction {
  description: string;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
}
interface PactFile {
  provider: { name: string };
  interactions: PactInteraction[];
}

const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as PactFile;

/** The catalog rules each interaction of the pact stands for. */
const rulesFor: Readonly<Record<string, [RuleId, ...RuleId[]]>> = {
  'a request to create a studio Flex Flow': ['FLEXFLOW-CREATE-RETURNS-201'],
  'a request to create a task Flex Flow': ['FLEXFLOW-CREATE-RETURNS-201'],
  'a request to fetch a Flex Flow': ['FLEXFLOW-FETCH-RETURNS-RESOURCE'],
  'a request to list Flex Flows by FriendlyName': [
    'FLEXFLOW-LIST-KEY-FLEX-FLOWS',
    'FLEXFLOW-LIST-FILTER-FRIENDLYNAME',
  ],
  'a request to rename a Flex Flow (a partial update)': ['FLEXFLOW-UPDATE-RETURNS-200'],
  'a request to delete a Flex Flow': ['FLEXFLOW-DELETE-RETURNS-204'],
  'a request to fetch a Flex Flow that does not exist': [
    'FLEXFLOW-FETCH-UNKNOWN-404',
    'WIRE-ERROR-BODY-SHAPE',
  ],
  'a request to create a Flex Flow without ChatServiceSid': [
    'WIRE-MISSING-PARAM-400-20001',
    'FLEXFLOW-CREATE-REQUIRES-CHATSERVICESID',
    'WIRE-ERROR-BODY-SHAPE',
  ],
};

type StateParams = Record<string, unknown>;
type StateHandler = (params?: unknown) => Promise<Record<string, string> | undefined>;

interface StateContext {
  readonly api: TwilioApi;
  readonly uniqueName: (purpose: string) => string;
  readonly cleanup: (undo: () => Promise<unknown>) => void;
}

/** The handler for a provider state named in the pact, or undefined when this suite does not implement it. */
function stateHandler(name: string, ctx: StateContext): StateHandler | undefined {
  if (name === 'the account can create Flex Flows') {
    // The consumer's create sends the injected FriendlyName: tag it, and sweep whatever got that name.
    return async (params) => {
      const friendlyName = ctx.uniqueName(
        `pact-${String((params as StateParams | undefined)?.purpose ?? 'create')}`,
      );
      ctx.cleanup(() => deleteFlowsNamed(ctx.api, friendlyName));
      return { friendlyName };
    };
  }
  if (name === 'a Flex Flow exists') {
    return async (params) => {
      const friendlyName = ctx.uniqueName('pact-existing');
      const response = await ctx.api.post<{ sid?: string }>('flex-api', '/v1/FlexFlows', {
        ...toForm(params as StateParams | undefined),
        FriendlyName: friendlyName,
      });
      const sid = response.json?.sid;
      if (response.status >= 300 || typeof sid !== 'string') {
        throw new Error(`provider state "${name}": create answered ${response.status} ${response.text}`);
      }
      ctx.cleanup(() => ctx.api.delete('flex-api', `/v1/FlexFlows/${sid}`));
      return { sid, friendlyName };
    };
  }
  const missing = /^no Flex Flow (FO[0-9a-fA-F]{32}) exists$/.exec(name);
  if (missing) {
    const sid = missing[1]!;
    return async () => {
      const response = await ctx.api.get('flex-api', `/v1/FlexFlows/${sid}`);
      if (response.status === 200) await ctx.api.delete('flex-api', `/v1/FlexFlows/${sid}`);
      else if (response.status !== 404) {
        throw new Error(`provider state "${name}": fetch answered ${response.status} ${response.text}`);
      }
      return undefined;
    };
  }
  return undefined;
}

async function deleteFlowsNamed(api: TwilioApi, friendlyName: string): Promise<void> {
  const page = await api.get<{ flex_flows?: Array<{ sid: string }> }>('flex-api', '/v1/FlexFlows', {
    query: { FriendlyName: friendlyName },
  });
  for (const flow of page.json?.flex_flows ?? []) await api.delete('flex-api', `/v1/FlexFlows/${flow.sid}`);
}

function toForm(params: StateParams | undefined): Form {
  const form: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      form[key] = value;
  }
  return form;
}

/** What the verifier's express proxy hands a request filter. */
type ProxiedRequest = IncomingMessage & { body?: unknown; path: string };

/**
 * Undoes the verifier proxy's JSON re-encoding of form bodies (pact-js issues 884 and 1233: the
 * proxy parses a form body, forwards it as JSON and keeps the old Content-Length).
 */
function requestFilter() {
  return (req: ProxiedRequest, _res: unknown, next: () => void) => {
    // The verifier's own state-change and message calls are not for the target.
    if (req.path.startsWith('/_pactSetup') || req.path.startsWith('/_messages')) return next();
    const isForm = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    if (isForm && req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
      const encoded = Buffer.from(
        new URLSearchParams(req.body as Record<string, string>).toString().replace(/\+/g, '%20'),
      );
      req.body = encoded;
      req.headers['content-length'] = String(encoded.length);
    }
    next();
  };
}

interface VerificationResult {
  errors?: Array<{
    interaction?: string;
    mismatch?: { mismatches?: Array<{ mismatch?: string }>; message?: string };
  }>;
  interactionResults?: Array<{ description: string; result: string }>;
}

function parseResult(text: string): VerificationResult | undefined {
  try {
    return JSON.parse(text) as VerificationResult;
  } catch {
    return undefined;
  }
}

/** One line per mismatch the verifier reported. */
function mismatches(result: VerificationResult | undefined, raw: string): string[] {
  if (!result?.errors) return [raw];
  return result.errors.flatMap((error) => {
    const lines = error.mismatch?.mismatches?.map((m) => m.mismatch ?? JSON.stringify(m));
    return lines?.length ? lines : [error.mismatch?.message ?? JSON.stringify(error.mismatch ?? error)];
  });
}

/** One verification of a pact file against the target, through a relay to the check's `api`. */
type Verify = (
  file: string,
  stateHandlers: Record<string, StateHandler>,
) => Promise<{ raw: string; passed: boolean }>;

/**
 * The native verifier runs on Node's thread pool, and a process cannot exit before it returns.
 * Interrupted (Ctrl-C), a check ends while the verifier still runs; a worker exiting then stops
 * answering the verifier's requests (its proxy, the relay, the embedded mock), and each waits out
 * the verifier's timeout: the run took 30 s to stop. So the teardown waits for the verifier, with
 * the relay and the target still answering, before it closes the relay and before `cleanup` runs
 * the undo steps its provider states registered.
 */
const test = base.extend<{ verify: Verify }>({
  verify: async ({ api, cleanup: _cleanup }, use) => {
    const relay = await startRelay(api, 'flex-api');
    let running: Promise<unknown> = Promise.resolve();
    await use(async (file, stateHandlers) => {
      // Loaded here, not at the top: the runner and every worker load this file to list its tests.
      // The verifier's own module: the package's entry also loads its consumer DSL (GraphQL,
      // Ramda, Express), three times the load time, none of it used here.
      const { Verifier } = await import('@pact-foundation/pact/src/dsl/verifier/index.js');
      const verification = new Verifier({
        provider: pact.provider.name,
        providerBaseUrl: relay.url,
        pactUrls: [file],
        logLevel: 'error',
        stateHandlers,
        requestFilter: requestFilter(),
      }).verifyProvider();
      running = verification.catch(() => undefined);
      try {
        return { raw: String(await verification), passed: true };
      } catch (error) {
        return { raw: error instanceof Error ? error.message : String(error), passed: false };
      }
    });
    await running;
    await relay.close();
  },
});

test.describe('Flex Flow contract (Pact), provider side: the target honours flex-provisioning-client', () => {
  // one worker loads the native Pact library (about 0.6 s and 40 MiB a process), not every worker
  test.describe.configure({ mode: 'default' });
  for (const interaction of pact.interactions) {
    const rules = rulesFor[interaction.description];
    test(
      `the target honours "${interaction.description}"`,
      rules ? verifies(...rules) : {},
      async ({ api, uniqueName, cleanup, verify }, testInfo) => {
        expect(rules, `map "${interaction.description}" to its catalog rules in rulesFor`).toBeDefined();

        const stateHandlers: Record<string, StateHandler> = {};
        for (const state of interaction.providerStates ?? []) {
          const handler = stateHandler(state.name, { api, uniqueName, cleanup });
          expect(handler, `provider state "${state.name}" is not implemented by this suite`).toBeDefined();
          stateHandlers[state.name] = handler!;
        }

        const file = testInfo.outputPath('pact.json');
        writeFileSync(file, JSON.stringify({ ...pact, interactions: [interaction] }, null, 2));

        const { raw, passed } = await verify(file, stateHandlers);
        await testInfo.attach('pact-verification', { body: raw, contentType: 'application/json' });

        const result = parseResult(raw);
        expect(
          passed ? [] : mismatches(result, raw),
          `the target breaks "${interaction.description}"`,
        ).toEqual([]);
        expect(
          result?.interactionResults?.map((r) => r.result),
          `Pact verdict of "${interaction.description}"`,
        ).toEqual(['OK']);
      },
    );
  }
});
