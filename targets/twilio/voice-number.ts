import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TwilioApi } from '../http/client';

/** What a number's voice URL was before a run pointed it at a check's flow. */
export interface VoiceNumberOriginal {
  readonly accountSid: string;
  readonly sid: string;
  readonly phoneNumber: string;
  readonly voiceUrl: string | null;
  readonly voiceMethod: string;
}

interface NumberBody {
  sid: string;
  phone_number: string;
  voice_url: string | null;
  voice_method: string | null;
}

/** Where the original lives while the number is repointed: outside the run's state, so `cleanup` finds it after a crash. */
const stateRoot = () => join(tmpdir(), 'flexconf-voice-numbers');
const stateFile = (accountSid: string, phoneNumber: string) =>
  join(
    stateRoot(),
    `${createHash('sha256').update(`${accountSid} ${phoneNumber}`).digest('hex').slice(0, 20)}.json`,
  );
/** A lock older than this belongs to a process that died holding it. */
const staleLockMs = 120_000;

const numbersPath = (accountSid: string) => `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers`;

/**
 * A phone number of the account the run may call (`--voice-number`). Pointing it at a flow is
 * serialised across the run's processes (one number, one voice URL), and its original voice URL
 * and method are written down before the change and put back after it; the written original
 * survives a killed run until a later restore (worker teardown, end-of-run sweep, `cleanup`).
 */
export class VoiceNumber {
  private readonly file: string;
  private readonly lock: string;

  constructor(
    private readonly api: TwilioApi,
    readonly phoneNumber: string,
  ) {
    this.file = stateFile(api.target.credentials.accountSid, phoneNumber);
    this.lock = `${this.file}.lock`;
  }

  /** Runs `during` while the number's voice URL is `voiceUrl`, then restores what it was. */
  async pointedAt<T>(voiceUrl: string, during: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const original = await this.original();
      await this.update(original.sid, voiceUrl, 'POST');
      try {
        return await during();
      } finally {
        await this.restore();
      }
    } finally {
      this.release();
    }
  }

  /** Puts back the original if this process left the number repointed (a check interrupted mid-call). */
  async restoreIfOwned(): Promise<void> {
    if (!existsSync(this.file)) return;
    if (existsSync(this.lock) && !this.ownsLock() && !this.lockIsStale()) return;
    await this.restore();
    this.release();
  }

  /** The number as it is now, unless an interrupted run left it repointed: then what that run wrote down. */
  private async original(): Promise<VoiceNumberOriginal> {
    const accountSid = this.api.target.credentials.accountSid;
    const listed = await this.api.get<{ incoming_phone_numbers?: NumberBody[] }>(
      'api',
      `${numbersPath(accountSid)}.json`,
      { query: { PhoneNumber: this.phoneNumber } },
    );
    const number = listed.json?.incoming_phone_numbers?.find((n) => n.phone_number === this.phoneNumber);
    if (!number) {
      throw new Error(
        `--voice-number is not a phone number of this account (IncomingPhoneNumbers?PhoneNumber=… answered ${listed.status} without it)`,
      );
    }
    const left = existsSync(this.file)
      ? (JSON.parse(readFileSync(this.file, 'utf8')) as VoiceNumberOriginal)
      : undefined;
    if (left?.sid === number.sid) return left;
    const original: VoiceNumberOriginal = {
      accountSid,
      sid: number.sid,
      phoneNumber: this.phoneNumber,
      voiceUrl: number.voice_url,
      voiceMethod: number.voice_method ?? 'POST',
    };
    mkdirSync(stateRoot(), { recursive: true });
    writeFileSync(this.file, JSON.stringify(original));
    return original;
  }

  private async restore(): Promise<void> {
    if (!existsSync(this.file)) return;
    const original = JSON.parse(readFileSync(this.file, 'utf8')) as VoiceNumberOriginal;
    await restoreOriginal(this.api, original);
    rmSync(this.file, { force: true });
  }

  private update(sid: string, voiceUrl: string, voiceMethod: string) {
    return updateNumber(this.api, sid, voiceUrl, voiceMethod);
  }

  private async acquire(): Promise<void> {
    for (;;) {
      try {
        mkdirSync(stateRoot(), { recursive: true });
        mkdirSync(this.lock);
        writeFileSync(join(this.lock, 'pid'), String(process.pid));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (this.lockIsStale()) rmSync(this.lock, { recursive: true, force: true });
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

  private lockIsStale(): boolean {
    return lockIsStale(this.lock);
  }
}

/** Held by no live process, or for longer than any call takes to connect. */
function lockIsStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    if (pid && pid !== process.pid && !processAlive(pid)) return true;
    return Date.now() - statSync(lock).mtimeMs > staleLockMs;
  } catch {
    return true;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function updateNumber(api: TwilioApi, sid: string, voiceUrl: string, voiceMethod: string) {
  const path = `${numbersPath(api.target.credentials.accountSid)}/${sid}.json`;
  const response = await api.post('api', path, { VoiceUrl: voiceUrl, VoiceMethod: voiceMethod });
  // A number the account no longer has has nothing to restore.
  if (response.status !== 200 && response.status !== 404)
    throw new Error(
      `updating the voice number's voice URL answered ${response.status}: ${response.text.slice(0, 200)}`,
    );
}

async function restoreOriginal(api: TwilioApi, original: VoiceNumberOriginal): Promise<void> {
  await updateNumber(api, original.sid, original.voiceUrl ?? '', original.voiceMethod);
}

/**
 * Puts back every voice number of the account a run left pointed at a check's flow (the run was
 * killed mid-call): for the end-of-run sweep and `cleanup`, when no check of the run is calling.
 */
export async function restoreVoiceNumbers(
  api: TwilioApi,
  log: (line: string) => void,
  dryRun = false,
): Promise<number> {
  if (!existsSync(stateRoot())) return 0;
  let restored = 0;
  for (const name of readdirSync(stateRoot()).filter((file) => file.endsWith('.json'))) {
    const file = join(stateRoot(), name);
    let original: VoiceNumberOriginal;
    try {
      original = JSON.parse(readFileSync(file, 'utf8')) as VoiceNumberOriginal;
    } catch {
      continue;
    }
    if (original.accountSid !== api.target.credentials.accountSid) continue;
    // A live process is calling through the number right now: it restores the number itself.
    if (existsSync(`${file}.lock`) && !lockIsStale(`${file}.lock`)) continue;
    if (dryRun) {
      log(`would restore the voice URL of voice number ${original.sid}`);
      continue;
    }
    try {
      await restoreOriginal(api, original);
      rmSync(file, { force: true });
      rmSync(`${file}.lock`, { recursive: true, force: true });
      log(`restored the voice URL of voice number ${original.sid}`);
      restored += 1;
    } catch (error) {
      log(`could not restore the voice URL of voice number ${original.sid}: ${(error as Error).message}`);
    }
  }
  return restored;
}
