/**
 * Requests are counted and limited per API and operation: the account-scoped v2010 paths, which end
 * in `.json`, fall in the same bucket as their collection, as the Flex and TaskRouter paths do.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { apiOperation } from '../../targets/http/rate-limits';

const account = 'AC00000000000000000000000000000001';
const call = 'CA00000000000000000000000000000002';
const number = 'PN00000000000000000000000000000003';
const v2010 = `https://api.twilio.com/2010-04-01/Accounts/${account}`;
const callsApi = 'api /2010-04-01/Accounts/{Sid}/Calls';
const numbersApi = 'api /2010-04-01/Accounts/{Sid}/IncomingPhoneNumbers';

test('placing a call (POST Calls.json) is a create of the Calls API', () => {
  expect(apiOperation('POST', 'api', `${v2010}/Calls.json`).key).toBe(`${callsApi} create`);
});

test('listing calls (GET Calls.json) is a list of the Calls API', () => {
  expect(apiOperation('GET', 'api', `${v2010}/Calls.json?Status=in-progress`).key).toBe(`${callsApi} list`);
});

test('ending a call (POST Calls/CA….json) is an update of the Calls API', () => {
  expect(apiOperation('POST', 'api', `${v2010}/Calls/${call}.json`).key).toBe(`${callsApi} update`);
});

test('listing numbers (GET IncomingPhoneNumbers.json) is a list of the numbers API', () => {
  expect(apiOperation('GET', 'api', `${v2010}/IncomingPhoneNumbers.json?PhoneNumber=%2B1`).key).toBe(
    `${numbersApi} list`,
  );
});

test('pointing a number (POST IncomingPhoneNumbers/PN….json) is an update of the numbers API', () => {
  expect(apiOperation('POST', 'api', `${v2010}/IncomingPhoneNumbers/${number}.json`).key).toBe(
    `${numbersApi} update`,
  );
});

test('the same collection with and without the suffix shares one bucket', () => {
  expect(apiOperation('POST', 'api', `${v2010}/Calls`).key).toBe(
    apiOperation('POST', 'api', `${v2010}/Calls.json`).key,
  );
});

test('a Flex create keeps its bucket', () => {
  expect(apiOperation('POST', 'flex-api', 'https://flex-api.twilio.com/v1/FlexFlows').key).toBe(
    'flex-api /v1/FlexFlows create',
  );
});

test('a Flex fetch by SID keeps its bucket', () => {
  const flexFlow = 'https://flex-api.twilio.com/v1/FlexFlows/FO00000000000000000000000000000001';
  expect(apiOperation('GET', 'flex-api', flexFlow).key).toBe('flex-api /v1/FlexFlows fetch');
});

/** Origins a URL may start with, hosts that do not parse among them. */
const origin = () =>
  fc.constantFrom(
    'http://127.0.0.1:3000',
    'https://flex-api.twilio.com',
    'http://[::1]:80',
    'http://user:secret@host',
    'http://999.0.0.1',
    'http://host:99999',
    'http://a b',
    'http:/',
  );
/** Path text from characters URL parsing keeps, escapes, drops or reads as a separator. */
const pathText = () =>
  fc.string({
    unit: fc.constantFrom(
      '/',
      '/',
      '.',
      '..',
      'v1',
      'FlexFlows',
      'FO',
      'a1',
      '%2e',
      '%',
      '\\',
      ' ',
      '\t',
      'é',
      '?',
      '#',
      '-',
      '~',
      '_',
    ),
    maxLength: 12,
  });
/** Any web URL with junk spliced in anywhere. */
const splicedUrl = () =>
  fc
    .tuple(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.nat(60),
    )
    .map(([url, junk, at]) => url.slice(0, at) + junk + url.slice(at));

/** The API key of a URL as the request policy names it, or `throws` when the URL does not parse. */
const keyOf = (url: string): string => {
  try {
    return apiOperation('GET', 'flex-api', url).key;
  } catch {
    return 'throws';
  }
};

/** The URL as URL parsing writes it, if it parses (URL.canParse misjudges some non-ASCII text on Node 20). */
const parsedHref = (url: string): string | undefined => {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
};

test('a URL names the same API as its parsed form: escapes, dot segments, separators, bad hosts, junk anywhere', () => {
  // a plain predicate: expect() inside a property would capture a stack for each of the cases
  fc.assert(
    fc.property(
      fc.oneof(
        fc.tuple(origin(), pathText()).map(([start, path]) => start + path),
        splicedUrl(),
      ),
      (url) => {
        const href = parsedHref(url);
        return keyOf(url) === (href === undefined ? 'throws' : keyOf(href));
      },
    ),
    { numRuns: 20_000 },
  );
});
