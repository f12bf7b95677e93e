/** Twilio's error body: `{code, message, more_info, status}` (twilio-wire-facts.md §7). */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
  details?: unknown;
}

/**
 * An answer the emulator gives, not a fault in it: no stack is captured. Under Playwright a stack is
 * up to 200 frames, and a malformed request costs the mock a TwilioError each.
 */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly details?: unknown,
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
  }

  toBody(): TwilioErrorBody {
    const body: TwilioErrorBody = {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export const missingParameter = (name: string) =>
  new TwilioError(400, 20001, `Missing required parameter ${name} in the post body`);

/** The code for an invalid value is undocumented (ambiguity A1); 20001 is Twilio's generic parameter error. */
export const invalidParameter = (name: string, reason: string) =>
  new TwilioError(400, 20001, `Invalid parameter ${name}: ${reason}`);

/** Twilio's 404 names the path without the API version: "/FlexFlows/FO…", not "/v1/FlexFlows/FO…". */
export const notFound = (path: string) =>
  new TwilioError(404, 20404, `The requested resource ${path.replace(/^\/v\d+/, '')} was not found`);

export const unauthenticated = () => new TwilioError(401, 20003, 'Authenticate');

export const methodNotAllowed = (method: string) =>
  new TwilioError(405, 20004, `Method not allowed: ${method}`);

/** Codes for the HTTP layer's own answers follow Twilio's 20xxx pattern (20404, 20429): 20000 + status. */
export const badRequest = (message: string) => new TwilioError(400, 20400, `Bad Request: ${message}`);

export const payloadTooLarge = (limit: number) =>
  new TwilioError(413, 20413, `Request Entity Too Large: the body exceeds ${limit} bytes`);

export const headersTooLarge = () => new TwilioError(431, 20431, 'Request Header Fields Too Large');
