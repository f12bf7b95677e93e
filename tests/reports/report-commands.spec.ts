import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportDiff } from '../../reports/diff';
import { schemaErrors } from '../../reports/validate';
import { brokenRule, expect, readReport, runCli, test } from './report-fixtures';

/** `report diff`, `report matrix` and `report merge` on real runs of the clean and the broken mock. */

test.describe('report diff', () => {
  test('from the clean to the broken run it names the regressed rule and exits 1', async ({
    cleanRun,
    brokenRun,
  }) => {
    const result = await runCli(['report', 'diff', cleanRun.dir, brokenRun.dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`regressed \\(1\\):\\n\\s+${brokenRule}\\s+must\\s+passed → failed`),
    );
    expect(result.stdout).toMatch(/1 rules changed: 1 regressed, 0 improved/);
  });

  test('--json gives the same change as data; the other direction is an improvement and exits 0', async ({
    cleanRun,
    brokenRun,
  }) => {
    const result = await runCli([
      'report',
      'diff',
      join(brokenRun.dir, 'conformance.json'),
      cleanRun.dir,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as ReportDiff;
    expect(diff.changes).toEqual([
      expect.objectContaining({ id: brokenRule, kind: 'improved', from: 'failed', to: 'passed' }),
    ]);
    expect(diff.counts).toMatchObject({
      regressed: 0,
      improved: 1,
      unchanged: cleanRun.report.totals.rules - 1,
    });
    expect(diff.old.faults).toEqual(['flexflow-retrycount-off-by-one']);
  });

  test('a run compared with itself has no change and exits 0', async ({ brokenRun }) => {
    const result = await runCli(['report', 'diff', brokenRun.dir, brokenRun.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`0 rules changed: 0 regressed`);
  });

  test('a file that is not a conformance report is a usage error (exit 2)', async ({
    cleanRun,
  }, testInfo) => {
    const bogus = testInfo.outputPath('bogus.json');
    writeFileSync(bogus, JSON.stringify({ verdict: 'pass' }));
    const result = await runCli(['report', 'diff', bogus, cleanRun.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a conformance report');
  });
});

test.describe('report matrix', () => {
  test('puts the rules in rows and the runs in columns, the broken rule differing', async ({
    page,
    cleanRun,
    brokenRun,
  }, testInfo) => {
    const file = testInfo.outputPath('matrix.html');
    const result = await runCli(['report', 'matrix', cleanRun.dir, brokenRun.dir, '--out', file]);
    expect(result.code).toBe(0);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href);
    const matrix = page.getByTestId('matrix');
    await expect(matrix.locator('thead th')).toHaveCount(3);
    await expect(matrix.locator('tr.matrix-row')).toHaveCount(cleanRun.report.totals.rules);
    const row = matrix.locator(`tr.matrix-row[data-id="${brokenRule}"] td`);
    await expect(row.nth(0)).toHaveAttribute('data-status', 'passed');
    await expect(row.nth(1)).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId('differing')).toHaveText('1');
    await page.getByLabel('only rules that differ').check();
    await expect(matrix.locator('tr.matrix-row:visible')).toHaveCount(1);
    await page.setViewportSize({ width: 375, height: 812 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    const screenshot = testInfo.outputPath('matrix-375px.png');
    await page.screenshot({ path: screenshot });
    await testInfo.attach('matrix-375px.png', { path: screenshot, contentType: 'image/png' });
    expect(requests).toEqual([]);
  });
});

test.describe('report merge', () => {
  test('each shard records which part of the run it is', async ({ brokenShards }) => {
    expect(brokenShards.map((shard) => shard.report.shard)).toEqual([
      { index: 1, total: 3 },
      { index: 2, total: 3 },
      { index: 3, total: 3 },
    ]);
    for (const shard of brokenShards) expect(schemaErrors(shard.report)).toEqual([]);
  });

  test('three shards merge into the rule statuses, totals and verdict of one run', async ({
    brokenRun,
    brokenShards,
  }, testInfo) => {
    const out = testInfo.outputPath('merged');
    const result = await runCli(['report', 'merge', ...brokenShards.map((shard) => shard.dir), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const merged = readReport(out);
    expect(schemaErrors(merged)).toEqual([]);
    const statuses = (report: typeof merged) =>
      Object.fromEntries(report.rules.map((rule) => [rule.id, rule.status]));
    expect(statuses(merged)).toEqual(statuses(brokenRun.report));
    expect(merged.totals).toEqual(brokenRun.report.totals);
    expect(merged.verdict).toBe('fail');
    expect(merged.completeness).toBe('complete');
    const checkIds = (report: typeof merged) =>
      report.rules.map(
        (rule) =>
          `${rule.id}: ${rule.checks
            .map((check) => check.title)
            .sort()
            .join(' | ')}`,
      );
    expect(checkIds(merged)).toEqual(checkIds(brokenRun.report));
    expect(merged.requests.total).toBe(
      brokenShards.reduce((sum, shard) => sum + shard.report.requests.total, 0),
    );
    expect(merged.mergedFrom?.map((part) => part.shard?.index)).toEqual([1, 2, 3]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Merged from 3 reports');
  });

  test('two of three shards merge into a report marked incomplete', async ({ brokenShards }, testInfo) => {
    const out = testInfo.outputPath('partial');
    const [first, , third] = brokenShards;
    const result = await runCli(['report', 'merge', first?.dir ?? '', third?.dir ?? '', '--out', out]);
    expect(result.code).toBe(0);
    const merged = readReport(out);
    expect(schemaErrors(merged)).toEqual([]);
    expect(merged.completeness).toBe('incomplete');
    expect(merged.incompleteReason).toContain('Shard 2/3 is missing');
  });

  test('the same shard given twice is a usage error', async ({ brokenShards }, testInfo) => {
    const [first] = brokenShards;
    const result = await runCli([
      'report',
      'merge',
      first?.dir ?? '',
      first?.dir ?? '',
      '--out',
      testInfo.outputPath('x'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shard 1/3 is given twice');
  });

  test('reports of the clean and the broken mock are not merged (different faults)', async ({
    cleanRun,
    brokenRun,
  }, testInfo) => {
    const result = await runCli([
      'report',
      'merge',
      cleanRun.dir,
      brokenRun.dir,
      '--out',
      testInfo.outputPath('x'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('different faults');
  });
});
