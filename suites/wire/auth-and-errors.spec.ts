import fc from 'fast-check';
import { sid, validCreate } from '../../generators/flex-flow';
import { hex } from '../../generators/sids';
import type { Credentials, Target } from '../../targets/types';
import { expect, skipWhereProgrammableChatEnded, test, verifies } from '../fixtures';
import { watchForTrace } from '../no-trace';
import { samplesOf, scaled, weights } from '../properties';

/** The wire conventions are checked on the Flex Flow API, the resource the documents describe them on. */
const flexFlowsPath = '/v1/FlexFlows';

const credentialKinds = ['auth-token', 'api-key'] as const;
const kindLabel = { 'auth-token': 'the Account SID', 'api-key': 'an API key SID' } as const;
/** Where the target does not hold a kind, the variables that would give it. */
const variablesOfKind = {
  'auth-token': 'TWILIO_AUTH_TOKEN',
  'api-key': 'TWILIO_API_KEY and TWILIO_API_SECRET',
} as const;

/** Wrong secrets: empty-adjacent, long, non-ASCII, and one character off the shapes of real secrets. */
const wrongSecret = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  hex(32),
);

/** The target's credentials of one kind; the check is skipped, naming the variables, where the run has none. */
function credentialsOfKind(target: Target, kind: Credentials['kind']): Credentials {
  const credentials =
    target.credentials.kind === kind ? target.credentials : target.credentialsByKind?.[kind];
  test.skip(
    credentials === undefined,
    `${variablesOfKind[kind]} not set: no ${kindLabel[kind]} credentials for this target`,
  );
  return credentials as Credentials;
}

/** No credentials, or a wrong secret for each kind of credentials the target holds. */
function refusedCredentials(target: Target): fc.Arbitrary<'none' | Credentials> {
  const held = credentialKinds.flatMap((kind) => {
    const credentials =
      target.credentials.kind === kind ? target.credentials : target.credentialsByKind?.[kind];
    return credentials ? [credentials] : [];
  });
  return fc.oneof(
    fc.constant('none' as const),
    ...held.map((credentials) =>
      wrongSecret
        .filter((password) => password !== credentials.password)
        .map((password) => ({ ...credentials, password })),
    ),
  );
}

const describeAuth = (auth: 'none' | Credentials) =>
  auth === 'none' ? 'without credentials' : `with a wrong ${auth.kind} secret`;

test.beforeEach(({ prerequisites }, testInfo) => {
  skipWhereProgrammableChatEnded(testInfo, prerequisites, 'the wire checks go through the Flex Flow API');
});

test.describe('HTTP Basic auth', () => {
  test(
    'a request without credentials is answered 401 with code 20003',
    verifies('WIRE-AUTH-BASIC-REQUIRED'),
    async ({ api }) => {
      const response = await api.get('flex-api', flexFlowsPath, { auth: 'none' });
      expect(response.status, 'status of a request without credentials').toBe(401);
      expect(response.json.code, 'error code of a request without credentials').toBe(20003);
    },
  );

  for (const kind of credentialKinds) {
    test(
      `a request with ${kindLabel[kind]} and a wrong secret is answered 401 with code 20003`,
      verifies('WIRE-AUTH-WRONG-CREDENTIALS-401'),
      async ({ api, target }) => {
        const credentials = credentialsOfKind(target, kind);
        await fc.assert(
          fc.asyncProperty(wrongSecret, async (password) => {
            fc.pre(password !== credentials.password);
            const response = await api.get('flex-api', flexFlowsPath, { auth: { ...credentials, password } });
            expect(response.status, 'status of a request with a wrong password').toBe(401);
            expect(response.json.code, 'error code of a request with a wrong password').toBe(20003);
          }),
          scaled(weights.request),
        );
      },
    );
  }

  test(
    'an API key SID with its secret is served as the account',
    verifies('WIRE-AUTH-API-KEY-ACCEPTED'),
    async ({ api, target }) => {
      const response = await api.get('flex-api', flexFlowsPath, {
        auth: credentialsOfKind(target, 'api-key'),
      });
      expect(response.status, 'GET /v1/FlexFlows with the API key').toBe(200);
    },
  );

  test(
    "an API key SID the account does not have is answered 401, even with the account's key secret",
    verifies('WIRE-AUTH-WRONG-CREDENTIALS-401'),
    async ({ api, target }) => {
      const key = credentialsOfKind(target, 'api-key');
      await fc.assert(
        fc.asyncProperty(sid('SK'), async (otherKey) => {
          fc.pre(otherKey.toLowerCase() !== key.username.toLowerCase());
          const response = await api.get('flex-api', flexFlowsPath, { auth: { ...key, username: otherKey } });
          expect(response.status, 'status of a request with an unknown API key SID').toBe(401);
          expect(response.json.code, 'error code of a request with an unknown API key SID').toBe(20003);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    "one kind's secret never authenticates the other kind's SID",
    verifies('WIRE-AUTH-WRONG-CREDENTIALS-401'),
    async ({ api, target }) => {
      const token = credentialsOfKind(target, 'auth-token');
      const key = credentialsOfKind(target, 'api-key');
      for (const crossed of [
        { ...key, password: token.password },
        { ...token, password: key.password },
      ]) {
        const response = await api.get('flex-api', flexFlowsPath, { auth: crossed });
        expect(
          response.status,
          `${crossed.kind === 'api-key' ? 'API key' : 'Account SID'} with the other secret`,
        ).toBe(401);
        expect(response.json.code, "error code of a request with the other kind's secret").toBe(20003);
      }
    },
  );

  test(
    'a create without credentials, or with a wrong secret of either kind, is answered 401 and leaves no flow behind',
    verifies('WIRE-AUTH-BASIC-REQUIRED', 'WIRE-AUTH-WRONG-CREDENTIALS-401'),
    async ({ api, target, uniqueName, cleanup }) => {
      await fc.assert(
        fc.asyncProperty(refusedCredentials(target), validCreate(), async (auth, body) => {
          const name = uniqueName('unauthenticated');
          const response = await api.post(
            'flex-api',
            flexFlowsPath,
            { ...body, FriendlyName: name },
            { auth },
          );
          expect(response.status, `status of a create ${describeAuth(auth)}`).toBe(401);
          const listed = await api.get<{ flex_flows?: { sid: string }[] }>('flex-api', flexFlowsPath, {
            query: { FriendlyName: name },
          });
          const stored = listed.json?.flex_flows ?? [];
          for (const flow of stored) cleanup(() => api.delete('flex-api', `${flexFlowsPath}/${flow.sid}`));
          expect(stored, `flows named as the create ${describeAuth(auth)}`).toHaveLength(0);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'an update without credentials, or with a wrong secret of either kind, is answered 401 and changes nothing',
    verifies('WIRE-AUTH-BASIC-REQUIRED', 'WIRE-AUTH-WRONG-CREDENTIALS-401'),
    async ({ api, target, uniqueName, cleanup }) => {
      const [body] = samplesOf(validCreate(), 1, 41);
      const created = await api.post<{ sid: string }>('flex-api', flexFlowsPath, {
        ...body,
        FriendlyName: uniqueName('kept'),
      });
      expect(created.status, 'status of the create the updates go to').toBe(201);
      const path = `${flexFlowsPath}/${created.json.sid}`;
      cleanup(() => api.delete('flex-api', path));
      await fc.assert(
        fc.asyncProperty(refusedCredentials(target), fc.boolean(), async (auth, enabled) => {
          const unchanged = await watchForTrace(
            'the flow',
            async () => (await api.get('flex-api', path)).json,
          );
          const response = await api.post(
            'flex-api',
            path,
            { FriendlyName: uniqueName('renamed'), Enabled: enabled },
            { auth },
          );
          expect(response.status, `status of an update ${describeAuth(auth)}`).toBe(401);
          await unchanged();
        }),
        scaled(weights.request),
      );
    },
  );

  test('a 401 says "Authenticate"', verifies('WIRE-AUTH-MESSAGE-AUTHENTICATE'), async ({ api }) => {
    const response = await api.get('flex-api', flexFlowsPath, { auth: 'none' });
    expect(response.json.message, 'message of a 401').toBe('Authenticate');
  });
});

test.describe('Twilio error bodies', () => {
  test(
    'an error body has code, message, more_info and status, and status equals the HTTP status',
    verifies('WIRE-ERROR-BODY-SHAPE'),
    async ({ api }) => {
      const failures = [
        await api.get('flex-api', `${flexFlowsPath}/${samplesOf(sid('FO'), 1, 1)[0]}`),
        await api.post('flex-api', flexFlowsPath, {}),
        await api.get('flex-api', flexFlowsPath, { auth: 'none' }),
      ];
      for (const response of failures) {
        expect(typeof response.json.code, response.text).toBe('number');
        expect(typeof response.json.message, response.text).toBe('string');
        expect(typeof response.json.more_info, response.text).toBe('string');
        expect(response.json.status, response.text).toBe(response.status);
      }
    },
  );

  test(
    'more_info links to the error code reference',
    verifies('WIRE-ERROR-MORE-INFO-LINK'),
    async ({ api }) => {
      const response = await api.post('flex-api', flexFlowsPath, {});
      expect(
        String(response.json.more_info),
        'more_info of an error against the error code reference',
      ).toMatch(new RegExp(`^https://www\\.twilio\\.com/docs/errors/${response.json.code}$`));
    },
  );

  test(
    'a missing required parameter is 400 with code 20001',
    verifies('WIRE-MISSING-PARAM-400-20001'),
    async ({ api }) => {
      const response = await api.post('flex-api', flexFlowsPath, { ChannelType: 'web' });
      expect(response.status, 'status of a create missing required parameters').toBe(400);
      expect(response.json.code, 'error code of a create missing required parameters').toBe(20001);
    },
  );

  test(
    'the missing-parameter message names the parameter: "Missing required parameter X in the post body"',
    verifies('WIRE-MISSING-PARAM-MESSAGE'),
    async ({ api }) => {
      const [body] = samplesOf(validCreate('studio'), 1, 3);
      const { FriendlyName: _omitted, ...rest } = body!;
      const response = await api.post('flex-api', flexFlowsPath, rest);
      expect(response.json.message, 'message of a create without FriendlyName').toBe(
        'Missing required parameter FriendlyName in the post body',
      );
    },
  );

  test(
    'an unknown resource is 404 with code 20404',
    verifies('WIRE-UNKNOWN-RESOURCE-404-20404'),
    async ({ api }) => {
      await fc.assert(
        fc.asyncProperty(sid('FO'), async (unknown) => {
          const response = await api.get('flex-api', `${flexFlowsPath}/${unknown}`);
          expect(response.status, 'status of a fetch of an unknown flow SID').toBe(404);
          expect(response.json.code, 'error code of a fetch of an unknown flow SID').toBe(20404);
        }),
        scaled(weights.request),
      );
    },
  );
});

test.describe('encodings', () => {
  test(
    'form-encoded bodies are read: percent-encoded unicode and spaces arrive intact',
    verifies('WIRE-FORM-ENCODED-REQUESTS'),
    async ({ api, uniqueName, cleanup }) => {
      const name = `${uniqueName('wire')} héllo wörld & more=+%`;
      const [body] = samplesOf(validCreate('studio'), 1, 4);
      const response = await api.post<{ sid: string; friendly_name: string }>('flex-api', flexFlowsPath, {
        ...body!,
        FriendlyName: name,
      });
      cleanup(() => api.delete('flex-api', `${flexFlowsPath}/${response.json.sid}`));
      expect(response.status, 'POST flex-api/… status').toBe(201);
      expect(response.json.friendly_name, 'friendly_name of a flow created with percent-encoded text').toBe(
        name,
      );
    },
  );

  test(
    'booleans sent as "true"/"false" come back as JSON booleans',
    verifies('WIRE-FORM-BOOLEANS'),
    async ({ api, uniqueName, cleanup }) => {
      for (const value of [true, false]) {
        const [body] = samplesOf(validCreate('studio'), 1, 5);
        const response = await api.post<{ sid: string; long_lived: unknown; enabled: unknown }>(
          'flex-api',
          flexFlowsPath,
          {
            ...body!,
            FriendlyName: uniqueName('bool'),
            LongLived: value,
            Enabled: value,
          },
        );
        cleanup(() => api.delete('flex-api', `${flexFlowsPath}/${response.json.sid}`));
        expect(response.json.long_lived, `long_lived of a flow created with LongLived="${value}"`).toBe(
          value,
        );
        expect(response.json.enabled, `enabled of a flow created with Enabled="${value}"`).toBe(value);
      }
    },
  );

  test(
    'responses are JSON with an application/json content type',
    verifies('WIRE-JSON-RESPONSES'),
    async ({ api }) => {
      const response = await api.get('flex-api', flexFlowsPath, { query: { PageSize: 1 } });
      expect(response.headers['content-type'], 'content-type of a list response').toMatch(
        /^application\/json/,
      );
      expect(response.json, 'JSON body of a list response').toBeDefined();
    },
  );

  test(
    'response fields are snake_case',
    verifies('WIRE-SNAKE-CASE-FIELDS'),
    async ({ api, uniqueName, cleanup }) => {
      const [body] = samplesOf(validCreate('task'), 1, 6);
      const response = await api.post<Record<string, unknown> & { sid: string }>('flex-api', flexFlowsPath, {
        ...body!,
        FriendlyName: uniqueName('snake'),
      });
      cleanup(() => api.delete('flex-api', `${flexFlowsPath}/${response.json.sid}`));
      const keys = (value: unknown): string[] =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)])
          : [];
      for (const key of keys(response.json))
        expect(key, 'field name in a list response').toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    },
  );
});

test.describe('status codes and paging conventions', () => {
  test(
    'create answers 201 and delete answers 204',
    verifies('WIRE-CREATE-201', 'WIRE-DELETE-204'),
    async ({ api, uniqueName }) => {
      const [body] = samplesOf(validCreate(), 1, 7);
      const created = await api.post<{ sid: string }>('flex-api', flexFlowsPath, {
        ...body!,
        FriendlyName: uniqueName('codes'),
      });
      expect(created.status, 'status of a create').toBe(201);
      const deleted = await api.delete('flex-api', `${flexFlowsPath}/${created.json.sid}`);
      expect(deleted.status, 'status of a delete').toBe(204);
    },
  );

  test(
    'paging URLs are absolute and can be requested as given',
    verifies('WIRE-PAGING-URLS-ABSOLUTE'),
    async ({ api, uniqueName, cleanup }) => {
      const name = uniqueName('abs');
      for (let i = 0; i < 2; i++) {
        const [body] = samplesOf(validCreate(), 1, i);
        const created = await api.post<{ sid: string }>('flex-api', flexFlowsPath, {
          ...body!,
          FriendlyName: name,
        });
        cleanup(() => api.delete('flex-api', `${flexFlowsPath}/${created.json.sid}`));
      }
      const first = await api.get<{ meta: Record<string, string | null> }>('flex-api', flexFlowsPath, {
        query: { FriendlyName: name, PageSize: 1 },
      });
      for (const key of ['first_page_url', 'url', 'next_page_url']) {
        expect(() => new URL(String(first.json.meta[key])), key).not.toThrow();
      }
      const next = await api.follow(String(first.json.meta.next_page_url), 'flex-api');
      expect(next.status, 'status of a GET of next_page_url as given').toBe(200);
    },
  );

  test(
    'list filters are echoed into the paging URLs',
    verifies('WIRE-PAGING-FILTERS-ECHOED'),
    async ({ api, uniqueName }) => {
      const name = uniqueName('echo');
      const response = await api.get<{ meta: Record<string, string | null> }>('flex-api', flexFlowsPath, {
        query: { FriendlyName: name, PageSize: 7 },
      });
      for (const key of ['first_page_url', 'url']) {
        const url = new URL(String(response.json.meta[key]));
        expect(url.searchParams.get('FriendlyName'), key).toBe(name);
        expect(url.searchParams.get('PageSize'), key).toBe('7');
      }
    },
  );

  test(
    'a PageToken the API did not hand out is refused with a 4xx error',
    verifies('WIRE-PAGETOKEN-INVALID'),
    async ({ api }) => {
      const response = await api.get('flex-api', flexFlowsPath, {
        query: { PageToken: 'not-a-token', PageSize: 5 },
      });
      expect(
        response.status,
        'status of a list with a PageToken the API did not hand out: an error',
      ).toBeGreaterThanOrEqual(400);
      expect(
        response.status,
        'status of a list with a PageToken the API did not hand out: not a server error',
      ).toBeLessThan(500);
    },
  );
});
