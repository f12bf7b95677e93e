/**
 * A number of the account is pointed at one check's flow at a time, across the run's processes,
 * through a lock directory naming its holder's pid. A lock whose directory exists but whose pid is
 * not written yet is being taken by another process at that instant: it must not be broken.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TwilioApi } from '../../targets/http/client';
import { RepointedNumber } from '../../targets/twilio/repointed-number';
import { expect, test } from './support/fixtures';
import { stagingTarget } from './support/staging';

test('a lock being taken (its pid not yet written) is waited for, not broken', async ({ staging }) => {
  const number = new RepointedNumber(new TwilioApi(stagingTarget()), staging.flex.voiceNumber, 'voice');
  const lock = number.lock;
  rmSync(lock, { recursive: true, force: true });
  mkdirSync(join(tmpdir(), 'flexconf-numbers'), { recursive: true });
  mkdirSync(lock);
  let repointed = false;
  const repointing = number.repoint('https://example.com/flow').then(() => {
    repointed = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(existsSync(lock), 'the lock another process is taking, half a second on').toBe(true);
  expect(repointed, 'repointed while another process held the number').toBe(false);
  // the other process names itself, uses the number and lets go
  writeFileSync(join(lock, 'pid'), String(process.ppid));
  rmSync(lock, { recursive: true, force: true });
  await repointing;
  await number.restoreIfOwned();
  expect(repointed, 'repointed once the number was free').toBe(true);
});
