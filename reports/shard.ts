import type { ShardRef } from './model';

/** `2/3` → { index: 2, total: 3 }; undefined unless 1 ≤ index ≤ total. */
export function parseShard(text: string): ShardRef | undefined {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const total = Number(match[2]);
  return index <= total ? { index, total } : undefined;
}
