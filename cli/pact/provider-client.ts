import { basicAuthorization } from '../../targets/http/credentials';
import type { Credentials } from '../../targets/types';

export interface ProviderResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

/** The target could not be reached (refused, reset, unknown host): the command exits 3. */
export class UnreachableError extends Error {}

/**
 * Requests to the implementation under test, as Twilio's clients send them: HTTP Basic with the
 * environment's credentials, the Twilio host in X-Forwarded-Host (one origin serves every domain),
 * and a form body sent byte for byte with its own Content-Length.
 */
export class ProviderClient {
  constructor(
    private readonly baseUrl: URL,
    private readonly credentials: Credentials,
  ) {}

  async send(
    method: string,
    pathAndQuery: string,
    form?: string,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<ProviderResponse> {
    const url = new URL(pathAndQuery.replace(/^\/+/, ''), this.baseUrl);
    const all: Record<string, string> = {
      ...headers,
      'X-Forwarded-Host': 'flex-api.twilio.com',
      Authorization: basicAuthorization(this.credentials),
    };
    if (form !== undefined) all['Content-Type'] ??= 'application/x-www-form-urlencoded';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: all,
        body: form,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new UnreachableError(
        `cannot reach ${this.baseUrl.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
}
