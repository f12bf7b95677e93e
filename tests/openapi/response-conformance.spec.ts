/**
 * Every answer the mock gives, held against Twilio's own OpenAPI descriptions: a run of every
 * check (one property run each) against the mock as a URL target, then walks of every operation
 * the mock serves that a run leaves out (what a real account's platform does: api v2010 Messages
 * and Calls, Proxy; Programmable Chat; the Flex task lifecycle as twilio-node drives it; the rest
 * of the Flex API, Studio, TaskRouter and Conversations). Each successful JSON answer of a domain
 * Twilio describes is validated (Ajv) against its operation's response schema: every listed
 * property present (null when empty), no undeclared one, a declared status, list pages with
 * exactly the declared `meta` keys. Every route the mock serves must be an operation Twilio
 * describes and be answered at least once. Refused requests are left out: their Twilio error
 * body is not part of the descriptions.
 */
import { expect, test } from '@playwright/test';
import { stagingAccountSid, stagingAuthToken } from '../twilio-target/support/simulated-twilio';
import { type CliResult, runCli, scratchDir, stopStrayRuns } from '../twilio-target/support/staging';
import { walkAccountPlatform } from './support/account-platform-exchanges';
import { walkChatService } from './support/chat-exchanges';
import { walkConversations } from './support/conversations-exchanges';
import { walkInteractions } from './support/interaction-exchanges';
import { type RecordingMock, startRecordingMock } from './support/recording-mock';
import {
  describedDomains,
  describedResponses,
  type Exchange,
  responseViolations,
} from './support/response-schemas';
import { walkStudio } from './support/studio-exchanges';
import { driveTaskLifecycle } from './support/task-lifecycle-exchanges';
import { walkTaskRouter } from './support/taskrouter-exchanges';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(stopStrayRuns);

test.describe('the answers of a run of every check', () => {
  let mock: RecordingMock;
  let result: CliResult;
  let answered: Exchange[];

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const credentials = { accountSid: stagingAccountSid, authToken: stagingAuthToken };
    mock = await startRecordingMock(credentials);
    result = await runCli(
      ['run', '--target', mock.url, '--runs', '1', '--out', scratchDir('openapi-responses')],
      undefined,
    );
    await walkAccountPlatform(mock.url, credentials);
    await walkChatService(mock.url, credentials);
    await driveTaskLifecycle(mock.url, credentials);
    await walkInteractions(mock.url, credentials);
    await walkStudio(mock.url, credentials);
    await walkTaskRouter(mock.url, credentials);
    await walkConversations(mock.url, credentials);
    answered = mock.exchanges.filter(
      (exchange) => exchange.status < 400 && describedDomains.includes(exchange.domain),
    );
  });
  test.afterAll(async () => {
    await mock.close();
  });

  test('the run passes and its answers reach every domain Twilio describes', () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    for (const domain of describedDomains)
      expect(
        answered.some((exchange) => exchange.domain === domain),
        domain,
      ).toBe(true);
  });

  for (const domain of describedDomains) {
    test(`${domain}: every successful answer validates against its operation's response schema`, () => {
      const mine = answered.filter((exchange) => exchange.domain === domain);
      const violations = new Set(mine.flatMap(responseViolations));
      test.info().annotations.push({
        type: 'validated',
        description: `${mine.length} responses, ${violations.size} distinct violations`,
      });
      expect([...violations].sort()).toEqual([]);
    });
  }

  for (const domain of describedDomains) {
    test(`${domain}: every operation the mock serves is one Twilio describes, and answered once at least`, () => {
      const unanswered: string[] = [];
      const undescribed: string[] = [];
      for (const { method, pattern } of mock.routesOf(domain)) {
        const matches = new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
        // api v2010's `:SidJson` segment holds the SID with its `.json`
        const example = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) =>
          name.endsWith('Json') ? `XX${'0'.repeat(32)}.json` : `XX${'0'.repeat(32)}`,
        );
        if (!describedResponses(domain, method, example)) undescribed.push(`${method} ${pattern}`);
        else if (
          !answered.some(
            (exchange) =>
              exchange.domain === domain &&
              exchange.method === method &&
              matches.test(new URL(exchange.path, 'https://example.invalid').pathname),
          )
        )
          unanswered.push(`${method} ${pattern}`);
      }
      expect(undescribed, 'operations Twilio does not describe').toEqual([]);
      expect(unanswered, 'operations no exchange reached').toEqual([]);
    });
  }

  test('every operation answered fails its schema once its resource lacks its sid and carries an undeclared property', () => {
    const broken = new Map<string, Exchange>();
    for (const exchange of answered) {
      const pathname = new URL(exchange.path, 'https://example.invalid').pathname;
      const operation = describedResponses(exchange.domain, exchange.method, pathname)?.operation;
      const copy = withResourceBroken(exchange);
      if (operation && copy && !broken.has(`${exchange.domain} ${operation}`))
        broken.set(`${exchange.domain} ${operation}`, copy);
    }
    for (const domain of describedDomains)
      expect(
        [...broken.values()].some((exchange) => exchange.domain === domain),
        domain,
      ).toBe(true);
    for (const [operation, exchange] of broken) {
      const violations = responseViolations(exchange).join('\n');
      expect(violations, operation).toContain("must have required property 'sid'");
      expect(violations, operation).toContain('must NOT have additional properties: undeclared_property');
    }
  });
});

/** The answer with its resource (a page's first) broken: `sid` left out, an undeclared property added; undefined without one. */
function withResourceBroken(exchange: Exchange): Exchange | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(exchange.body);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const body = parsed as Record<string, unknown>;
  const isPage = 'meta' in body || 'first_page_uri' in body;
  const page = Object.values(body).find(Array.isArray) as Record<string, unknown>[] | undefined;
  const resource = isPage ? page?.[0] : body;
  if (!resource || typeof resource.sid !== 'string') return undefined;
  delete resource.sid;
  resource.undeclared_property = true;
  return { ...exchange, body: JSON.stringify(body) };
}

const channelsPath = `/v1/Interactions/KD${'a'.repeat(32)}/Channels`;
const channel = {
  sid: `UO${'a'.repeat(32)}`,
  interaction_sid: `KD${'a'.repeat(32)}`,
  type: 'chat',
  status: 'setup',
  error_code: null,
  error_message: null,
  url: `https://flex-api.twilio.com${channelsPath}/UO${'a'.repeat(32)}`,
  links: {},
};
const meta = {
  page: 0,
  page_size: 50,
  first_page_url: `https://flex-api.twilio.com${channelsPath}?PageSize=50&Page=0`,
  previous_page_url: null,
  url: `https://flex-api.twilio.com${channelsPath}?PageSize=50&Page=0`,
  next_page_url: null,
  key: 'channels',
};
const listing = (body: unknown, status = 200): Exchange => ({
  domain: 'flex-api',
  method: 'GET',
  path: channelsPath,
  status,
  body: JSON.stringify(body),
});

test('a page as Twilio describes it validates, nullable properties null', () => {
  expect(responseViolations(listing({ channels: [channel], meta }))).toEqual([]);
});

test('an item lacking a listed property is a violation', () => {
  const { error_code: _dropped, ...lacking } = channel;
  expect(responseViolations(listing({ channels: [lacking], meta })).join('\n')).toContain(
    "must have required property 'error_code'",
  );
});

test('an item carrying an undeclared property is a violation', () => {
  const violations = responseViolations(listing({ channels: [{ ...channel, initiated_by: 'api' }], meta }));
  expect(violations.join('\n')).toContain('must NOT have additional properties: initiated_by');
});

test('a page whose meta carries a key the description does not declare is a violation', () => {
  const violations = responseViolations(listing({ channels: [], meta: { ...meta, total: 0 } }));
  expect(violations.join('\n')).toContain('/meta must NOT have additional properties: total');
});

test('a null where the description does not allow one is a violation', () => {
  const violations = responseViolations(listing({ channels: [{ ...channel, type: null }], meta }));
  expect(violations.join('\n')).toContain('/channels/0/type');
});

test('an undeclared status is a violation', () => {
  expect(responseViolations(listing({ channels: [], meta }, 201))).toEqual([
    'GET /v1/Interactions/{InteractionSid}/Channels: status 201 is not declared',
  ]);
});
