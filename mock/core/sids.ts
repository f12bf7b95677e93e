import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in blocks: one system call per 256 SIDs instead of one per SID. */
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

/** A Twilio SID: two-letter prefix and 32 lowercase hex digits. */
export function newSid(prefix: string): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const digits = pool.toString('hex', poolOffset, poolOffset + 16);
  poolOffset += 16;
  return prefix + digits;
}

export function isSid(value: string, prefix: string): boolean {
  return value.length === 34 && value.startsWith(prefix) && /^[0-9a-fA-F]{32}$/.test(value.slice(2));
}

let lastSecond = Number.NaN;
let lastIso = '';

/** ISO 8601 in GMT without fractional seconds, as Twilio's v1/v2 APIs write dates. */
export function isoNow(now: number = Date.now()): string {
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastIso = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastIso;
}
