import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TwilioApi } from '../http/client';

/** Which of a number's URLs a run repoints: the voice URL (`--voice-number`) or the SMS URL (`--sms-numbers`). */
export type NumberUse = 'voice' | 'sms';

/** What a number's URL was before a run pointed it at a check's flow or webhook. */
export interface NumberOriginal {
  readonly accountSid: string;
  readonly sid: string;
  readonly phoneNumber: string;
  readonly use: NumberUse;
  readonly url: string | null;
  readonly method: string;
}

type NumberBody = { sid: string; phone_number: string } & Record<string, unknown>;

/** The IncomingPhoneNumbers fields and update parameters of each use. */
const fields = {
  voice: { url: 'voice_url', method: 'voice_method', urlParam: 'VoiceUrl', methodParam: 'VoiceMethod' },
  sms: { url: 'sms_url', method: 'sms_method', urlParam: 'SmsUrl', methodParam: 'SmsMethod' },
} as const;

/** Where the original lives while the number is repointed: outside the run's state, so `cleanup` finds it after a crash. */
const stateRoot = () => join(tmpdir(), 'flexconf-numbers');
const stateFile = (accountSid: string, phoneNumber: string, use: NumberUse) =>
  join(
    stateRoot(),
    `${createHash('sha256').update(`${accountSid} ${phoneNumber} ${use}`).digest('hex').slice(0, 20)}.json`,
  );
/** A lock older than this belongs to a process that died holding it (no check holds a number longer). */
const staleLockMs = 600_000;
/** A lock whose holder has not written its pid this long after taking it was left by a process that died. */
const unnamedLockMs = 5_000;

const numbersPath = (accountSid: string) => `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers`;

/**
 * A phone number of the account the run may use (`--voice-number`, `--sms-numbers`). Pointing one
 * of its URLs somewhere is serialised across the run's processes (one number, one URL), and the
 * original URL and method are written down before the change and put back after it; the written
 * original survives a killed run until a later restore (worker teardown, end-of-run sweep, `cleanup`).
 */
export class RepointedNumber {
  private readonly file: string;
  /** The lock directory the run's processes share for this number and use (it holds the holder's pid). */
  readonly lock: string;

  constructor(
    private readonly api: TwilioApi,
    readonly phoneNumber: string,
    private readonly use: NumberUse,
  ) {
    this.file = stateFile(api.target.credentials.accountSid, phoneNumber, use);
    this.lock = `${this.file}.lock`;
  }

  /** Runs `during` while the number's URL is `url`, then restores what it was. */
  async pointedAt<T>(url: string, during: () => Promise<T>): Promise<T> {
    await this.repoint(url);
    try {
      return await during();
    } finally {
      await this.restoreIfOwned();
    }
  }

  /**
   * Waits until no other process of the run holds the number, then points its URL at `url` until
   * `restoreIfOwned`.
   */
  async repoint(url: string): Promise<void> {
    await this.acquire();
    try {
      const original = await this.original();
      await updateNumber(this.api, original.sid, this.use, url, 'POST');
    } catch (error) {
      await this.restore().catch(() => undefined);
      this.release();
      throw error;
    }
  }

  /** Puts back the original if this process left the number repointed (a check ended or was interrupted). */
  async restoreIfOwned(): Promise<void> {
    if (!existsSync(this.file)) {
      this.release();
      return;
    }
    if (existsSync(this.lock) && !this.ownsLock() && !lockIsStale(this.lock)) return;
    try {
      await this.restore();
    } finally {
      this.release();
    }
  }

  /** The number as it is now, unless an interrupted run left it repointed: then what that run wrote down. */
  private async original(): Promise<NumberOriginal> {
    const accountSid = this.api.target.credentials.accountSid;
    const listed = await this.api.get<{ incoming_phone_numbers?: NumberBody[] }>(
      'api',
      `${numbersPath(accountSid)}.json`,
      { query: { PhoneNumber: this.phoneNumber } },
    );
    const number = listed.json?.incoming_phone_numbers?.find((n) => n.phone_number === this.phoneNumber);
    if (!number) {
      throw new Error(
        `${this.phoneNumber} is not a phone number of this account (IncomingPhoneNumbers?PhoneNumber=… answered ${listed.status} without it)`,
      );
    }
    const left = existsSync(this.file)
      ? (JSON.parse(readFileSync(this.file, 'utf8')) as NumberOriginal)
      : undefined;
    if (left?.sid === number.sid) return left;
    const field = fields[this.use];
    const original: NumberOriginal = {
      accountSid,
      sid: number.sid,
      phoneNumber: this.phoneNumber,
      use: this.use,
      url: (number[field.url] as string | null | undefined) ?? null,
      method: (number[field.method] as string | null | undefined) ?? 'POST',
    };
    mkdirSync(stateRoot(), { recursive: true });
    writeFileSync(this.file, JSON.stringify(original));
    return original;
  }

  private async restore(): Promise<void> {
    if (!existsSync(this.file)) return;
    const original = JSON.parse(readFileSync(this.file, 'utf8')) as NumberOriginal;
    await restoreOriginal(this.api, original);
    rmSync(this.file, { force: true });
  }

  private async acquire(): Promise<void> {
    for (;;) {
      try {
        mkdirSync(stateRoot(), { recursive: true });
        mkdirSync(this.lock);
        writeFileSync(join(this.lock, 'pid'), String(process.pid));
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // ENOENT: the lock was broken between taking it and naming its holder; take it again
        if (code === 'ENOENT') continue;
        if (code !== 'EEXIST') throw error;
        if (lockIsStale(this.lock)) rmSync(this.lock, { recursive: true, force: true });
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  private release(): void {
    if (this.ownsLock()) rmSync(this.lock, { recursive: true, force: true });
  }

  private ownsLock(): boolean {
    try {
      return readFileSync(join(this.lock, 'pid'), 'utf8') === String(process.pid);
    } catch {
      return false;
    }
  }
}

/**
 * Held by no live process, or for longer than any check holds a number. A lock without its holder's
 * pid is being taken (the pid is written just after the directory is made): stale only when old.
 */
function lockIsStale(lock: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return false; // released meanwhile: take it
  }
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return age > unnamedLockMs;
  }
  if (pid && pid !== process.pid && !processAlive(pid)) return true;
  return age > staleLockMs;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function updateNumber(api: TwilioApi, sid: string, use: NumberUse, url: string, method: string) {
  const path = `${numbersPath(api.target.credentials.accountSid)}/${sid}.json`;
  const field = fields[use];
  const response = await api.post('api', path, { [field.urlParam]: url, [field.methodParam]: method });
  // A number the account no longer has has nothing to restore.
  if (response.status !== 200 && response.status !== 404)
    throw new Error(
      `updating the ${use} URL of ${sid} answered ${response.status}: ${response.text.slice(0, 200)}`,
    );
}

function restoreOriginal(api: TwilioApi, original: NumberOriginal): Promise<void> {
  return updateNumber(api, original.sid, original.use, original.url ?? '', original.method);
}

/**
 * Puts back every number of the account a run left pointed at a check's flow or webhook (the run
 * was killed mid-check): for the end-of-run sweep and `cleanup`, when no check of the run is using it.
 */
export async function restoreRepointedNumbers(
  api: TwilioApi,
  log: (line: string) => void,
  dryRun = false,
): Promise<number> {
  if (!existsSync(stateRoot())) return 0;
  let restored = 0;
  for (const name of readdirSync(stateRoot()).filter((file) => file.endsWith('.json'))) {
    const file = join(stateRoot(), name);
    let original: NumberOriginal;
    try {
      original = JSON.parse(readFileSync(file, 'utf8')) as NumberOriginal;
    } catch {
      continue;
    }
    if (original.accountSid !== api.target.credentials.accountSid || !fields[original.use]) continue;
    // A live process is using the number right now: it restores the number itself.
    if (existsSync(`${file}.lock`) && !lockIsStale(`${file}.lock`)) continue;
    const what = `the ${original.use} URL of number ${original.sid}`;
    if (dryRun) {
      log(`would restore ${what}`);
      continue;
    }
    try {
      await restoreOriginal(api, original);
      rmSync(file, { force: true });
      rmSync(`${file}.lock`, { recursive: true, force: true });
      log(`restored ${what}`);
      restored += 1;
    } catch (error) {
      log(`could not restore ${what}: ${(error as Error).message}`);
    }
  }
  return restored;
}
