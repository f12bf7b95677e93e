import { randomBytes } from 'node:crypto';

/** A Twilio SID: two-letter prefix and 32 lowercase hex digits. */
export function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

export function isSid(value: string, prefix: string): boolean {
  return value.length === 34 && value.startsWith(prefix) && /^[0-9a-fA-F]{32}$/.test(value.slice(2));
}

/** ISO 8601 in GMT without fractional seconds, as Twilio's v1/v2 APIs write dates. */
export function isoNow(now: number = Date.now()): string {
  return new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
