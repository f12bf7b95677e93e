/**
 * `npm run bench:runs`: how the request count of each area grows with `--runs` (fast-check runs
 * per property). Every area is run on the embedded mock at two run counts with the same seed; a
 * property that ignored `--runs` would leave its area's count unchanged.
 *
 *   npm run bench:runs [-- --low 20] [--high 100] [--seed S] [--area A …] [--json FILE]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags, readInteger } from '../cli/args';
import { UsageError } from '../cli/errors';
import { runsRange, seedRange } from '../cli/settings-from-flags';
import { areas } from '../contracts/rules';
import type { ConformanceReport } from '../reports/model';
import { benchFlags, jsonFileFlag } from './flags';

const values = benchFlags('bench:runs', () => {
  const { values } = parseFlags('bench:runs', process.argv.slice(2), {
    low: { type: 'string' },
    high: { type: 'string' },
    seed: { type: 'string' },
    area: { type: 'string', multiple: true },
    json: { type: 'string' },
  });
  const low = readInteger(values.low, '--low', 20, ...runsRange);
  const high = readInteger(values.high, '--high', 100, ...runsRange);
  if (high <= low) throw new UsageError(`--high (${high}) must be more than --low (${low})`);
  const unknown = values.area?.find((area) => !(areas as readonly string[]).includes(area));
  if (unknown !== undefined)
    throw new UsageError(`--area: no area "${unknown}" (areas: ${areas.join(', ')})`);
  return {
    low: String(low),
    high: String(high),
    seed: String(readInteger(values.seed, '--seed', 20260601, ...seedRange)),
    area: values.area,
    json: jsonFileFlag(values.json),
  };
});
const root = fileURLToPath(new URL('..', import.meta.url));

async function requestsOf(area: string, runs: string): Promise<{ requests: number; verdict: string }> {
  const out = mkdtempSync(join(tmpdir(), 'flexconf-runs-'));
  let stderr = '';
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'cli/bin.mjs'),
        'run',
        '--grep',
        area,
        '--runs',
        runs,
        '--seed',
        values.seed,
        '--quiet',
        '--out',
        out,
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('exit', resolve);
  });
  const reportFile = join(out, 'conformance.json');
  const report = existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport)
    : undefined;
  rmSync(out, { recursive: true, force: true });
  if (!report)
    return { requests: 0, verdict: `no report (exit ${code}: ${stderr.trim().split('\n').at(-1) ?? ''})` };
  return { requests: report.requests.total, verdict: `${report.verdict} (exit ${code})` };
}

const rows = [];
for (const area of values.area ?? areas) {
  const low = await requestsOf(area, values.low);
  const high = await requestsOf(area, values.high);
  rows.push({
    area,
    low: low.requests,
    high: high.requests,
    ratio: high.requests / Math.max(low.requests, 1),
    verdicts: [low.verdict, high.verdict],
  });
  process.stdout.write(
    `${area.padEnd(14)} --runs ${values.low}: ${String(low.requests).padStart(6)}   --runs ${values.high}: ${String(high.requests).padStart(6)}   ×${(high.requests / Math.max(low.requests, 1)).toFixed(2)}   ${low.verdict} / ${high.verdict}\n`,
  );
}
const flat = rows.filter((row) => row.high <= row.low);
process.stdout.write(
  flat.length
    ? `NOT SCALED: ${flat.map((row) => row.area).join(', ')}\n`
    : 'every area makes more requests at the higher run count\n',
);
if (values.json) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
process.exitCode = flat.length ? 1 : 0;
