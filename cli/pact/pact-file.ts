import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors';

/** The Pact V4 fields the verifier reads. */
export interface MatcherSpec {
  readonly match: string;
  readonly regex?: string;
  readonly min?: number;
  readonly max?: number;
  readonly value?: unknown;
}
export type MatchingRules = Readonly<Record<string, { readonly matchers: readonly MatcherSpec[] }>>;
export interface ProviderStateGenerator {
  readonly type: string;
  readonly expression?: string;
}
export interface PactBody {
  readonly content?: unknown;
  readonly contentType?: string;
}
export interface HttpInteraction {
  readonly type: 'Synchronous/HTTP';
  readonly description: string;
  readonly providerStates?: ReadonlyArray<{ name: string; params?: Record<string, unknown> }>;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query?: Readonly<Record<string, readonly string[]>>;
    readonly headers?: Readonly<Record<string, readonly string[]>>;
    readonly body?: PactBody;
    readonly generators?: Readonly<Record<string, unknown>>;
  };
  readonly response: {
    readonly status: number;
    readonly headers?: Readonly<Record<string, readonly string[]>>;
    readonly body?: PactBody;
    readonly matchingRules?: {
      readonly body?: MatchingRules;
      readonly header?: MatchingRules;
    };
    readonly generators?: Readonly<Record<string, unknown>>;
  };
}
export interface LoadedPact {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly interactions: readonly HttpInteraction[];
}

export const publishedPactDir = fileURLToPath(new URL('../../contracts/pacts', import.meta.url));

/** The published pacts that hold HTTP interactions (message pacts are verified by a handler, not a URL). */
export function publishedHttpPacts(): string[] {
  return readdirSync(publishedPactDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(publishedPactDir, name))
    .filter((file) => loadPact(file).interactions.length > 0);
}

/** A pact file's HTTP interactions; an unreadable or malformed file is a usage error. */
export function loadPact(file: string): LoadedPact {
  let parsed: {
    consumer?: { name?: string };
    provider?: { name?: string };
    interactions?: Array<{ type?: string }>;
  };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read pact ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(parsed?.interactions)) throw new UsageError(`${file} is not a pact: no interactions`);
  return {
    file,
    consumer: parsed.consumer?.name ?? '?',
    provider: parsed.provider?.name ?? '?',
    interactions: parsed.interactions.filter(
      (interaction): interaction is HttpInteraction =>
        interaction.type === 'Synchronous/HTTP' || interaction.type === undefined,
    ),
  };
}
