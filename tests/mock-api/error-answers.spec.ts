import { expect, test } from '@playwright/test';
import { badRequest, TwilioError } from '../../mock/core/errors';

/**
 * A TwilioError is an answer the emulator gives, not a fault in it: it captures no stack (under
 * Playwright one is up to 200 frames, paid for every 4xx), and building one leaves the process's
 * stack trace limit as it found it.
 */

test('an error answer captures no stack frames', () => {
  const error = badRequest('malformed request');
  expect(error).toBeInstanceOf(TwilioError);
  expect(error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at '))).toEqual([]);
});

test('building an error answer leaves the stack trace limit as it was', () => {
  const before = Error.stackTraceLimit;
  badRequest('malformed request');
  expect(Error.stackTraceLimit).toBe(before);
  expect(new Error('a fault').stack).toMatch(/\n\s+at /);
});
