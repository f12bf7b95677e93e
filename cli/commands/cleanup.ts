import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TwilioApi } from '../../targets/http/client';
import { maskSid, requireCredentials } from '../../targets/http/credentials';
import { defaultMaxRequests, defaultTimeoutMs } from '../../targets/http/request-policy';
import { requireAccount } from '../../targets/twilio/account';
import { runIdPattern, runTag } from '../../targets/twilio/run-tag';
import { sweep } from '../../targets/twilio/sweep';
import { twilioTarget } from '../../targets/twilio/target';
import type { Prerequisites } from '../../targets/types';
import { parseFlags, readInteger } from '../args';
import { exitCodes, UsageError } from '../errors';
import type { Command } from './command';

const help = `usage: flex-conformance cleanup --target twilio --account AC… [--older-than 2h] [--run ID] [--dry-run]

Deletes what earlier runs left on a real account (after a kill, a lost connection, a crash):
every Flex Flow, Studio flow, Conversation, chat channel, TaskRouter workspace, and workflow,
task queue, worker, task channel or task in the Flex workspace whose name carries a run tag
(${runTag('<run id>')}…). Anything without the tag is left alone.

  --older-than D   spare resources younger than D (30m, 2h, 1d; 0 for all): a run may be in
                   progress (default 2h)
  --run ID         only the leftovers of this run (the 8-hex run id in the tag)
  --dry-run        list what would be deleted, delete nothing
  --max-requests N request budget (default ${defaultMaxRequests})

credentials: TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_API_KEY + TWILIO_API_SECRET
exit codes: 0 nothing left to delete, 1 a tagged resource could not be deleted, 2 usage error`;

export const cleanupCommand: Command = {
  help,
  async run(argv) {
    const { values } = parseFlags('cleanup', argv, {
      target: { type: 'string' },
      account: { type: 'string' },
      'older-than': { type: 'string' },
      run: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'max-requests': { type: 'string' },
    });
    if (values.target !== 'twilio')
      throw new UsageError('cleanup: --target twilio is required (only a real account keeps leftovers)');
    if (values.account !== undefined && !/^AC[0-9a-fA-F]{32}$/.test(values.account))
      throw new UsageError(
        `cleanup: --account must be AC followed by 32 hexadecimal digits (got "${values.account}")`,
      );
    if (values.run !== undefined && !runIdPattern.test(values.run))
      throw new UsageError(`cleanup: --run must be a run id of 8 hexadecimal digits (got "${values.run}")`);
    const olderThanMs = parseDuration(values['older-than'] ?? '2h');
    const credentials = requireCredentials(process.env, 'twilio');
    requireAccount(values.account, credentials, 'cleanup');
    const maxRequests = readInteger(
      values['max-requests'],
      '--max-requests',
      defaultMaxRequests,
      1,
      10_000_000,
    );

    const stateDir = mkdtempSync(join(tmpdir(), 'flexconf-cleanup-'));
    const target = twilioTarget({ credentials, stateDir, maxRequests, timeoutMs: defaultTimeoutMs });
    try {
      const prerequisites = (await target.prerequisites?.()) as Prerequisites;
      process.stdout.write(
        `cleanup: account ${maskSid(credentials.accountSid)}, ${values.run ? `run ${values.run}` : 'every run'}, older than ${values['older-than'] ?? '2h'}${values['dry-run'] ? ' (dry run)' : ''}\n`,
      );
      const result = await sweep(new TwilioApi(target), prerequisites, {
        ...(values.run ? { runId: values.run } : {}),
        olderThanMs,
        now: Date.now(),
        dryRun: Boolean(values['dry-run']),
        log: (line) => process.stdout.write(`  ${line}\n`),
      });
      process.stdout.write(
        `cleanup: ${result.deleted} ${values['dry-run'] ? 'to delete' : 'deleted'}, ${result.failed} failed, ${result.spared} tagged but spared (too recent or another run), ${result.untagged} untagged left alone\n`,
      );
      return result.failed > 0 ? exitCodes.failed : exitCodes.ok;
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  },
};

/** `90s`, `30m`, `2h`, `1d`, or `0`. */
export function parseDuration(value: string): number {
  if (value === '0') return 0;
  const match = /^(\d+)(s|m|h|d)$/.exec(value);
  if (!match)
    throw new UsageError(`cleanup: --older-than must be a duration such as 30m, 2h or 1d (got "${value}")`);
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
