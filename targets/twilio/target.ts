import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Domain, twilioHost } from '../../contracts/domains';
import { CassetteRecorder } from '../cassette/record';
import { TwilioApi } from '../http/client';
import { maskSid } from '../http/credentials';
import { redactEvidence, redactNumbers } from '../http/redaction';
import { TwilioRequestPolicy } from '../http/request-policy';
import { type PublishedStub, publishThrough } from '../public-url/stub-registry';
import type { CallOutStub, Credentials, Prerequisites, Target, TargetSession, TestIdentity } from '../types';
import { CreatedLedger } from './created-ledger';
import { discoverPrerequisites } from './prerequisites';

export interface TwilioTargetOptions {
  readonly credentials: Credentials;
  /** Shared by every process of the run: request ledger, created resources, discovered prerequisites. */
  readonly stateDir: string;
  readonly maxRequests: number;
  readonly timeoutMs: number;
  readonly voiceNumber?: string;
  /** `--sms-numbers`: two numbers the inbound SMS checks repoint and message. */
  readonly smsNumbers?: readonly string[];
  /** `--public-url`: the account calls the suite's stubs through it. */
  readonly publicUrl?: string;
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
  const publish = options.publicUrl ? publishThrough(options.publicUrl, stateDir) : undefined;
  const numbers = {
    ...(options.voiceNumber ? { voiceNumber: options.voiceNumber } : {}),
    ...(options.smsNumbers ? { smsNumbers: options.smsNumbers } : {}),
  };
  const secrets = { credentials, ...numbers };
  const target: Target = {
    kind: 'twilio',
    url: 'twilio',
    credentials,
    capabilities: {
      ...numbers,
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
    // The numbers the run uses are the user's, as the account is: evidence shows their placeholders.
    redact: (text) => redactNumbers(redactEvidence(text, credentials), numbers),
    openSession: async (test): Promise<TargetSession> => {
      const recorder = options.recordDir ? new CassetteRecorder(options.recordDir, test, secrets) : undefined;
      const published: PublishedStub[] = [];
      return {
        ...(recorder
          ? {
              outgoing: (url: string, body: string | undefined) => {
                recorder.noteSending();
                return { url, body };
              },
            }
          : {}),
        record: (exchange) => {
          created.note(exchange);
          recorder?.record(exchange);
        },
        ...(publish
          ? {
              publishStub: (stub: CallOutStub) => {
                const at = publish(stub.port);
                published.push(at);
                recorder?.recordCallOuts(stub, at.url);
                return at;
              },
            }
          : {}),
        close: async () => {
          for (const at of published) at.release();
          recorder?.close();
        },
      };
    },
    prerequisites: () => prerequisitesOf(target, options),
  };
  return target;
}

/** Discovered once per run (the first process to need them writes them for the others). */
async function prerequisitesOf(target: Target, options: TwilioTargetOptions): Promise<Prerequisites> {
  const file = join(options.stateDir, 'prerequisites.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Prerequisites;
  const session = await target.openSession?.(setupSession);
  try {
    const found = await discoverPrerequisites(new TwilioApi(target, session), options);
    mkdirSync(options.stateDir, { recursive: true });
    writeFileSync(file, JSON.stringify(found, null, 2));
    return found;
  } finally {
    await session?.close();
  }
}
