import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FinishedCheck } from './build';
import type { ConformanceReport, ShardRef } from './model';

/**
 * The reporter appends every finished check to this file as it happens, so that a run killed
 * before Playwright could call the reporter's onEnd (a second Ctrl-C, SIGTERM, a crash) still
 * leaves what ran: `flex-conformance run` then builds an incomplete report from it.
 */
export const journalFile = '.run-journal.jsonl';

type JournalEntry =
  | {
      readonly kind: 'begin';
      readonly startedAt: string;
      readonly shard: ShardRef | null;
      /** Checks the run was to run. */
      readonly planned?: number;
    }
  | { readonly kind: 'target'; readonly target: ConformanceReport['target'] }
  | { readonly kind: 'check'; readonly check: FinishedCheck };

export class Journal {
  private readonly path: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, journalFile);
  }

  begin(startedAt: Date, shard: ShardRef | null, planned: number): void {
    this.write(
      `${JSON.stringify({ kind: 'begin', startedAt: startedAt.toISOString(), shard, planned })}\n`,
      false,
    );
  }

  target(target: ConformanceReport['target']): void {
    this.write(`${JSON.stringify({ kind: 'target', target })}\n`, true);
  }

  check(check: FinishedCheck): void {
    this.write(`${JSON.stringify({ kind: 'check', check })}\n`, true);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }

  private write(line: string, append: boolean): void {
    try {
      if (append) appendFileSync(this.path, line);
      else writeFileSync(this.path, line);
    } catch {
      // The journal is a fallback; a run must not fail because it could not be written.
    }
  }
}

export interface JournalContents {
  readonly startedAt: Date | undefined;
  readonly shard: ShardRef | null;
  readonly planned: number | undefined;
  readonly target: ConformanceReport['target'] | undefined;
  readonly checks: FinishedCheck[];
}

/** What a journal recorded; a torn last line (the process died mid-write) is ignored. */
export function readJournal(dir: string): JournalContents | undefined {
  const path = join(dir, journalFile);
  if (!existsSync(path)) return undefined;
  const contents: {
    startedAt?: Date;
    shard: ShardRef | null;
    planned?: number;
    target?: ConformanceReport['target'];
  } = { shard: null };
  const checks = new Map<string, FinishedCheck>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    if (entry.kind === 'begin') {
      contents.startedAt = new Date(entry.startedAt);
      contents.shard = entry.shard;
      contents.planned = entry.planned;
    } else if (entry.kind === 'target') contents.target = entry.target;
    else
      checks.set(
        entry.check.id ?? `${entry.check.file}:${entry.check.line}:${entry.check.title}`,
        entry.check,
      );
  }
  return {
    startedAt: contents.startedAt,
    shard: contents.shard,
    planned: contents.planned,
    target: contents.target,
    checks: [...checks.values()],
  };
}
