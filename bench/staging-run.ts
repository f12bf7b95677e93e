/**
 * `npm run bench:staging`: a full `run --target twilio` against the simulated staging account
 * (nock standing in for Twilio's hosts, loopback only). Prints the wall time beside its rate-limit
 * floor (the requests the account saw ÷ the account's limit per second), the requests per API
 * against the budget, and each API's busiest second against its documented rate limit.
 *
 * Voice checks run through the account's voice number unless `--without-voice-number`, inbound SMS
 * checks through its two SMS numbers unless `--without-sms-numbers`, and checks the account calls
 * back through a public URL the account forwards to the run's `--stub-port` unless
 * `--without-public-url`; checks whose property its time limit cut short are listed with the cases
 * they ran; the `must` rules the run skipped are listed with their reasons (each must
 * name an option left out, or the bench exits 1), apart from those the catalog's `appliesTo.targets`
 * keeps off a real account, listed with the catalog's reason.
 *
 *   npm run bench:staging [-- --runs N] [--seed N] [--workers N] [--json FILE] [--out DIR] [--without-voice-number]
 *                         [--without-sms-numbers] [--without-public-url]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFlags, readInteger } from '../cli/args';
import { runsRange, seedRange } from '../cli/settings-from-flags';
import type { TargetKind } from '../contracts/rules/types';
import { uniqueChecks } from '../reports/build';
import type { ConformanceReport, RuleResult } from '../reports/model';
import { accountLimitPerSecond, limitFor, type Operation } from '../targets/http/rate-limits';
import { busiestWindow } from '../tests/twilio-target/support/busiest-window';
import {
  stagingAccountSid,
  stagingPublicUrl,
  startSimulatedTwilio,
} from '../tests/twilio-target/support/simulated-twilio';
import { freePort, runCli, scratchDir, tunnelArgs } from '../tests/twilio-target/support/staging';
import type { StagingFigures } from './figures';
import { benchFlags, jsonFileFlag } from './flags';

const values = benchFlags('bench:staging', () => {
  const { values } = parseFlags('bench:staging', process.argv.slice(2), {
    runs: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'string' },
    out: { type: 'string' },
    'without-voice-number': { type: 'boolean' },
    'without-sms-numbers': { type: 'boolean' },
    'without-public-url': { type: 'boolean' },
  });
  // the run's own CLI checks them too, but only once the simulated account is up
  const integer = (flag: 'runs' | 'seed' | 'workers', ...[min, max]: readonly [number, number]) =>
    values[flag] === undefined ? undefined : String(readInteger(values[flag], `--${flag}`, 0, min, max));
  return {
    ...values,
    runs: integer('runs', ...runsRange),
    seed: integer('seed', ...seedRange),
    workers: integer('workers', 1, 64),
    json: jsonFileFlag(values.json),
  };
});

interface RequestsFile {
  total: number;
  budget: number;
  byApi: Record<string, number>;
  cleanup: { total: number };
}

const tunnel = values['without-public-url']
  ? undefined
  : { publicUrl: stagingPublicUrl, stubPort: await freePort() };
const staging = await startSimulatedTwilio(tunnel ? { tunnel } : {});
const out = values.out ? resolve(values.out) : scratchDir('bench-staging');
const started = performance.now();
const result = await runCli(
  [
    'run',
    '--target',
    'twilio',
    '--account',
    stagingAccountSid,
    ...(values.runs ? ['--runs', values.runs] : []),
    ...(values.seed ? ['--seed', values.seed] : []),
    ...(values.workers ? ['--workers', values.workers] : []),
    ...(values['without-voice-number'] ? [] : ['--voice-number', staging.flex.voiceNumber]),
    ...(values['without-sms-numbers'] ? [] : ['--sms-numbers', staging.flex.smsNumbers.join(',')]),
    ...(tunnel ? tunnelArgs(tunnel) : []),
    '--out',
    out,
  ],
  staging.url,
);
const wallMs = Math.round(performance.now() - started);
await staging.close();

const requests = JSON.parse(readFileSync(join(out, 'requests.json'), 'utf8')) as RequestsFile;
const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
const mustRules = report.rules.filter((rule) => rule.severity === 'must');
const skipReason = (rule: RuleResult) =>
  rule.checks.find((check) => check.skipReason)?.skipReason ?? 'no check ran';
/** The catalog keeps it off this target kind: not a skip of the run, a rule no real account can exercise. */
const notOnThisTarget = ({ appliesTo }: RuleResult) =>
  appliesTo?.targets !== undefined && !appliesTo.targets.includes(report.target.kind as TargetKind);
const cannotRunHere = mustRules
  .filter(notOnThisTarget)
  .map((rule) => `${rule.id}: ${rule.appliesTo?.targetsReason ?? skipReason(rule)}`);
const skipped = mustRules.filter((rule) => rule.status === 'skipped' && !notOnThisTarget(rule));
const mustSkipped = skipped.map((rule) => `${rule.id}: ${skipReason(rule)}`);
const optionsLeftOut = [
  ...(values['without-voice-number'] ? ['--voice-number'] : []),
  ...(values['without-sms-numbers'] ? ['--sms-numbers'] : []),
  ...(values['without-public-url'] ? ['--public-url'] : []),
];
/** Skipped for something other than an option the bench left out: the run could have exercised it. */
const unexplained = skipped
  .filter((rule) => !optionsLeftOut.some((option) => skipReason(rule).includes(option)))
  .map((rule) => rule.id);
const areas = [...new Set(mustRules.map((rule) => rule.area))];
const mustByArea = areas.map((area) => {
  const inArea = mustRules.filter((rule) => rule.area === area);
  const exercised = inArea.filter((rule) => rule.status === 'passed' || rule.status === 'failed').length;
  return `${area} ${exercised}/${inArea.length}`;
});
const cutShort = uniqueChecks(report.rules)
  .filter((check) => check.cutShort)
  .map((check) => `${check.title}: ${check.cutShort?.join(', ')} cases`);
const verdict = /^verdict: .*$/m.exec(result.stdout)?.[0] ?? `exit ${result.code}`;
const arrivals = new Map<string, number[]>();
for (const entry of staging.log)
  arrivals.set(entry.operation, [...(arrivals.get(entry.operation) ?? []), entry.at]);
const apis = [...arrivals.keys()].sort().map((key) => {
  const at = key.lastIndexOf(' ');
  const limit = limitFor({ api: key.slice(0, at), operation: key.slice(at + 1) as Operation, key });
  const times = arrivals.get(key) ?? [];
  return { api: key, requests: times.length, busiestSecond: busiestWindow(times), limitPerSecond: limit };
});
const floorMs = Math.round((staging.log.length / accountLimitPerSecond) * 1000);
// Each API is paced by its own documented limit too: the slowest of them may bind harder than the account.
const binding = apis.reduce(
  (worst, api) => {
    const ms = Math.round((api.requests / api.limitPerSecond) * 1000);
    return ms > worst.ms ? { ms, api: api.api } : worst;
  },
  { ms: floorMs, api: 'the account' },
);
const figures: StagingFigures = {
  wallMs,
  floorMs,
  bindingFloorMs: binding.ms,
  bindingApi: binding.api,
  exitCode: result.code,
  verdict,
  requests: requests.total,
  cleanupRequests: requests.cleanup.total,
  budget: requests.budget,
  loggedByAccount: staging.log.length,
  accountBusiestSecond: busiestWindow(staging.log.map((entry) => entry.at)),
  accountLimitPerSecond,
  overLimit: apis.filter((api) => api.busiestSecond > api.limitPerSecond).map((api) => api.api),
  apis,
  mustSkipped,
  mustSkippedWithoutReason: unexplained,
  mustNotOnTarget: cannotRunHere,
  cutShort,
};

const width = Math.max(...apis.map((api) => api.api.length));
const lines = [
  `simulated staging run: ${(wallMs / 1000).toFixed(1)} s wall, ${verdict}`,
  `rate-limit floor: ${(figures.floorMs / 1000).toFixed(1)} s (${staging.log.length} requests ÷ ${accountLimitPerSecond}/s); wall ÷ floor ${(wallMs / figures.floorMs).toFixed(2)}× (target ≤ 1.30×: ${wallMs / figures.floorMs <= 1.3 ? 'met' : 'NOT met'})`,
  `binding floor: ${(binding.ms / 1000).toFixed(1)} s, set by ${binding.api} (each API's requests ÷ its documented limit, and the account's); wall ÷ binding floor ${(wallMs / binding.ms).toFixed(2)}×`,
  `requests: ${requests.total} by the checks + ${requests.cleanup.total} to clean up = ${staging.log.length} seen by the account; budget ${requests.budget}`,
  `account: busiest second ${figures.accountBusiestSecond} requests (ceiling ${accountLimitPerSecond}/s)`,
  `checks whose property its time limit cut short: ${cutShort.length}${cutShort.length ? ' (the wall time covers fewer cases than --runs asks)' : ''}`,
  ...cutShort.map((line) => `  cut short: ${line}`),
  '',
  `${'API'.padEnd(width)}  requests  busiest second  limit/s`,
  ...apis.map(
    (api) =>
      `${api.api.padEnd(width)}  ${String(api.requests).padStart(8)}  ${String(api.busiestSecond).padStart(14)}  ${String(api.limitPerSecond).padStart(7)}`,
  ),
  '',
  `must rules exercised per area: ${mustByArea.join(', ')}`,
  `must rules skipped: ${mustSkipped.length}${optionsLeftOut.length ? ` (options left out: ${optionsLeftOut.join(', ')})` : ''}`,
  ...mustSkipped.map((line) => `  ${line}`),
  ...(unexplained.length ? [`SKIPPED WITHOUT AN OPTION LEFT OUT: ${unexplained.join(', ')}`] : []),
  `must rules that cannot run on a real account (the catalog's appliesTo): ${cannotRunHere.length}`,
  ...cannotRunHere.map((line) => `  cannot run on a real account: ${line}`),
  '',
  figures.overLimit.length
    ? `OVER THE LIMIT: ${figures.overLimit.join(', ')}`
    : 'every API stayed inside its limit',
];
process.stdout.write(`${lines.join('\n')}\n`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
process.exitCode = figures.overLimit.length > 0 || unexplained.length > 0 || result.code !== 0 ? 1 : 0;
