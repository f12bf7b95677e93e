import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import type { KillMatrix } from '../../reports/kill-matrix';
import type { ConformanceReport } from '../../reports/model';
import { brokenFault, brokenRule, type CliRun, expect, runCli, test } from './report-fixtures';

/**
 * The generated index.html in Debian's Chromium: what an auditor sees must match
 * conformance.json, the table must filter, evidence must expand, and the page must not reach
 * the network, also on a phone.
 */

const reportUrl = (run: CliRun) => pathToFileURL(join(run.dir, 'index.html')).href;
const visibleRules = (page: Page) => page.locator('tr.rule:visible');

async function open(page: Page, run: CliRun) {
  await page.goto(reportUrl(run));
  await expect(page.getByTestId('verdict')).toBeVisible();
}

/** A screenshot kept in the test's output folder (and attached to the result) for a person to look at. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

function count(report: ConformanceReport, where: (rule: ConformanceReport['rules'][number]) => boolean) {
  return report.rules.filter(where).length;
}

test.describe('the HTML report', () => {
  test('shows the verdict and totals of the clean run as conformance.json has them', async ({
    page,
    cleanRun,
  }) => {
    const { report } = cleanRun;
    await open(page, cleanRun);
    await expect(page.getByTestId('verdict')).toHaveText(report.verdict.toUpperCase());
    const totals = page.getByTestId('totals');
    for (const key of ['rules', 'passed', 'failed', 'skipped', 'untested'] as const)
      await expect(totals.locator(`[data-total="${key}"] .n`)).toHaveText(String(report.totals[key]));
    await expect(page.locator('tr.rule')).toHaveCount(report.totals.rules);
  });

  test('shows FAIL and the failed rule of the broken run as conformance.json has them', async ({
    page,
    brokenRun,
  }, testInfo) => {
    const { report } = brokenRun;
    expect(report.verdict).toBe('fail');
    await open(page, brokenRun);
    await expect(page.getByTestId('verdict')).toHaveText('FAIL');
    await expect(page.getByTestId('totals').locator('[data-total="failed"] .n')).toHaveText(
      String(report.totals.failed),
    );
    await expect(page.locator('tr.rule[data-status="failed"]')).toHaveCount(report.totals.failed);
    await expect(page.locator(`tr.rule[data-id="${brokenRule}"]`)).toHaveAttribute('data-status', 'failed');
    await keepScreenshot(page, testInfo, 'report-top-desktop.png');
  });

  test('shows the run facts: suite, commit, target, masked account, seed, duration and requests', async ({
    page,
    brokenRun,
  }) => {
    const { report } = brokenRun;
    await open(page, brokenRun);
    await expect(page.getByTestId('commit')).toHaveAttribute('title', report.suite.commit ?? '');
    await expect(page.getByTestId('target-kind')).toHaveText(report.target.kind);
    const sid = report.target.fingerprint ?? '';
    await expect(page.getByTestId('fingerprint')).toHaveText(`AC…${sid.slice(-4)}`);
    await expect(page.getByTestId('seed')).toHaveText(String(report.seed));
    await expect(page.getByTestId('requests-total')).toHaveText(String(report.requests.total));
    await expect(page.getByTestId('requests')).toContainText('flex-api');
    await page.getByText(/^Per API and operation/).click();
    await expect(
      page.getByTestId('requests-by-api').getByRole('row', { name: /flex-api \/v1\/FlexFlows create/ }),
    ).toContainText(String(report.requests.byApi?.['flex-api /v1/FlexFlows create']));
    await expect(page.getByTestId('area-flex-flow')).toContainText(
      `${count(report, (rule) => rule.area === 'flex-flow')} rules`,
    );
  });

  test('the area, severity and status filters narrow the table', async ({ page, brokenRun }) => {
    const { report } = brokenRun;
    await open(page, brokenRun);
    await page.getByTestId('filter-area').selectOption('wire');
    await expect(visibleRules(page)).toHaveCount(count(report, (rule) => rule.area === 'wire'));
    await page.getByTestId('filter-severity').selectOption('must');
    await expect(visibleRules(page)).toHaveCount(
      count(report, (rule) => rule.area === 'wire' && rule.severity === 'must'),
    );
    await page.getByTestId('filter-area').selectOption('');
    await page.getByTestId('filter-severity').selectOption('');
    await page.getByTestId('filter-status').selectOption('failed');
    await expect(visibleRules(page)).toHaveCount(report.totals.failed);
    await expect(visibleRules(page).first()).toHaveAttribute('data-id', brokenRule);
  });

  test('the search box narrows the table to the rules that mention the words', async ({
    page,
    brokenRun,
  }) => {
    const { report } = brokenRun;
    await open(page, brokenRun);
    await page.getByTestId('filter-search').fill('retrycount');
    const expected = count(report, (rule) =>
      [rule.id, rule.title, rule.statement, rule.area, ...rule.sources.map((s) => s.quote)]
        .join(' ')
        .toLowerCase()
        .includes('retrycount'),
    );
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(report.totals.rules);
    await expect(visibleRules(page)).toHaveCount(expected);
    await page.getByTestId('filter-search').fill('no rule says this 9f8e7d');
    await expect(visibleRules(page)).toHaveCount(0);
    await expect(page.locator('#no-rules')).toBeVisible();
  });

  test("a failed rule's evidence expands: error, counterexample, replay and curl commands, requests", async ({
    page,
    brokenRun,
  }, testInfo) => {
    const rule = brokenRun.report.rules.find((r) => r.id === brokenRule);
    const failed = rule?.checks.find((check) => check.status === 'failed');
    expect(failed?.counterexample).toBeDefined();
    await open(page, brokenRun);
    const detail = page.locator(`#rule-${brokenRule}-detail`);
    await expect(detail).toBeHidden();
    await page.locator(`tr.rule[data-id="${brokenRule}"] .toggle`).click();
    await expect(detail).toBeVisible();
    const check = detail.locator('[data-testid="check"][data-status="failed"]');
    await expect(check.getByTestId('replay')).toHaveText(failed?.replay ?? 'missing');
    await expect(check.getByTestId('replay')).toContainText(`--seed ${failed?.counterexample?.seed}`);
    await expect(check.getByTestId('counterexample')).toContainText(
      failed?.counterexample?.path ?? 'missing',
    );
    await expect(check.getByTestId('error')).toContainText('Property failed');
    const curl = check.getByTestId('curl');
    await expect(curl).toContainText('-u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN"');
    await expect(curl).toContainText("-H 'X-Forwarded-Host: flex-api.twilio.com'");
    await expect(curl).toContainText('Integration.RetryCount=');
    await expect(check.getByTestId('failing-request')).toContainText('authorization: Basic [redacted]');
    await expect(detail.locator('blockquote').first()).toBeVisible();
    await check.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'failed-rule-evidence.png');
  });

  test('an ambiguous rule names its readings, the one applied and the one observed', async ({
    page,
    cleanRun,
  }) => {
    const rule = cleanRun.report.rules.find((r) => r.ambiguity && r.observedReadings.length > 0);
    if (!rule?.ambiguity) throw new Error('the flex-flow checks record observed readings of ambiguous rules');
    await open(page, cleanRun);
    await page.locator(`tr.rule[data-id="${rule.id}"] .toggle`).click();
    const ambiguity = page.locator(`#rule-${rule.id}-detail`).getByTestId('ambiguity');
    await expect(ambiguity).toContainText(rule.ambiguity.summary);
    await expect(ambiguity.locator('li.applied')).toContainText(rule.ambiguity.applied);
    await expect(ambiguity.getByTestId('observed-readings')).toHaveText(rule.observedReadings.join(', '));
  });

  test('the page makes no network request, while loading or when used', async ({ page, brokenRun }) => {
    const document = reportUrl(brokenRun);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url() !== document) requests.push(request.url());
    });
    await page.route('**/*', (route) => {
      if (route.request().url() === document) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    await open(page, brokenRun);
    await page.locator(`tr.rule[data-id="${brokenRule}"] .toggle`).click();
    await page.locator(`#rule-${brokenRule}-detail details.exchanges > summary`).first().click();
    await page.getByTestId('filter-search').fill('flow');
    await page.getByTestId('filter-status').selectOption('passed');
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      /default-src 'none'/,
    );
    expect(requests).toEqual([]);
  });

  test('at 375 px wide the page does not scroll sideways, also with evidence open', async ({
    page,
    brokenRun,
  }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await open(page, brokenRun);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await keepScreenshot(page, testInfo, 'report-top-375px.png');
    await page.locator(`tr.rule[data-id="${brokenRule}"] .toggle`).click();
    await page.locator(`#rule-${brokenRule}-detail details.exchanges > summary`).first().click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const replay = page.locator(`#rule-${brokenRule}-detail [data-status="failed"]`).getByTestId('replay');
    await replay.scrollIntoViewIfNeeded();
    const box = await replay.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await keepScreenshot(page, testInfo, 'failed-rule-375px.png');
  });

  test('a kill matrix next to the report becomes the sensitivity appendix', async ({
    page,
    brokenRun,
  }, testInfo) => {
    const dir = testInfo.outputPath('with-kill-matrix');
    cpSync(brokenRun.dir, dir, { recursive: true });
    const matrix: KillMatrix = {
      generatedAt: new Date().toISOString(),
      clean: { verdict: 'pass', failedRules: [] },
      faults: [
        {
          name: brokenFault,
          description: 'Integration.RetryCount accepts 4.',
          trips: [brokenRule],
          failedRules: [brokenRule],
          killed: true,
        },
        {
          name: 'an-undetected-fault',
          description: 'A bug no check notices.',
          trips: ['FLEXFLOW-SID-PATTERN'],
          failedRules: [],
          killed: false,
        },
      ],
    };
    writeFileSync(join(dir, 'kill-matrix.json'), JSON.stringify(matrix));
    expect((await runCli(['report', 'render', dir])).code).toBe(0);
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    const appendix = page.getByTestId('kill-matrix');
    await expect(appendix).toContainText('Sensitivity: the suite against deliberately broken mocks');
    await expect(appendix).toContainText('1 of 2');
    await expect(appendix.locator('tr.survived')).toContainText('an-undetected-fault');
    await appendix.getByRole('link', { name: brokenRule }).click();
    await expect(page.locator(`#rule-${brokenRule}-detail`)).toBeVisible();
    await appendix.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'sensitivity-appendix.png');
  });
});
