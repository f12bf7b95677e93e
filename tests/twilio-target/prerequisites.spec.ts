/**
 * Discovering what a real account offers the checks, and skipping (never failing or passing) the
 * rules it cannot exercise: a missing Flex workspace or chat service, no phone number for voice,
 * and Programmable Chat for Flex past its end of life.
 */
import { catalog } from '../../contracts/rules';
import { coversProgrammableChat } from '../../contracts/rules/lifecycle';
import { TwilioApi } from '../../targets/http/client';
import { discoverPrerequisites, prerequisiteSkip, provisioned } from '../../targets/twilio/prerequisites';
import { ConfigError } from '../../targets/types';
import { expect, test } from './support/fixtures';
import { stagingTarget } from './support/staging';

test.describe('a Flex account with Programmable Chat still served', () => {
  test('discovery finds the Flex workspace, its workflows and task channels, and the chat service', async ({
    staging,
  }) => {
    const found = await discoverPrerequisites(new TwilioApi(stagingTarget()), {
      voiceNumber: '+14155550100',
      smsNumbers: ['+14155550101', '+14155550102'],
      publicUrl: 'https://tunnel.example.net',
    });
    expect(found.flexWorkspace).toEqual({
      sid: staging.flex.workspaceSid,
      workflows: [{ sid: staging.flex.workflowSid, friendlyName: 'Assign to Anyone' }],
      taskChannels: expect.arrayContaining(['default', 'voice', 'chat', 'sms']),
    });
    expect(found.chatServiceSid).toBe(staging.flex.chatServiceSid);
    expect(found.missing).toEqual({});
    expect(found.endOfLife).toBeUndefined();
    expect(staging.log.every((entry) => entry.method === 'GET')).toBe(true);
  });

  test('without --voice-number, voice rules are skipped with the reason; other rules run', async ({
    staging,
  }) => {
    expect(staging.url).toBeTruthy();
    const found = await discoverPrerequisites(new TwilioApi(stagingTarget()));
    expect(prerequisiteSkip(['STF-VOICE-DEFAULT-ATTRIBUTES'], found, 'twilio')).toMatch(
      /voice-number missing: no --voice-number/,
    );
    expect(prerequisiteSkip(['FLEXFLOW-CREATE-RETURNS-201'], found, 'twilio')).toBeUndefined();
    expect(prerequisiteSkip(['TR-PRIORITY-HIGHER-FIRST'], found, 'twilio')).toBeUndefined();
  });

  test('without --public-url, rules observed through a call-out are skipped with the reason', async () => {
    const found = await discoverPrerequisites(new TwilioApi(stagingTarget()));
    expect(prerequisiteSkip(['MSG-EXTERNAL-WEBHOOK-POST'], found, 'twilio')).toMatch(
      /public-url missing: no --public-url/,
    );
  });
});

test.describe('an account without Flex', () => {
  test.use({ account: { withoutFlex: true } });

  test('rules needing the Flex workspace or chat service are skipped, naming what the account answered', async () => {
    const found = await discoverPrerequisites(new TwilioApi(stagingTarget()), {
      voiceNumber: '+14155550100',
    });
    expect(found.missing['flex-workspace']).toMatch(
      /no Flex configuration \(GET \/v1\/Configuration answered 404\)/,
    );
    expect(prerequisiteSkip(['FLEXFLOW-CREATE-RETURNS-201'], found, 'twilio')).toMatch(
      /prerequisite chat-service missing/,
    );
    expect(prerequisiteSkip(['CONV-STF-CREATES-INTERACTION'], found, 'twilio')).toMatch(
      /prerequisite flex-workspace missing/,
    );
    expect(prerequisiteSkip(['WIRE-AUTH-BASIC-REQUIRED'], found, 'twilio')).toBeUndefined();
  });
});

test.describe('Programmable Chat for Flex past its end of life', () => {
  test.use({ account: { endOfLife: true } });

  test("discovery keeps the API's end-of-life answer as evidence", async () => {
    const found = await discoverPrerequisites(new TwilioApi(stagingTarget()));
    expect(found.endOfLife).toMatchObject({ method: 'GET', status: 410 });
    expect(found.endOfLife?.body).toContain('reached end of life on June 1, 2026');
    expect(found.missing['chat-service']).toBeUndefined();
  });

  test('every Flex Flow and legacy messaging rule is skipped with that answer; no other rule is', async () => {
    const found = await discoverPrerequisites(new TwilioApi(stagingTarget()), {
      voiceNumber: '+14155550100',
    });
    for (const rule of catalog) {
      const reason = prerequisiteSkip([rule.id], found, 'twilio');
      if (coversProgrammableChat(rule)) {
        expect(reason, rule.id).toMatch(
          /^Programmable Chat for Flex has reached end of life on this account: GET https:\/\/chat\.twilio\.com\/v2\/Services\/IS\w+ answered 410 .*end of life/,
        );
      } else {
        expect(reason ?? '', rule.id).not.toMatch(/end of life/);
      }
    }
    expect(catalog.filter((rule) => coversProgrammableChat(rule)).length).toBeGreaterThan(50);
  });
});

test.describe('the account the credentials reach', () => {
  test('a Flex configuration of another account refuses the run (an API key of another account)', async ({
    staging,
  }) => {
    staging.script((entry) =>
      entry.path === '/v1/Configuration'
        ? { status: 200, body: { account_sid: `AC${'9'.repeat(32)}`, taskrouter_workspace_sid: null } }
        : undefined,
    );
    const discovery = discoverPrerequisites(new TwilioApi(stagingTarget()));
    await expect(discovery).rejects.toThrow(ConfigError);
    await expect(discovery).rejects.toThrow(
      /the credentials reach account AC\*+9999, not AC\*+5ea1 \(--account\): refusing to run/,
    );
  });
});

test('targets that provision what the checks need skip nothing for prerequisites', () => {
  for (const rule of catalog) {
    const reason = prerequisiteSkip([rule.id], provisioned, 'mock');
    if (reason) expect(reason, rule.id).toMatch(/^only observable on twilio or replay targets$/);
  }
});
