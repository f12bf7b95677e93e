/**
 * Keeps credentials out of every report file and console line, whatever the target: the secrets
 * named by the environment (and their Basic-auth encodings) are replaced, as is any Basic or
 * Bearer authorization value and any password in a URL.
 */
export const redacted = '[redacted]';

/** Shorter values are not treated as secrets: replacing them everywhere would garble the report. */
const minimumSecretLength = 6;

export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const {
    TWILIO_ACCOUNT_SID: sid,
    TWILIO_AUTH_TOKEN: token,
    TWILIO_API_KEY: key,
    TWILIO_API_SECRET: secret,
  } = env;
  const secrets: string[] = [];
  for (const [user, password] of [
    [sid, token],
    [key, secret],
    [sid, secret],
  ] as const) {
    if (!password) continue;
    secrets.push(password, encodeURIComponent(password));
    if (user) secrets.push(Buffer.from(`${user}:${password}`).toString('base64'));
  }
  return [...new Set(secrets.filter((secret) => secret.length >= minimumSecretLength))].sort(
    (a, b) => b.length - a.length,
  );
}

export type Redactor = (text: string) => string;

const basicValue = /\bBasic(\s+)([A-Za-z0-9+/]{8,}={0,2})/g;
const bearerValue = /\bBearer(\s+)([A-Za-z0-9._~+/-]{16,}=*)/g;
const urlPassword = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]+:)[^\s/@"'<>]+@/gi;

export function redactor(secrets: readonly string[] = secretsFromEnv()): Redactor {
  return (text) => {
    let clean = text;
    for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(redacted);
    // each pattern runs only where the text holds the word it starts from (most report strings hold none)
    if (clean.includes('Basic'))
      clean = replaceChanged(clean, basicValue, ([match, space, value]) =>
        isEncodedCredentials(value ?? '') ? `Basic${space}${redacted}` : match,
      );
    if (clean.includes('Bearer'))
      clean = replaceChanged(clean, bearerValue, ([match, space, value]) =>
        /[0-9._~+/-]/.test(value ?? '') ? `Bearer${space}${redacted}` : match,
      );
    if (clean.includes('@'))
      clean = replaceChanged(clean, urlPassword, ([, userColon]) => `${userColon}${redacted}@`);
    return clean;
  };
}

/**
 * `text.replace(pattern, replace)` for a global pattern, except that the text itself comes back
 * when every replacement equals its match: "Basic authentication" in a report's rule text is no
 * credential, and rebuilding a report file of megabytes to change nothing costs tens of
 * milliseconds where finding the matches costs one or two.
 */
function replaceChanged(text: string, pattern: RegExp, replace: (match: RegExpExecArray) => string): string {
  const parts: string[] = [];
  let end = 0;
  let changed = false;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const replacement = replace(match);
    changed ||= replacement !== match[0];
    parts.push(text.slice(end, match.index), replacement);
    end = match.index + match[0].length;
  }
  if (!changed) return text;
  parts.push(text.slice(end));
  return parts.join('');
}

/** `user:password` in base64 (what a Basic authorization header carries), not an English word after "Basic". */
function isEncodedCredentials(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.includes(':') && !decoded.includes('\uFFFD');
}
