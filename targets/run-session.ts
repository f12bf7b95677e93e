import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { checkAccount } from './account';
import { readCassetteMeta, writeCassetteMeta } from './cassette';
import { TwilioApi } from './client';
import { CreatedLedger } from './created-ledger';
import { maskSid, requireCredentials } from './credentials';
import { describeAnswer } from './prerequisites';
import { documentedLimits } from './rate-limits';
import { placeholderAccountSid, placeholderVoiceNumber, Scrubber } from './redaction';
import { readLedgerFile } from './request-ledger';
import { defaultMaxRequests } from './request-policy';
import type { RunConfig } from './run-config';
import { runTag } from './run-tag';
import { sweep } from './sweep';
import { twilioTarget } from './twilio';
import type { Credentials, Prerequisites } from './types';

/** What the `run` command does around Playwright for a real account or a replay. */
export interface RunSession {
  /** Printed before the checks start: what the run will create, spend and skip. */
  readonly announcement: readonly string[];
  /** After Playwright exits, however it exits: the sweep, the request counts (`requests.json`). */
  finish(): Promise<string[]>;
  /** The `--grep` values a replay takes from its recording when given none. */
  readonly grep?: readonly string[];
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
export async function beginRun(config: RunConfig, env: NodeJS.ProcessEnv): Promise<RunSession | undefined> {
  if (config.target.kind === 'replay') return beginReplay(config, config.target.dir);
  if (config.target.kind !== 'twilio') return undefined;
  const credentials = requireCredentials(env, 'twilio');
  checkAccount(config, credentials);
  rmSync(config.stateDir, { recursive: true, force: true });
  mkdirSync(config.stateDir, { recursive: true });
  // A cassette is one run: checks of an earlier recording in the same folder must not be replayed.
  if (config.recordDir) rmSync(join(config.recordDir, 'tests'), { recursive: true, force: true });
  const maxRequests = config.maxRequests ?? defaultMaxRequests;
  const target = twilioTarget({
    credentials,
    stateDir: config.stateDir,
    maxRequests,
    timeoutMs: config.requestTimeoutMs,
    ...(config.voiceNumber ? { voiceNumber: config.voiceNumber } : {}),
    ...(config.recordDir ? { recordDir: config.recordDir } : {}),
  });
  const context = await playwrightRequest.newContext();
  let prerequisites: Prerequisites;
  try {
    prerequisites = (await target.prerequisites?.(context)) as Prerequisites;
  } catch (error) {
    await context.dispose();
    throw error;
  }
  if (config.recordDir) {
    const scrubber = new Scrubber({
      credentials,
      ...(config.voiceNumber ? { voiceNumber: config.voiceNumber } : {}),
    });
    writeCassetteMeta(config.recordDir, {
      format: 'flex-conformance-cassette',
      version: 1,
      seed: config.seed,
      runs: config.runs,
      runId: config.runId,
      recordedAt: new Date().toISOString(),
      accountSid: placeholderAccountSid,
      ...(config.voiceNumber ? { voiceNumber: placeholderVoiceNumber } : {}),
      prerequisites: JSON.parse(scrubber.scrub(JSON.stringify(prerequisites))) as Prerequisites,
      ...(env.FLEXCONF_GREP ? { grep: env.FLEXCONF_GREP.split('\n') } : {}),
    });
  }
  const started = Date.now();
  const announcement = announce(config, credentials, prerequisites, maxRequests);
  return {
    announcement,
    ...(config.recordDir ? { workers: 1 } : {}),
    async finish() {
      const lines: string[] = [];
      try {
        // The sweep has a ledger and budget of its own: a run that spent its budget still cleans up.
        const sweeper = twilioTarget({
          credentials,
          stateDir: join(config.stateDir, 'sweep'),
          maxRequests: sweepBudget,
          timeoutMs: config.requestTimeoutMs,
        });
        const api = new TwilioApi(context, sweeper);
        const result = await sweep(api, prerequisites, {
          runId: config.runId,
          olderThanMs: 0,
          now: Date.now(),
          noted: new CreatedLedger(config.stateDir).remaining(),
          log: (line) => lines.push(`cleanup: ${line}`),
        });
        lines.push(
          `cleanup: ${result.deleted} left-over resource(s) of run ${config.runId} deleted${result.undeletable ? `, ${result.undeletable} the API cannot delete` : ''}${result.failed ? `, ${result.failed} could not be deleted (run: flex-conformance cleanup --target twilio --account ${maskSid(credentials.accountSid)})` : ''}`,
        );
      } catch (error) {
        lines.push(
          `cleanup: interrupted (${(error as Error).message.split('\n')[0]}); run flex-conformance cleanup`,
        );
      } finally {
        await context.dispose();
      }
      lines.push(writeRequestSummary(config, maxRequests, started));
      rmSync(config.stateDir, { recursive: true, force: true });
      return lines;
    },
  };
}

function beginReplay(config: RunConfig, dir: string): RunSession {
  const meta = readCassetteMeta(dir);
  rmSync(config.stateDir, { recursive: true, force: true });
  const started = Date.now();
  return {
    ...(meta.grep ? { grep: meta.grep } : {}),
    workers: 1,
    announcement: [
      `replay: ${dir}, recorded ${meta.recordedAt} (run ${meta.runId}, seed ${meta.seed}, ${meta.runs} runs per property${meta.grep ? `, --grep ${meta.grep.join(' --grep ')}` : ''}); network locked down: a request the cassette does not hold fails`,
    ],
    async finish() {
      const line = writeRequestSummary(config, config.maxRequests, started);
      rmSync(config.stateDir, { recursive: true, force: true });
      return [line];
    },
  };
}

function announce(
  config: RunConfig,
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
    `will create, named ${runTag(config.runId)}… and deleted at the end (also after a failure or Ctrl-C): ${creatableResources.join('; ')}`,
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
    `request budget ${maxRequests} (--max-requests); rate limits: ${limits}; other APIs paced conservatively; timeout ${config.requestTimeoutMs} ms`,
    config.voiceNumber
      ? `voice checks call ${config.voiceNumber}`
      : 'no --voice-number: voice checks are skipped',
  ];
  if (config.recordDir) lines.push(`recording cassettes (scrubbed) to ${config.recordDir}`);
  return lines;
}

/** Writes `requests.json` to the report folder and returns the line that summarises it. */
function writeRequestSummary(config: RunConfig, maxRequests: number | undefined, started: number): string {
  const ledger = readLedgerFile(config.stateDir);
  const sweep = readLedgerFile(join(config.stateDir, 'sweep'));
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
  mkdirSync(config.outDir, { recursive: true });
  writeFileSync(join(config.outDir, 'requests.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const busiest = Object.entries(byApi)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 4)
    .map(([api, n]) => `${api} ${n}`)
    .join(', ');
  return `requests: ${ledger.total}${maxRequests ? ` of a budget of ${maxRequests}` : ''}${ledger.exhausted ? ' (BUDGET EXHAUSTED)' : ''}${sweep.total ? ` and ${sweep.total} to clean up` : ''} in ${Math.round(wallMs / 1000)} s; ${ledger.outcomes.throttled} answered 429, ${ledger.outcomes.retries} retried${busiest ? `; busiest: ${busiest}` : ''} (per API: ${join(config.outDir, 'requests.json')})`;
}
