import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Errors a request gets when nothing answers at the target's address, or the connection breaks. */
const connectionFailure =
  /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE)\b|socket hang up/;

export function isConnectionFailure(error: unknown): boolean {
  return connectionFailure.test(error instanceof Error ? error.message : String(error));
}

/** Connection failures in a row, across every process of the run, after which the target counts as gone. */
export const failuresBeforeGone = 3;

const failuresFile = 'connection-failures';
const goneFile = 'target-gone';

/** A request not sent because the target already stopped answering. */
export class TargetGone extends Error {
  constructor(readonly reason: string) {
    super(`the target stopped answering (${reason}): request not sent`);
    this.name = 'TargetGone';
  }
}

/**
 * Whether the run's target still answers, shared by the run's processes through its state
 * directory: each connection failure is appended to a file, any answer clears it, and the
 * `failuresBeforeGone`-th failure in a row marks the target gone. From then on no request is
 * sent, no new check starts, and the reporter stops the run (its remaining checks are skipped,
 * none failed for it).
 */
export class TargetHealth {
  constructor(private readonly dir: string) {}

  /** Why the target was declared gone, or undefined while it answers. */
  gone(): string | undefined {
    const marker = join(this.dir, goneFile);
    if (!existsSync(marker)) return undefined;
    try {
      return readFileSync(marker, 'utf8').trim() || 'connection failures';
    } catch {
      return 'connection failures';
    }
  }

  failed(error: unknown): void {
    const reason = firstLine(error instanceof Error ? error.message : String(error));
    try {
      mkdirSync(this.dir, { recursive: true });
      appendFileSync(join(this.dir, failuresFile), `${reason}\n`);
      const inARow = readFileSync(join(this.dir, failuresFile), 'utf8').split('\n').filter(Boolean);
      // processes fail side by side, so more may have been counted by now: the limit is what was reached
      if (inARow.length >= failuresBeforeGone && !this.gone())
        writeFileSync(
          join(this.dir, goneFile),
          `${failuresBeforeGone} requests in a row could not reach it, the last: ${reason}`,
          { flag: 'wx' },
        );
    } catch {
      // another process wrote the marker first, or the state directory went away: either way nothing to add
    }
  }

  answered(): void {
    const file = join(this.dir, failuresFile);
    if (existsSync(file)) rmSync(file, { force: true });
  }

  /** A new run starts with a target presumed alive. */
  reset(): void {
    rmSync(join(this.dir, failuresFile), { force: true });
    rmSync(join(this.dir, goneFile), { force: true });
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 200) ?? 'no answer'
  );
}
