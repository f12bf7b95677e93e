import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { type Domain, twilioHost } from '../../contracts/domains';
import { CassetteRecorder } from '../cassette/record';
import { TwilioApi } from '../http/client';
import { maskSid } from '../http/credentials';
import { placeholderVoiceNumber, redactEvidence } from '../http/redaction';
import { TwilioRequestPolicy } from '../http/request-policy';
import type { Credentials, Prerequisites, Target, TargetSession, TestIdentity } from '../types';
import { CreatedLedger } from './created-ledger';
import { discoverPrerequisites } from './prerequisites';

export interface TwilioTargetOptions {
  readonly credentials: Credentials;
  /** Shared by every process of the run: request ledger, created resources, discovered prerequisites. */
  readonly stateDir: string;
  readonly maxRequests: number;
  readonly timeoutMs: number;
  readonly voiceNumber?: string;
  /** Where cassettes go (`--record DIR`). */
  readonly recordDir?: string;
}

/** The test identity discovery is recorded under. */
export const setupSession: TestIdentity = { id: 'setup', title: 'prerequisite discovery' };

/**
 * `--target twilio`: Twilio's own hosts with the credentials from the environment, every request
 * paced by the documented rate limits, retried and bounded by the request policy, every created
 * resource noted for the end-of-run sweep, and, with `--record`, every exchange written to cassettes.
 */
export function twilioTarget(options: TwilioTargetOptions): Target {
  const { credentials, stateDir } = options;
  const created = new CreatedLedger(stateDir);
  const secrets = { credentials, ...(options.voiceNumber ? { voiceNumber: options.voiceNumber } : {}) };
  const target: Target = {
    kind: 'twilio',
    url: 'twilio',
    credentials,
    capabilities: {
      ...(options.voiceNumber ? { voiceNumber: options.voiceNumber } : {}),
      voiceWebhooks: false,
      faults: [],
    },
    baseUrl: (domain: Domain) => `https://${twilioHost(domain)}`,
    headers: () => ({}),
    fingerprint: () => maskSid(credentials.accountSid),
    close: async () => {},
    // Documented rate limits make a check that sends a hundred requests take a minute.
    testTimeoutScale: 5,
    requestPolicy: new TwilioRequestPolicy({
      rateLimits: true,
      retries: true,
      maxRequests: options.maxRequests,
      timeoutMs: options.timeoutMs,
      ledgerDir: stateDir,
    }),
    // The number the run calls is the user's, as the account is: evidence shows its placeholder.
    redact: (text) => {
      const redacted = redactEvidence(text, credentials);
      const number = options.voiceNumber;
      if (!number) return redacted;
      return redacted
        .split(number)
        .join(placeholderVoiceNumber)
        .split(encodeURIComponent(number))
        .join(encodeURIComponent(placeholderVoiceNumber));
    },
    openSession: async (test): Promise<TargetSession> => {
      const recorder = options.recordDir ? new CassetteRecorder(options.recordDir, test, secrets) : undefined;
      return {
        record: (exchange) => {
          created.note(exchange);
          recorder?.record(exchange);
        },
        close: async () => recorder?.close(),
      };
    },
    prerequisites: (request) => prerequisitesOf(target, request, options),
  };
  return target;
}

/** Discovered once per run (the first process to need them writes them for the others). */
async function prerequisitesOf(
  target: Target,
  request: APIRequestContext,
  options: TwilioTargetOptions,
): Promise<Prerequisites> {
  const file = join(options.stateDir, 'prerequisites.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Prerequisites;
  const session = await target.openSession?.(setupSession);
  try {
    const found = await discoverPrerequisites(new TwilioApi(request, target, session), options);
    mkdirSync(options.stateDir, { recursive: true });
    writeFileSync(file, JSON.stringify(found, null, 2));
    return found;
  } finally {
    await session?.close();
  }
}
