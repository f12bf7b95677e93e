import { createHash } from 'node:crypto';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { catalog } from '../../contracts/rules';
import type { ConformanceReport } from '../../reports/model';
import { brokenRule, type CliRun, expect, runCli, test } from './report-fixtures';

/**
 * The files every run writes: conformance.json against the published schema (checked with ajv
 * here, independently of the suite's own loader), junit.xml, summary.md and manifest.json.
 */

const reportFiles = ['index.html', 'conformance.json', 'junit.xml', 'summary.md', 'manifest.json'];
const schema = JSON.parse(
  readFileSync(new URL('../../reports/schema/conformance.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strictRequired: false, allowUnionTypes: true }).compile(schema);

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const read = (run: CliRun, file: string) => readFileSync(join(run.dir, file), 'utf8');

/** Keys sorted at every level, no whitespace: written out here so the test does not trust the code it checks. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

test.describe('the report files of a run', () => {
  test('a clean run writes all five report files and exits 0', async ({ cleanRun }) => {
    expect(cleanRun.code).toBe(0);
    for (const file of reportFiles) expect(statSync(join(cleanRun.dir, file)).size).toBeGreaterThan(0);
  });

  test('a run against a broken mock writes all five report files and exits 1', async ({ brokenRun }) => {
    expect(brokenRun.code).toBe(1);
    for (const file of reportFiles) expect(statSync(join(brokenRun.dir, file)).size).toBeGreaterThan(0);
  });

  test('conformance.json of the clean and the broken run validates against the published schema', async ({
    cleanRun,
    brokenRun,
  }) => {
    for (const run of [cleanRun, brokenRun]) {
      const valid = validate(JSON.parse(read(run, 'conformance.json')));
      expect(validate.errors ?? [], run.dir).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  test('the schema rejects a report with an unknown status, a missing verdict or an unredacted header', async ({
    brokenRun,
  }) => {
    const report = JSON.parse(read(brokenRun, 'conformance.json')) as Record<string, unknown> & {
      rules: Array<Record<string, unknown>>;
    };
    const withStatus = {
      ...report,
      rules: [{ ...report.rules[0], status: 'maybe' }, ...report.rules.slice(1)],
    };
    expect(validate(withStatus)).toBe(false);
    const { verdict: _verdict, ...withoutVerdict } = report;
    expect(validate(withoutVerdict)).toBe(false);
    const leaky = JSON.parse(
      JSON.stringify(report).replace('Basic [redacted]', 'Basic QUM6c2VjcmV0'),
    ) as object;
    expect(validate(leaky)).toBe(false);
  });

  test('junit.xml has one testcase per check named by its rule id, and a failure for the broken rule', async ({
    brokenRun,
  }) => {
    const xml = read(brokenRun, 'junit.xml');
    const { report } = brokenRun;
    const expectedCases = report.rules.reduce((sum, rule) => sum + Math.max(1, rule.checks.length), 0);
    expect(xml.match(/<testcase /g)?.length).toBe(expectedCases);
    const failedChecks = report.rules.flatMap((rule) => rule.checks.filter((c) => c.status === 'failed'));
    expect(xml.match(/<failure /g)?.length).toBe(failedChecks.length);
    expect(xml).toMatch(
      new RegExp(`<testcase classname="flex-flow" name="${brokenRule} › [^"]*"[^>]*><failure `),
    );
    for (const rule of report.rules) expect(xml).toContain(`name="${rule.id}`);
  });

  test('summary.md gives the verdict, the totals and each failed rule with a one-line reason', async ({
    brokenRun,
  }) => {
    const markdown = read(brokenRun, 'summary.md');
    const { totals } = brokenRun.report;
    expect(markdown).toMatch(/^## Flex conformance: ❌ FAIL/);
    expect(markdown).toContain(
      `**${totals.rules}** rules: **${totals.passed}** passed, **${totals.failed}** failed, **${totals.skipped}** skipped, **${totals.untested}** untested, **${totals.notSelected}** not selected.`,
    );
    const line = markdown.split('\n').find((text) => text.startsWith(`- **${brokenRule}**`));
    expect(line).toContain('Property failed');
    expect(markdown.length).toBeLessThan(65_536);
  });

  test('manifest.json holds the SHA-256 of every report file and of the canonical rule catalog', async ({
    brokenRun,
  }) => {
    const manifest = JSON.parse(read(brokenRun, 'manifest.json')) as {
      files: Record<string, string>;
      catalog: { sha256: string; rules: number };
    };
    expect(Object.keys(manifest.files).sort()).toEqual([
      'conformance.json',
      'index.html',
      'junit.xml',
      'summary.md',
    ]);
    for (const [file, hash] of Object.entries(manifest.files))
      expect(hash, file).toBe(sha256(readFileSync(join(brokenRun.dir, file))));
    const catalogHash = sha256(canonical(catalog));
    expect(manifest.catalog).toMatchObject({ sha256: catalogHash, rules: catalog.length });
    expect(brokenRun.report.suite.catalogSha256).toBe(catalogHash);
  });

  test('report verify accepts the files as written and names the one edited afterwards', async ({
    brokenRun,
  }, testInfo) => {
    expect((await runCli(['report', 'verify', brokenRun.dir])).code).toBe(0);
    const copy = testInfo.outputPath('edited');
    cpSync(brokenRun.dir, copy, { recursive: true });
    const summary = join(copy, 'summary.md');
    writeFileSync(summary, readFileSync(summary, 'utf8').replace('FAIL', 'PASS'));
    const result = await runCli(['report', 'verify', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('modified: summary.md');
  });

  test('requests per domain and per API add up to the requests every check sent, counted once per check', async ({
    brokenRun,
  }) => {
    const { report } = brokenRun;
    const checks = new Map(report.rules.flatMap((rule) => rule.checks.map((check) => [check.id, check])));
    const total = [...checks.values()].reduce((sum, check) => sum + (check.exchanges?.total ?? 0), 0);
    expect(report.requests.total).toBe(total);
    expect(total).toBeGreaterThan(0);
    const byDomain = Object.values(report.requests.byDomain).reduce((sum, n) => sum + n, 0);
    expect(byDomain).toBe(total);
    const byApi = Object.values(report.requests.byApi ?? {}).reduce((sum, n) => sum + n, 0);
    expect(byApi).toBe(total);
    expect(report.requests.byApi?.['flex-api /v1/FlexFlows create']).toBeGreaterThan(0);
    const perDomain = Object.entries(report.requests.byDomain)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([domain, count]) => `${domain} ${count}`);
    expect(brokenRun.stdout).toContain(`requests: ${total} (${perDomain.join(', ')})`);
  });

  test('the console names every report file and the verdict', async ({ brokenRun }) => {
    expect(brokenRun.stdout).toContain(
      'reports: index.html, conformance.json, junit.xml, summary.md, manifest.json',
    );
    expect(brokenRun.stdout).toMatch(/verdict: FAIL/);
    expect(brokenRun.stdout).toContain(`failed must   ${brokenRule}`);
  });

  test('the report names the target, its masked account and the seed the run used', async ({ brokenRun }) => {
    const { report }: { report: ConformanceReport } = brokenRun;
    expect(report.target).toMatchObject({ kind: 'mock', faults: ['flexflow-retrycount-off-by-one'] });
    expect(report.target.fingerprint).toMatch(/^AC\*+ee42$/);
    expect(report.seed).toBe(20260601);
    expect(report.completeness).toBe('complete');
  });
});
