import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCassetteMeta, writeCassetteMeta } from './cassette/format';
import { TwilioApi } from './http/client';
import { maskSid, requireCredentials } from './http/credentials';
import { documentedLimits } from './http/rate-limits';
import {
  placeholderAccountSid,
  placeholderSmsNumbers,
  placeholderVoiceNumber,
  Scrubber,
} from './http/redaction';
import { readLedgerFile } from './http/request-ledger';
import { defaultMaxRequests } from './http/request-policy';
import { defaultStubPort, startCallOutGateway } from './public-url/gateway';
import type { RunSettings } from './run-settings';
import { checkAccount } from './twilio/account';
import { CreatedLedger } from './twilio/created-ledger';
import { describeAnswer } from './twilio/prerequisites';
import { runTag } from './twilio/run-tag';
import { sweep } from './twilio/sweep';
import { twilioTarget } from './twilio/target';
import type { Credentials, Prerequisites } from './types';

/** What the `run` command does around Playwright for a real account or a replay. */
export interface RunSession {
  /** Printed before the checks start: what the run will create, spend and skip. */
  readonly announcement: readonly string[];
  /** After Playwright exits, however it exits: the sweep, the request counts (`requests.json`). */
  finish(): Promise<string[]>;
  /**
   * Recording and replay run in one worker: state a worker shares between its checks (its routing
   * workspace) is then created in the same order both times, so each check sends the same requests.
   */
  readonly workers?: number;
}

/** Requests the end-of-run sweep may send, apart from the run's budget. */
const sweepBudget = 2000;

/** What a run may create on a real account (each named with the run tag). */
export const creatableResources = [
  'Flex Flows',
  'Flex chat channels',
  'Studio flows and executions',
  'TaskRouter workspaces, workflows, task queues, workers and tasks',
  'Conversations with participants, scoped webhooks and messages',
  'Interactions',
];

/**
 * Prepares a `twilio` or `replay` run in the CLI process: for a real account it verifies the
 * account through the Flex configuration, discovers the prerequisites once for every worker,
 * writes the cassette's header when recording, and announces what the run will do.
 */
export async function beginRun(
  settings: RunSettings,
  env: NodeJS.ProcessEnv,
): Promise<RunSession | undefined> {
  if (settings.target.kind === 'replay') return beginReplay(settings, settings.target.dir);
  if (settings.target.kind !== 'twilio') return undefined;
  const credentials = requireCredentials(env, 'twilio');
  checkAccount(settings, credentials);
  rmSync(settings.stateDir, { recursive: true, force: true });
  mkdirSync(settings.stateDir, { recursive: true });
  // A cassette is one run: checks of an earlier recording in the same folder must not be replayed.
  if (settings.recordDir) rmSync(join(settings.recordDir, 'tests'), { recursive: true, force: true });
  const maxRequests = settings.maxRequests ?? defaultMaxRequests;
  const target = twilioTarget({
    credentials,
    stateDir: settings.stateDir,
    maxRequests,
    timeoutMs: settings.requestTimeoutMs,
    ...(settings.voiceNumber ? { voiceNumber: settings.voiceNumber } : {}),
    ...(settings.smsNumbers ? { smsNumbers: settings.smsNumbers } : {}),
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    ...(settings.recordDir ? { recordDir: settings.recordDir } : {}),
  });
  const prerequisites = (await target.prerequisites?.()) as Prerequisites;
  if (settings.recordDir) {
    const scrubber = new Scrubber({
      credentials,
      ...(settings.voiceNumber ? { voiceNumber: settings.voiceNumber } : {}),
      ...(settings.smsNumbers ? { smsNumbers: settings.smsNumbers } : {}),
    });
    writeCassetteMeta(settings.recordDir, {
      format: 'flex-conformance-cassette',
      version: 1,
      seed: settings.seed,
      runs: settings.runs,
      runId: settings.runId,
      recordedAt: new Date().toISOString(),
      accountSid: placeholderAccountSid,
      ...(settings.voiceNumber ? { voiceNumber: placeholderVoiceNumber } : {}),
      ...(settings.smsNumbers ? { smsNumbers: placeholderSmsNumbers } : {}),
      prerequisites: JSON.parse(scrubber.scrub(JSON.stringify(prerequisites))) as Prerequisites,
      ...(settings.grep?.length ? { grep: settings.grep } : {}),
    });
  }
  const gateway = settings.publicUrl
    ? await startCallOutGateway(settings.stubPort ?? defaultStubPort, settings.stateDir)
    : undefined;
  const started = Date.now();
  const announcement = announce(settings, credentials, prerequisites, maxRequests);
  return {
    announcement,
    ...(settings.recordDir ? { workers: 1 } : {}),
    async finish() {
      const lines: string[] = [];
      try {
        // The sweep has a ledger and budget of its own: a run that spent its budget still cleans up.
        const sweeper = twilioTarget({
          credentials,
          stateDir: join(settings.stateDir, 'sweep'),
          maxRequests: sweepBudget,
          timeoutMs: settings.requestTimeoutMs,
        });
        const api = new TwilioApi(sweeper);
        const result = await sweep(api, prerequisites, {
          runId: settings.runId,
          olderThanMs: 0,
          now: Date.now(),
          noted: new CreatedLedger(settings.stateDir).remaining(),
          log: (line) => lines.push(`cleanup: ${line}`),
        });
        lines.push(
          `cleanup: ${result.deleted} left-over resource(s) of run ${settings.runId} deleted${result.undeletable ? `, ${result.undeletable} the API cannot delete` : ''}${result.failed ? `, ${result.failed} could not be deleted (run: flex-conformance cleanup --target twilio --account ${maskSid(credentials.accountSid)})` : ''}`,
        );
      } catch (error) {
        lines.push(
          `cleanup: interrupted (${(error as Error).message.split('\n')[0]}); run flex-conformance cleanup`,
        );
      } finally {
        await gateway?.close();
      }
      lines.push(writeRequestSummary(settings, maxRequests, started));
      return lines;
    },
  };
}

function beginReplay(settings: RunSettings, dir: string): RunSession {
  const meta = readCassetteMeta(dir);
  rmSync(settings.stateDir, { recursive: true, force: true });
  const started = Date.now();
  return {
    workers: 1,
    announcement: [
      `replay: ${dir}, recorded ${meta.recordedAt} (run ${meta.runId}, seed ${meta.seed}, ${meta.runs} runs per property${meta.grep ? `, --grep ${meta.grep.join(' --grep ')}` : ''}); network locked down: a request the cassette does not hold fails`,
    ],
    async finish() {
      return [writeRequestSummary(settings, settings.maxRequests, started)];
    },
  };
}

function announce(
  settings: RunSettings,
  credentials: Credentials,
  prerequisites: Prerequisites,
  maxRequests: number,
): string[] {
  const workspace = prerequisites.flexWorkspace;
  const limits = Object.entries(documentedLimits)
    .map(
      ([api, byOperation]) =>
        `${api} ${Object.entries(byOperation)
          .map(([op, n]) => `${op} ${n}/s`)
          .join(', ')}`,
    )
    .join('; ');
  const lines = [
    `twilio: account ${maskSid(credentials.accountSid)} (${credentials.kind === 'api-key' ? 'API key' : 'auth token'} from the environment)`,
    `will create, named ${runTag(settings.runId)}… and deleted at the end (also after a failure or Ctrl-C): ${creatableResources.join('; ')}`,
    workspace
      ? `Flex workspace ${workspace.sid}: ${workspace.workflows.length} workflow(s), task channels ${workspace.taskChannels.join(', ') || '(none)'}`
      : 'no Flex workspace found',
    prerequisites.chatServiceSid
      ? `Flex chat service ${prerequisites.chatServiceSid}`
      : 'no Flex chat service found',
    ...Object.entries(prerequisites.missing).map(
      ([name, why]) => `skipping checks that need ${name}: ${why}`,
    ),
    ...(prerequisites.endOfLife
      ? [
          `Programmable Chat for Flex has reached end of life here; its rules are skipped: ${describeAnswer(prerequisites.endOfLife)}`,
        ]
      : []),
    `request budget ${maxRequests} (--max-requests); rate limits: ${limits}; other APIs paced conservatively; timeout ${settings.requestTimeoutMs} ms`,
    settings.voiceNumber
      ? `voice checks call ${settings.voiceNumber}`
      : 'no --voice-number: voice checks are skipped',
    settings.smsNumbers
      ? `inbound SMS checks message between ${settings.smsNumbers.join(' and ')}`
      : 'no --sms-numbers: inbound SMS checks are skipped',
    settings.publicUrl
      ? `the account calls the suite's stubs at ${settings.publicUrl}, a tunnel to 127.0.0.1:${settings.stubPort ?? defaultStubPort} (--stub-port)`
      : 'no --public-url: checks the account calls back (widget requests, webhooks) are skipped',
  ];
  if (settings.recordDir) lines.push(`recording cassettes (scrubbed) to ${settings.recordDir}`);
  return lines;
}

/** Writes `requests.json` to the report folder and returns the line that summarises it. */
function writeRequestSummary(
  settings: RunSettings,
  maxRequests: number | undefined,
  started: number,
): string {
  const ledger = readLedgerFile(settings.stateDir);
  const sweep = readLedgerFile(join(settings.stateDir, 'sweep'));
  const wallMs = Date.now() - started;
  const byApi = Object.fromEntries(Object.entries(ledger.byApi).sort(([a], [b]) => a.localeCompare(b)));
  const summary = {
    total: ledger.total,
    budget: maxRequests ?? null,
    exhausted: Boolean(ledger.exhausted),
    byApi,
    outcomes: ledger.outcomes,
    cleanup: { total: sweep.total, byApi: sweep.byApi },
    wallMs,
  };
  mkdirSync(settings.outDir, { recursive: true });
  writeFileSync(join(settings.outDir, 'requests.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const busiest = Object.entries(byApi)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 4)
    .map(([api, n]) => `${api} ${n}`)
    .join(', ');
  return `requests: ${ledger.total}${maxRequests ? ` of a budget of ${maxRequests}` : ''}${ledger.exhausted ? ' (BUDGET EXHAUSTED)' : ''}${sweep.total ? ` and ${sweep.total} to clean up` : ''} in ${Math.round(wallMs / 1000)} s; ${ledger.outcomes.throttled} answered 429, ${ledger.outcomes.retries} retried${busiest ? `; busiest: ${busiest}` : ''} (per API: ${join(settings.outDir, 'requests.json')})`;
}
