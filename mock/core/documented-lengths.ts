import type { Domain } from '../../contracts/domains';
import { invalidParameter, type TwilioError } from './errors';

/**
 * The parameter lengths Twilio's OpenAPI descriptions state for the operations the mock serves
 * ("A descriptive string that you create to describe the new Worker. It can be up to 64 characters
 * long."), by route. A longer value is refused before the operation runs, so no resource holds it.
 */
interface LengthBound {
  readonly domain: Domain;
  readonly pattern: string;
  readonly parameter: string;
  readonly characters: number;
}

const friendlyName = (domain: Domain, pattern: string): LengthBound => ({
  domain,
  pattern,
  parameter: 'FriendlyName',
  characters: 64,
});

const phoneNumbers = '/2010-04-01/Accounts/:AccountSid/IncomingPhoneNumbers';

/** Every bound is on a POST: the descriptions state lengths of create and update parameters only. */
export const documentedLengths: readonly LengthBound[] = [
  friendlyName('taskrouter', '/v1/Workspaces'),
  friendlyName('taskrouter', '/v1/Workspaces/:WorkspaceSid/Activities'),
  friendlyName('taskrouter', '/v1/Workspaces/:WorkspaceSid/Activities/:Sid'),
  friendlyName('taskrouter', '/v1/Workspaces/:WorkspaceSid/TaskChannels'),
  friendlyName('taskrouter', '/v1/Workspaces/:WorkspaceSid/TaskChannels/:Sid'),
  friendlyName('taskrouter', '/v1/Workspaces/:WorkspaceSid/Workers'),
  friendlyName('taskrouter', '/v1/Workspaces/:WorkspaceSid/Workers/:Sid'),
  friendlyName('api', `${phoneNumbers}.json`),
  friendlyName('api', `${phoneNumbers}/:SidJson`),
];

/** The refusal of a form post to `pattern` whose parameter is longer than documented, or undefined. */
export function lengthViolation(
  domain: Domain,
  method: string,
  pattern: string,
  form: URLSearchParams,
): TwilioError | undefined {
  if (method !== 'POST') return undefined;
  for (const bound of documentedLengths) {
    if (bound.domain !== domain || bound.pattern !== pattern) continue;
    const value = form.get(bound.parameter);
    // Characters as a person counts them: code points, so one emoji is one character.
    if (value !== null && [...value].length > bound.characters)
      return invalidParameter(bound.parameter, `can be up to ${bound.characters} characters long`);
  }
  return undefined;
}
