import { ConfigError, type Credentials, type CredentialsByKind } from '../types';

const accountSidPattern = /^AC[0-9a-fA-F]{32}$/;
const apiKeyPattern = /^SK[0-9a-fA-F]{32}$/;

/**
 * Credentials from the environment: `TWILIO_ACCOUNT_SID` with `TWILIO_AUTH_TOKEN`, or
 * `TWILIO_API_KEY` with `TWILIO_API_SECRET` (and the account SID). Undefined when none are set.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials | undefined {
  const accountSid = env.TWILIO_ACCOUNT_SID;
  const { TWILIO_AUTH_TOKEN: authToken, TWILIO_API_KEY: apiKey, TWILIO_API_SECRET: apiSecret } = env;
  if (!accountSid && !authToken && !apiKey && !apiSecret) return undefined;
  if (!accountSid) throw new ConfigError('TWILIO_ACCOUNT_SID is not set');
  if (!accountSidPattern.test(accountSid)) {
    throw new ConfigError('TWILIO_ACCOUNT_SID must be AC followed by 32 hexadecimal digits');
  }
  if (apiKey || apiSecret) {
    if (!apiKey || !apiSecret) throw new ConfigError('set both TWILIO_API_KEY and TWILIO_API_SECRET');
    if (!apiKeyPattern.test(apiKey))
      throw new ConfigError('TWILIO_API_KEY must be SK followed by 32 hexadecimal digits');
    return { accountSid, username: apiKey, password: apiSecret, kind: 'api-key' };
  }
  if (!authToken) {
    throw new ConfigError('TWILIO_AUTH_TOKEN is not set (or set TWILIO_API_KEY and TWILIO_API_SECRET)');
  }
  return { accountSid, username: accountSid, password: authToken, kind: 'auth-token' };
}

/**
 * Every kind of credentials the environment sets for the account: the API key with its secret
 * and, when `TWILIO_AUTH_TOKEN` is set too, the account SID with its auth token.
 */
export function credentialsByKindFromEnv(env: NodeJS.ProcessEnv): CredentialsByKind {
  const primary = credentialsFromEnv(env);
  if (!primary) return {};
  const accountSid = primary.accountSid;
  const authToken = env.TWILIO_AUTH_TOKEN;
  return {
    [primary.kind]: primary,
    ...(primary.kind === 'api-key' && authToken
      ? { 'auth-token': { accountSid, username: accountSid, password: authToken, kind: 'auth-token' } }
      : {}),
  };
}

export function requireCredentials(env: NodeJS.ProcessEnv, targetName: string): Credentials {
  const credentials = credentialsFromEnv(env);
  if (!credentials) {
    throw new ConfigError(
      `target ${targetName} needs credentials: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET)`,
    );
  }
  return credentials;
}

export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

export function maskSid(sid: string): string {
  return sid.length > 4 ? `${sid.slice(0, 2)}${'*'.repeat(sid.length - 6)}${sid.slice(-4)}` : sid;
}
