import { assembleReport, checkKey, ruleStatus } from './build';
import { ReportInputError } from './load';
import type { CheckResult, ConformanceReport, MergedPart, RuleResult, Selection } from './model';

export interface MergeResult {
  readonly report: ConformanceReport;
  /** Differences between the parts that do not stop the merge (different seeds, commits). */
  readonly warnings: readonly string[];
}

/** When two parts ran the same check, the worse outcome stands. */
const severityOfOutcome: Record<CheckResult['status'], number> = { failed: 2, passed: 1, skipped: 0 };

/**
 * Joins the reports of one run split with `run --shard i/n` (or separate runs of disjoint parts
 * of the suite) into the report a single run would have written: every check of every part under
 * its rules, the statuses, totals, requests and verdict recomputed from them.
 */
export function mergeReports(parts: readonly ConformanceReport[]): MergeResult {
  const [first] = parts;
  if (!first) throw new ReportInputError('report merge needs at least one report');
  const warnings: string[] = [];
  for (const part of parts.slice(1)) {
    if (part.suite.catalogSha256 !== first.suite.catalogSha256)
      throw new ReportInputError(
        'the reports were made against different rule catalogs: they cannot be merged',
      );
    if (
      part.target.kind !== first.target.kind ||
      (part.target.kind !== 'mock' && part.target.url !== first.target.url)
    )
      throw new ReportInputError(
        `the reports ran against different targets (${describeTarget(first)} and ${describeTarget(part)})`,
      );
    if ([...part.target.faults].sort().join(',') !== [...first.target.faults].sort().join(','))
      throw new ReportInputError('the reports ran against the mock with different faults');
  }
  const shardProblem = checkShards(parts);
  const selection = mergedSelection(parts, shardProblem === undefined);
  if (new Set(parts.map((part) => part.seed)).size > 1)
    warnings.push(
      `the parts used different seeds (${[...new Set(parts.map((part) => part.seed))].join(', ')}): their properties ran different inputs`,
    );
  if (new Set(parts.map((part) => part.suite.commit)).size > 1)
    warnings.push('the parts ran from different git commits');

  const rules: RuleResult[] = first.rules.map((rule) => {
    const checks = new Map<string, CheckResult>();
    const observed = new Set<string>();
    for (const part of parts) {
      const same = part.rules.find((candidate) => candidate.id === rule.id);
      if (!same) continue;
      for (const reading of same.observedReadings) observed.add(reading);
      for (const check of same.checks) {
        const key = checkKey(check);
        const seen = checks.get(key);
        if (!seen || severityOfOutcome[check.status] > severityOfOutcome[seen.status]) checks.set(key, check);
      }
    }
    const merged = [...checks.values()];
    const selectedOut =
      selection !== undefined &&
      parts.some((part) => part.rules.some((same) => same.id === rule.id && same.status === 'not-selected'));
    return {
      ...rule,
      observedReadings: [...observed],
      status: ruleStatus(merged, selectedOut),
      checks: merged,
    };
  });

  const incompleteParts = parts.filter((part) => part.completeness === 'incomplete');
  const reasons = [
    ...(shardProblem ? [shardProblem] : []),
    ...incompleteParts.map(
      (part) => `${partLabel(part)} is incomplete: ${part.incompleteReason ?? 'stopped early'}`,
    ),
  ];
  const startedAt = new Date(Math.min(...parts.map((part) => Date.parse(part.startedAt))));
  const finishedAt = new Date(Math.max(...parts.map((part) => Date.parse(part.finishedAt))));
  const mergedFrom: MergedPart[] = parts.map((part) => ({
    shard: part.shard ?? null,
    seed: part.seed,
    startedAt: part.startedAt,
    finishedAt: part.finishedAt,
    completeness: part.completeness,
    checks: new Set(part.rules.flatMap((rule) => rule.checks.map(checkKey))).size,
  }));
  const report = assembleReport(
    rules,
    {
      suite: { name: first.suite.name, version: first.suite.version, commit: first.suite.commit },
      target: {
        ...first.target,
        fingerprint: parts.map((part) => part.target.fingerprint).find((value) => value !== null) ?? null,
      },
      seed: first.seed,
      runs: first.runs,
      startedAt,
      finishedAt,
      completeness: reasons.length > 0 ? 'incomplete' : 'complete',
      ...(reasons.length > 0 ? { incompleteReason: reasons.join(' ') } : {}),
      mergedFrom,
      ...(selection ? { selection } : {}),
    },
    first.suite.catalogSha256,
  );
  return { report, warnings };
}

/**
 * What narrowed the merged run: the parts' own selections (they ran the same `--grep`), without the
 * shard once every shard is there. Undefined when nothing narrowed it.
 */
function mergedSelection(
  parts: readonly ConformanceReport[],
  shardsComplete: boolean,
): Selection | undefined {
  const first = parts.find((part) => part.selection)?.selection;
  if (!first) return undefined;
  const { grep, lastFailed, expectedFailures, suiteChecks } = first;
  if (!grep && !lastFailed && !expectedFailures && shardsComplete) return undefined;
  const checks = new Set(parts.flatMap((part) => part.rules.flatMap((rule) => rule.checks.map(checkKey))))
    .size;
  return {
    ...(grep ? { grep } : {}),
    ...(lastFailed ? { lastFailed } : {}),
    ...(expectedFailures ? { expectedFailures } : {}),
    checks,
    suiteChecks,
  };
}

/** A shard given twice is an error; a missing shard makes the merged report incomplete. */
function checkShards(parts: readonly ConformanceReport[]): string | undefined {
  const shards = parts.map((part) => part.shard).filter((shard) => shard !== undefined);
  if (shards.length === 0) return undefined;
  const totals = new Set(shards.map((shard) => shard.total));
  if (totals.size > 1)
    throw new ReportInputError(
      `the shards come from different splits (${[...totals].map((n) => `/${n}`).join(', ')})`,
    );
  const indexes = shards.map((shard) => shard.index);
  const repeated = indexes.find((index, position) => indexes.indexOf(index) !== position);
  const [total] = [...totals];
  if (repeated !== undefined) throw new ReportInputError(`shard ${repeated}/${total} is given twice`);
  const missing = Array.from({ length: total ?? 0 }, (_, i) => i + 1).filter(
    (index) => !indexes.includes(index),
  );
  if (missing.length === 0) return undefined;
  return `Shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${total}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the merge.`;
}

function partLabel(part: ConformanceReport): string {
  return part.shard ? `shard ${part.shard.index}/${part.shard.total}` : `the run started ${part.startedAt}`;
}

function describeTarget(report: ConformanceReport): string {
  return `${report.target.kind} ${report.target.url}`;
}
