import { maskSid } from './credentials';
import type { RunConfig } from './run-config';
import { runIdPattern } from './run-tag';
import { ConfigError, type Credentials } from './types';

/** Refuses a `twilio` run unless `--account` names the account of the credentials. */
export function checkAccount(config: RunConfig, credentials: Credentials): void {
  requireAccount(config.account, credentials, '--target twilio');
  if (!runIdPattern.test(config.runId)) {
    throw new ConfigError(
      '--target twilio runs through `flex-conformance run`, which names the run (FLEXCONF_RUN_ID)',
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
