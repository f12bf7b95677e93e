import type { Credentials } from '../types';
import { basicAuthorization, maskSid } from './credentials';

/** The account SID a cassette shows for the account it was recorded on. */
export const placeholderAccountSid = `AC${'0'.repeat(32)}`;
/** The API key SID a cassette shows for the key it was recorded with. */
export const placeholderApiKey = `SK${'0'.repeat(32)}`;
/** The phone number a cassette shows for `--voice-number`. */
export const placeholderVoiceNumber = '+15550000000';
/** The phone numbers a cassette shows for `--sms-numbers`, in their order (beyond any index a test reaches). */
export const placeholderSmsNumbers: readonly string[] = ['+15559000001', '+15559000002'];

// Also right after a percent-escape: a URL sent as a form value (`VoiceUrl=…%2FAccounts%2FAC…`).
const accountSidPattern = /(?<=^|[^0-9A-Za-z]|%[0-9A-Fa-f]{2})AC[0-9a-fA-F]{32}(?![0-9A-Za-z])/g;
/** E.164 numbers, raw or form-encoded (`%2B` for `+`). */
const phonePattern = /(\+|%2B)([1-9]\d{7,14})(?!\d)/g;
const accountPlaceholderPattern = /^AC0{24}[0-9a-f]{8}$/;
const phonePlaceholderPattern = /^\+1555\d{7}$/;

const accountPlaceholder = (index: number) => `AC${'0'.repeat(24)}${index.toString(16).padStart(8, '0')}`;
const phonePlaceholder = (index: number) => `+1555${String(index).padStart(7, '0')}`;
const placeholderIndex = (placeholder: string) =>
  placeholder.startsWith('AC') ? Number.parseInt(placeholder.slice(2), 16) : Number(placeholder.slice(5));

/** What must never leave the run: the secret, the Basic header built from it, and the identifiers to hide. */
export interface Secrets {
  readonly credentials: Credentials;
  readonly voiceNumber?: string;
  readonly smsNumbers?: readonly string[];
}

/** Removes credentials from text: the secret, its Basic header, and the API key's SID. */
export function redactSecrets(text: string, credentials: Credentials): string {
  let out = text;
  const header = basicAuthorization(credentials);
  const password = credentials.password;
  for (const secret of [header, header.slice('Basic '.length), password, encodeURIComponent(password)]) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  if (credentials.kind === 'api-key') out = out.split(credentials.username).join(placeholderApiKey);
  return out;
}

/** The run's own numbers (`--voice-number`, `--sms-numbers`), raw and form-encoded, each as its placeholder. */
export function redactNumbers(text: string, secrets: Omit<Secrets, 'credentials'>): string {
  const pairs: Array<[string, string]> = [
    ...(secrets.voiceNumber ? [[secrets.voiceNumber, placeholderVoiceNumber] as [string, string]] : []),
    ...(secrets.smsNumbers ?? []).map(
      (number, index) => [number, placeholderSmsNumbers[index] as string] as [string, string],
    ),
  ];
  let out = text;
  for (const [number, placeholder] of pairs)
    out = out
      .split(number)
      .join(placeholder)
      .split(encodeURIComponent(number))
      .join(encodeURIComponent(placeholder));
  return out;
}

/** Report evidence: no credentials, and the account SID masked as in the report's fingerprint. */
export function redactEvidence(text: string, credentials: Credentials): string {
  return redactSecrets(text, credentials).split(credentials.accountSid).join(maskSid(credentials.accountSid));
}

/**
 * Replaces account SIDs and phone numbers by stable placeholders, in order of first appearance
 * within one test's exchanges (the account of the credentials, `--voice-number` and `--sms-numbers`
 * have fixed ones). No table from placeholder to value is ever written, so a cassette reveals neither.
 *
 * Replay runs the same scrubber over the requests it sends, so they match the recording, and
 * `restore` gives the checks back the values they sent themselves: a replayed test sees the same
 * answers the recorded one saw.
 */
export class Scrubber {
  private readonly toPlaceholder = new Map<string, string>();
  private readonly toValue = new Map<string, string>();
  private readonly counters = { account: 0, phone: 0 };
  private readonly literals: Array<[string, string]> = [];

  constructor(private readonly secrets: Secrets) {
    const { credentials, voiceNumber, smsNumbers } = secrets;
    this.bind(credentials.accountSid, placeholderAccountSid);
    if (voiceNumber) this.bind(voiceNumber, placeholderVoiceNumber);
    for (const [index, number] of (smsNumbers ?? []).entries())
      this.bind(number, placeholderSmsNumbers[index] as string);
  }

  /** From now on `value` (raw or form-encoded) is written as `placeholder`. */
  replaceLiteral(value: string, placeholder: string): void {
    this.literals.push([value, placeholder], [encodeURIComponent(value), encodeURIComponent(placeholder)]);
  }

  /** The text with secrets removed and every account SID and phone number replaced. */
  scrub(text: string): string {
    let out = text;
    for (const [value, placeholder] of this.literals) out = out.split(value).join(placeholder);
    return redactSecrets(out, this.secrets.credentials)
      .replace(accountSidPattern, (sid) => this.placeholderFor(sid, 'account'))
      .replace(phonePattern, (_all, plus: string, digits: string) => {
        const placeholder = this.placeholderFor(`+${digits}`, 'phone');
        return plus + placeholder.slice(1);
      });
  }

  /** Replay: notes the placeholders a recorded answer holds and puts back the values this test sent. */
  restore(text: string): string {
    return text
      .replace(accountSidPattern, (sid) => this.valueFor(sid, 'account'))
      .replace(phonePattern, (all, plus: string, digits: string) => {
        const value = this.valueFor(`+${digits}`, 'phone');
        return value === `+${digits}` ? all : plus + value.slice(1);
      });
  }

  private placeholderFor(value: string, kind: 'account' | 'phone'): string {
    const known = this.toPlaceholder.get(value);
    if (known) return known;
    if (this.isPlaceholder(value, kind)) {
      this.notePlaceholder(value, kind);
      return value;
    }
    const placeholder =
      kind === 'account'
        ? accountPlaceholder(++this.counters.account)
        : phonePlaceholder(++this.counters.phone);
    this.bind(value, placeholder);
    return placeholder;
  }

  private valueFor(placeholder: string, kind: 'account' | 'phone'): string {
    const value = this.toValue.get(placeholder);
    if (value !== undefined) return value;
    if (this.isPlaceholder(placeholder, kind)) this.notePlaceholder(placeholder, kind);
    return placeholder;
  }

  private isPlaceholder(value: string, kind: 'account' | 'phone'): boolean {
    return kind === 'account' ? accountPlaceholderPattern.test(value) : phonePlaceholderPattern.test(value);
  }

  /** A placeholder seen before its value: later values take the indexes after it, as when recording. */
  private notePlaceholder(placeholder: string, kind: 'account' | 'phone'): void {
    this.counters[kind] = Math.max(this.counters[kind], placeholderIndex(placeholder));
    if (!this.toPlaceholder.has(placeholder)) this.toPlaceholder.set(placeholder, placeholder);
  }

  private bind(value: string, placeholder: string): void {
    this.toPlaceholder.set(value, placeholder);
    this.toValue.set(placeholder, value);
  }
}
