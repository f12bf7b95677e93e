import { maskSid } from '../http/credentials';
import type { RunSettings } from '../run-settings';
import { ConfigError, type Credentials } from '../types';
import { runIdPattern } from './run-tag';

/** Refuses a `twilio` run unless `--account` names the account of the credentials. */
export function checkAccount(
  settings: Pick<RunSettings, 'account' | 'runId'>,
  credentials: Credentials,
): void {
  requireAccount(settings.account, credentials, '--target twilio');
  if (!runIdPattern.test(settings.runId)) {
    throw new ConfigError(
      '--target twilio runs through `flex-conformance run`, which names the run (its run id)',
    );
  }
}

/** `--account` must be given and be the credentials' account: a run never lands on the wrong one. */
export function requireAccount(account: string | undefined, credentials: Credentials, what: string): void {
  if (!account) {
    throw new ConfigError(
      `${what} needs --account ${maskSid(credentials.accountSid)}: name the account it may change`,
    );
  }
  if (account !== credentials.accountSid) {
    throw new ConfigError(
      `--account ${maskSid(account)} is not the account of the credentials (${maskSid(credentials.accountSid)}): refusing to run`,
    );
  }
}
