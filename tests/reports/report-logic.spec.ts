import { expect, test } from '@playwright/test';
import { ruleStatus } from '../../reports/build';
import { canonicalJson } from '../../reports/canonical-json';
import { diffReports } from '../../reports/diff';
import { failureReason } from '../../reports/failure-reason';
import { renderReportHtml } from '../../reports/html';
import { mergeReports } from '../../reports/merge';
import type { ExchangeEvidence, RuleResult, RuleStatus } from '../../reports/model';
import { curlCommand, failingExchange, replayCommand, shellQuote } from '../../reports/reproduce';
import { parseShard } from '../../reports/shard';
import { schemaErrors } from '../../reports/validate';
import { check, report, rule } from './hand-made';

/** The report logic on small hand-made reports: statuses, diff, merge, commands, escaping. */

test.describe('rule status and verdict', () => {
  test('a rule fails if one check fails, passes if one passed and none failed, is skipped if all skipped', () => {
    expect(ruleStatus([check('passed'), check('failed')])).toBe('failed');
    expect(ruleStatus([check('passed'), check('skipped')])).toBe('passed');
    expect(ruleStatus([check('skipped')])).toBe('skipped');
    expect(ruleStatus([])).toBe('untested');
  });

  test('only a failed must rule fails the verdict', () => {
    expect(report([rule('A-B', [check('failed')], 'should')]).verdict).toBe('pass');
    expect(report([rule('A-B', [check('failed')], 'must')]).verdict).toBe('fail');
  });

  test('a hand-made report validates against the schema', () => {
    expect(schemaErrors(report([rule('A-B', [check('failed')]), rule('A-C', [])]))).toEqual([]);
  });
});

test.describe('diff classification', () => {
  const cases: Array<[RuleStatus, RuleStatus, string]> = [
    ['passed', 'failed', 'regressed'],
    ['passed', 'skipped', 'regressed'],
    ['untested', 'failed', 'regressed'],
    ['failed', 'passed', 'improved'],
    ['untested', 'passed', 'improved'],
    ['skipped', 'untested', 'changed'],
  ];
  const checksFor = (status: RuleStatus) =>
    status === 'untested' || status === 'not-selected' ? [] : [check(status)];
  for (const [from, to, kind] of cases) {
    test(`${from} → ${to} is ${kind}`, () => {
      const diff = diffReports(report([rule('A-B', checksFor(from))]), report([rule('A-B', checksFor(to))]));
      expect(diff.changes.map((change) => change.kind)).toEqual([kind]);
    });
  }

  test('a rule only in the new catalog is added, one only in the old is removed', () => {
    const diff = diffReports(report([rule('A-OLD', [])]), report([rule('A-NEW', [])]));
    expect(diff.changes.map((change) => `${change.id} ${change.kind}`)).toEqual([
      'A-NEW added',
      'A-OLD removed',
    ]);
  });
});

test.describe('merge', () => {
  test('a check run in two parts keeps its worse outcome; statuses and totals are recomputed', () => {
    const a = report([rule('A-B', [check('passed', 'same')]), rule('A-C', [])], {
      shard: { index: 1, total: 2 },
    });
    const b = report([rule('A-B', [check('failed', 'same')]), rule('A-C', [check('passed', 'other')])], {
      shard: { index: 2, total: 2 },
    });
    const { report: merged } = mergeReports([a, b]);
    expect(merged.rules.map((r) => r.status)).toEqual(['failed', 'passed']);
    expect(merged.rules[0]?.checks).toHaveLength(1);
    expect(merged.totals).toMatchObject({ passed: 1, failed: 1, untested: 0 });
    expect(merged.verdict).toBe('fail');
    expect(merged.completeness).toBe('complete');
  });

  test('parts with different seeds merge with a warning', () => {
    const { warnings } = mergeReports([report([rule('A-B', [])]), report([rule('A-B', [])], { seed: 2 })]);
    expect(warnings.join()).toContain('different seeds');
  });
});

test.describe('replay and curl commands', () => {
  const exchange = (method: string, url: string, status: number, body?: string): ExchangeEvidence => ({
    method,
    url,
    status,
    requestHeaders: {
      accept: 'application/json',
      'x-forwarded-host': 'flex-api.twilio.com',
      authorization: 'Basic [redacted]',
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(body ? { requestBody: body } : {}),
    responseBody: '',
    durationMs: 1,
  });

  test('curl takes credentials from the environment, names the domain and quotes the body for the shell', () => {
    const curl = curlCommand(
      exchange(
        'POST',
        'http://127.0.0.1:5555/v1/FlexFlows',
        201,
        "FriendlyName=it's&Integration.RetryCount=4",
      ),
      'mock',
    );
    expect(curl).toBe(
      `curl -sS -X POST http://127.0.0.1:4010/v1/FlexFlows -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" -H 'X-Forwarded-Host: flex-api.twilio.com' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'FriendlyName=it'\\''s&Integration.RetryCount=4'`,
    );
  });

  test('the failing request is the last one before the cleanup deleted what the check created', () => {
    const create = exchange('POST', 'http://h/v1/FlexFlows', 201, 'a=1');
    const created = 'http://h/v1/FlexFlows/FO1';
    expect(failingExchange([create, exchange('DELETE', created, 204)])).toBe(create);
    const testedDelete = exchange('DELETE', created, 500);
    expect(failingExchange([create, testedDelete, exchange('DELETE', created, 404)])).toBe(testedDelete);
  });

  test('the replay command escapes the title as a pattern and names faults and seed', () => {
    expect(
      replayCommand('RetryCount (0 to 3) is accepted', {
        targetKind: 'mock',
        targetArg: 'mock',
        faults: ['f1'],
        seed: 7,
      }),
    ).toBe(`npx flex-conformance run --grep 'RetryCount \\(0 to 3\\) is accepted' --fault f1 --seed 7`);
    expect(shellQuote('plain-word')).toBe('plain-word');
  });
});

test.describe('small parts', () => {
  test('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 2, f: 1 }] }, b: 1 }),
    );
  });

  test('--shard accepts INDEX/TOTAL with 1 <= INDEX <= TOTAL only', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1-3', 'a/b']) expect(parseShard(bad), bad).toBeUndefined();
  });

  test("a property failure's one-line reason is the assertion in its cause", () => {
    const error =
      'Error: Property failed after 3 tests\n{ seed: 1, path: "0" }\nCounterexample: [4]\nCaused by: Error: create status\nExpected: 400\nReceived: 201';
    expect(failureReason(error)).toBe(
      'Property failed after 3 tests: create status — expected 400, received 201',
    );
  });

  test("a failure's one-line reason is the assertion's label and what it compared", () => {
    const error =
      'Error: Flex Flow create status\n\nexpect(received).toBe(expected) // Object.is equality\n\nExpected: 201\nReceived: 200';
    expect(failureReason(error)).toBe('Flex Flow create status — expected 201, received 200');
  });

  test('a deep-equality failure without Expected/Received lines shows the first item received and not expected', () => {
    const error = [
      'Error: the target breaks "a request to fetch a Flex Flow"',
      '',
      'expect(received).toEqual(expected) // deep equality',
      '',
      '- Expected  - 1',
      '+ Received  + 4',
      '',
      '- Array []',
      '+ Array [',
      '+   "$.sid: expected a value matching /^FO[0-9a-fA-F]{32}$/, got \\"FO1760395c\\"",',
      '+   "status: expected 200, got 201",',
      '+ ]',
    ].join('\n');
    expect(failureReason(error)).toBe(
      'the target breaks "a request to fetch a Flex Flow" — received "$.sid: expected a value matching /^FO[0-9a-fA-F]{32}$/, got \\"FO1760395c\\""',
    );
  });

  test('an unlabelled assertion is named by its matcher', () => {
    const error =
      'Error: expect(received).toMatch(expected)\n\nExpected pattern: /^WT/\nReceived string:  "x"';
    expect(failureReason(error)).toBe('expect(…).toMatch — expected pattern /^WT/, received string "x"');
  });

  test('the HTML flags an observed reading the rule does not name', () => {
    const ambiguous: RuleResult = {
      ...rule('A-B', [check('passed')]),
      ambiguity: {
        summary: 'two readings',
        readings: [
          { id: 'one', text: 'one', sources: [] },
          { id: 'two', text: 'two', sources: [] },
        ],
        applied: 'one',
        rationale: 'because',
      },
      observedReadings: ['three'],
    };
    const html = renderReportHtml(report([ambiguous]));
    expect(html).toContain('data-testid="unknown-reading"');
    expect(html).toMatch(/reported the reading <code>three<\/code>/);
  });

  test('the HTML escapes what a target answered: a response body cannot inject markup', () => {
    const hostile: ExchangeEvidence = {
      method: 'GET',
      url: 'http://h/v1/FlexFlows',
      status: 200,
      requestHeaders: {},
      responseBody: '</pre><script>window.pwned=1</script><img src=x onerror=alert(1)>',
      durationMs: 1,
    };
    const html = renderReportHtml(
      report([
        rule('A-B', [
          check('failed', 'x', { exchanges: { total: 1, byDomain: { 'flex-api': 1 }, kept: [hostile] } }),
        ]),
      ]),
    );
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
  });

  test('every part of an exchange the HTML shows is escaped: URL, method, request headers and body', () => {
    const markup = (part: string) => `"'><b data-part="${part}">&`;
    const hostile: ExchangeEvidence = {
      method: markup('method'),
      url: `http://h/v1/FlexFlows?q=${markup('url')}`,
      status: 400,
      requestHeaders: { 'x-note': markup('header') },
      requestBody: `FriendlyName=${encodeURIComponent(markup('body'))}`,
      responseBody: markup('response'),
      durationMs: 1,
    };
    const html = renderReportHtml(
      report([
        rule('A-B', [
          check('failed', 'x', { exchanges: { total: 1, byDomain: { 'flex-api': 1 }, kept: [hostile] } }),
        ]),
      ]),
    );
    for (const part of ['method', 'url', 'header', 'body', 'response']) {
      expect(html, `the ${part} as markup`).not.toContain(`<b data-part="${part}">`);
      expect(html, `the ${part}, escaped`).toContain(
        `&#34;&#39;&gt;&lt;b data-part=&#34;${part}&#34;&gt;&amp;`,
      );
    }
  });
});
