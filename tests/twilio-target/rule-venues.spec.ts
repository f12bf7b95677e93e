/** Where each rule can run, from the catalog: what `rules` and the report list, and what a skip names. */
import { expect, test } from '@playwright/test';
import { catalog, ruleById } from '../../contracts/rules';
import { prerequisiteSkip } from '../../targets/twilio/prerequisites';
import { ruleVenues, ruleVenuesText } from '../../targets/twilio/rule-venues';
import type { Prerequisites } from '../../targets/types';

const rule = (id: string) => {
  const found = ruleById(id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

const withoutVoiceNumber: Prerequisites = {
  source: 'discovered',
  missing: { 'voice-number': 'no --voice-number: voice checks need a phone number the run may call' },
};

test('a voice rule checked through the task runs on a real account, which needs --voice-number for it', () => {
  // STF-CALL-ENQUEUED: the <Enqueue> TwiML is unseen there, the task it made is not.
  for (const id of ['STF-VOICE-DEFAULT-ATTRIBUTES', 'STF-CALL-ENQUEUED']) {
    const venues = ruleVenues(rule(id));
    expect(
      venues.runsOn.map((venue) => venue.target),
      id,
    ).toEqual(['mock', 'url', 'twilio', 'replay']);
    expect(venues.runsOn.find((venue) => venue.target === 'twilio')?.needs, id).toEqual(['--voice-number']);
    expect(venues.runsOn.find((venue) => venue.target === 'mock')?.needs, id).toEqual([]);
  }
});

test('a rule only the voice webhook’s TwiML shows runs on mock and URL targets only, and says why', () => {
  const venues = ruleVenues(rule('STF-CALL-HOLD-MUSIC-DEFAULT'));
  expect(venues.runsOn.map((venue) => venue.target)).toEqual(['mock', 'url']);
  expect(venues.notOn?.targets).toEqual(['twilio', 'replay']);
  expect(venues.notOn?.reason).toContain('TwiML');
  expect(prerequisiteSkip(['STF-CALL-HOLD-MUSIC-DEFAULT'], withoutVoiceNumber, 'twilio')).toContain('TwiML');
});

test('on a real account without --voice-number, a voice rule’s skip names --voice-number', () => {
  expect(prerequisiteSkip(['STF-VOICE-DEFAULT-ATTRIBUTES'], withoutVoiceNumber, 'twilio')).toContain(
    '--voice-number',
  );
});

test('every rule of the catalog runs somewhere, and its line names each target kind it runs on', () => {
  for (const each of catalog) {
    const venues = ruleVenues(each);
    expect(venues.runsOn.length, each.id).toBeGreaterThan(0);
    for (const venue of venues.runsOn) expect(ruleVenuesText(each), each.id).toContain(venue.target);
  }
});

test('a rule observed only through a call-out needs --public-url on a real account, and a recording made with it', () => {
  const venues = ruleVenues(rule('MSG-EXTERNAL-WEBHOOK-POST'));
  expect(venues.runsOn.map((venue) => venue.target)).toEqual(['mock', 'url', 'twilio', 'replay']);
  const needs = (kind: string) => venues.runsOn.find((venue) => venue.target === kind)?.needs ?? [];
  expect(needs('twilio')).toContain('--public-url (a tunnel to the suite: see the README)');
  expect(needs('replay').join(' ')).toContain('a recording made with');
  expect(needs('replay').join(' ')).toContain('--public-url');
  const withoutPublicUrl: Prerequisites = {
    source: 'discovered',
    missing: { 'public-url': 'no --public-url: checks the account calls back need a tunnel to --stub-port' },
  };
  expect(prerequisiteSkip(['CONV-ONMESSAGEADDED-WEBHOOK'], withoutPublicUrl, 'twilio')).toContain(
    '--public-url',
  );
});

test('a rule observed through an inbound SMS needs --sms-numbers on a real account, and a recording made with them', () => {
  for (const id of ['MSG-CONTACT-IDENTITY-ROUTES', 'MSG-JANITOR-REMOVES-PROXY-SESSION']) {
    const venues = ruleVenues(rule(id));
    expect(venues.runsOn.map((venue) => venue.target)).toEqual(['mock', 'url', 'twilio', 'replay']);
    const needs = (kind: string) => venues.runsOn.find((venue) => venue.target === kind)?.needs ?? [];
    expect(needs('twilio')).toContain('--sms-numbers');
    expect(needs('replay').join(' ')).toContain('--sms-numbers');
    expect(needs('mock')).toEqual([]);
  }
  const withoutSmsNumbers: Prerequisites = {
    source: 'discovered',
    missing: { 'sms-numbers': 'no --sms-numbers: inbound SMS checks need two numbers of the account' },
  };
  expect(prerequisiteSkip(['MSG-CONTACT-IDENTITY-ROUTES'], withoutSmsNumbers, 'twilio')).toContain(
    '--sms-numbers',
  );
  expect(prerequisiteSkip(['MSG-LONG-LIVED-KEEPS-CHANNEL'], withoutSmsNumbers, 'twilio')).toBeUndefined();
});
