/**
 * The webhooks the platform sends, published as Pact V4 asynchronous-message pacts so a team that
 * writes a webhook handler can verify it with its own Pact tooling:
 *
 * - contracts/pacts/flex-webhook-handler-twilio-flex-flow-external-webhook.json: the POST a Flex
 *   Flow with IntegrationType external sends to Integration.Url for an inbound message
 *   (004_4af5ab78ff31b1e9.txt; rules MSG-EXTERNAL-WEBHOOK-PAYLOAD-FIELDS, -STRING-VALUES);
 * - contracts/pacts/flex-webhook-handler-twilio-conversations-webhook.json: the Conversations
 *   onMessageAdded webhook (002_1e7363899d011c99.txt; CONV-ONMESSAGEADDED-PAYLOAD-FIELDS, the
 *   fields flat as the catalog applies).
 *
 * Each message's contents are the webhook's parameters as the documents show them (Twilio sends
 * them form-encoded; the metadata says so), every value with a matcher for its type, built from
 * the documented example values. Regenerate after a change with
 *
 *   FLEXCONF_UPDATE_PACTS=1 npx playwright test tests/contracts/webhook-message-consumer.spec.ts
 */
process.env.PACT_DO_NOT_TRACK = 'true';

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { expect, test } from '@playwright/test';
import { scratchDir } from '../scratch';

const { like, regex } = MatchersV3;

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const consumer = 'flex-webhook-handler';
const isoDateTime = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';
const digits = '^\\d+$';
const jsonObjectText = '^\\{.*\\}$';
const formPost = { contentType: 'application/x-www-form-urlencoded', method: 'POST' };

interface WebhookPact {
  readonly provider: string;
  readonly source: string;
  /** Where the documented example starts and ends in the source document. */
  readonly example: readonly [string, string];
  readonly description: string;
  readonly contents: Record<string, unknown>;
}

const sid = (prefix: string, example: string, digitsOnly: boolean) =>
  regex(digitsOnly ? `^${prefix}[0-9a-fA-F]{32}$` : `^${prefix}[0-9A-Za-z]+$`, example);

/** 004: the example values are placeholders (`ISxxxxx`), so SIDs are held to their prefix. */
const externalWebhook: WebhookPact = {
  provider: 'twilio-flex-flow-external-webhook',
  source: '004_4af5ab78ff31b1e9.txt',
  example: ['"EventType": "onMessageSent"', '"WebhookSid": "WHxxxxx"'],
  description: 'an inbound message posted to the Integration.Url of an external Flex Flow',
  contents: {
    EventType: like('onMessageSent'),
    InstanceSid: sid('IS', 'ISxxxxx', false),
    Attributes: regex(jsonObjectText, '{"proxied":true}'),
    DateCreated: regex(isoDateTime, '2019-06-01T01:01:01.000Z'),
    Index: regex(digits, '1'),
    From: like('sms_xxxxxxxxxxxxx'),
    MessageSid: sid('IM', 'IMxxxxx', false),
    AccountSid: sid('AC', 'ACxxxxx', false),
    Source: like('API'),
    ChannelSid: sid('CH', 'CHxxxxx', false),
    RetryCount: regex(digits, '0'),
    WebhookType: like('webhook'),
    Body: like('message goes here'),
    WebhookSid: sid('WH', 'WHxxxxx', false),
  },
};

const onMessageAdded: WebhookPact = {
  provider: 'twilio-conversations-webhook',
  source: '002_1e7363899d011c99.txt',
  example: ['"EventType": "onMessageAdded"', '"ChannelAttributes": {}'],
  description: 'an onMessageAdded event for a customer message in a conversation',
  contents: {
    EventType: regex('^onMessageAdded$', 'onMessageAdded'),
    InstanceSid: sid('IS', 'IS497d26fb5332435e9cccadbf114d4aff', true),
    Attributes: regex(jsonObjectText, '{}'),
    DateCreated: regex(isoDateTime, '2022-02-21T05:01:46.886Z'),
    Index: regex(digits, '0'),
    From: like('customer1'),
    MessageSid: sid('IM', 'IM3032b674d70647a798ffa8e78eb23abf', true),
    AccountSid: sid('AC', 'ACd9ecc21b1ae907b3cf65d9044c891eb3', true),
    Source: like('API'),
    ChannelSid: sid('CH', 'CH1b8e780f14db45b6b44b070bb3f9172c', true),
    RetryCount: regex(digits, '0'),
    Author: like('customer1'),
    To: like('CH1b8e780f14db45b6b44b070bb3f9172c'),
    Body: like('hello'),
    WebhookSid: sid('WH', 'WHae4ab4d5e7344cdab97274af52159f9c', true),
    ConversationSid: sid('CH', 'CH1b8e780f14db45b6b44b070bb3f9172c', true),
    ChannelAttributes: like({}),
  },
};

const webhooks = [externalWebhook, onMessageAdded];
const pactFileName = (webhook: WebhookPact) => `${consumer}-${webhook.provider}.json`;
const committedPact = (webhook: WebhookPact) => join(root, 'contracts/pacts', pactFileName(webhook));

/** The handler a webhook team writes, reduced to what it must read: who wrote what, where. */
function readInboundMessage(payload: Record<string, unknown>) {
  const text = (name: string) => {
    const value = payload[name];
    if (typeof value !== 'string') throw new Error(`webhook parameter ${name} is not text`);
    return value;
  };
  return {
    channel: typeof payload.ConversationSid === 'string' ? text('ConversationSid') : text('ChannelSid'),
    author: typeof payload.Author === 'string' ? text('Author') : text('From'),
    body: text('Body'),
    index: Number.parseInt(text('Index'), 10),
    attributes: JSON.parse(text('Attributes')) as unknown,
  };
}

/** The parameter names of the example a document shows, in its order. */
function documentedFields(webhook: WebhookPact): string[] {
  const document = readFileSync(join(root, 'contracts/sources', webhook.source), 'utf8');
  const start = document.indexOf(webhook.example[0]);
  const end = document.indexOf(webhook.example[1], start) + webhook.example[1].length;
  expect(start, `the example in ${webhook.source}`).toBeGreaterThanOrEqual(0);
  return [...document.slice(start, end).matchAll(/"([A-Za-z]+)": /g)].map((match) => match[1] ?? '');
}

/** A pact without what changes between library versions (metadata). */
const comparable = (pact: { consumer: unknown; provider: unknown; interactions: unknown[] }) => ({
  consumer: pact.consumer,
  provider: pact.provider,
  interactions: pact.interactions,
});

for (const webhook of webhooks) {
  test.describe(`webhook message pact: ${webhook.provider}`, () => {
    test.describe.configure({ mode: 'serial' });
    let pactDir = '';
    test.beforeAll(() => {
      pactDir = scratchDir('message-pact');
    });
    test.afterAll(() => {
      if (pactDir) rmSync(pactDir, { recursive: true, force: true });
    });

    test(`the handler reads ${webhook.description}`, async () => {
      const pact = new PactV4({
        consumer,
        provider: webhook.provider,
        dir: pactDir,
        spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
        logLevel: 'error',
      });
      const read = await pact
        .addAsynchronousInteraction()
        .expectsToReceive(webhook.description, (builder) =>
          builder.withJSONContent(webhook.contents).withMetadata(formPost),
        )
        .executeTest(async (message) =>
          readInboundMessage(message.contents.content as Record<string, unknown>),
        );
      expect(read?.body, 'the handler reads the message text').toBe(
        webhook === externalWebhook ? 'message goes here' : 'hello',
      );
    });

    test('the published pact is what this test generates', () => {
      const fresh = readFileSync(join(pactDir, pactFileName(webhook)), 'utf8');
      if (process.env.FLEXCONF_UPDATE_PACTS === '1') writeFileSync(committedPact(webhook), fresh);
      expect(
        comparable(JSON.parse(readFileSync(committedPact(webhook), 'utf8'))),
        `${committedPact(webhook)} is out of date: rerun this test with FLEXCONF_UPDATE_PACTS=1`,
      ).toEqual(comparable(JSON.parse(fresh)));
    });

    test(`the published pact holds every parameter of the example in ${webhook.source}, each with a matcher`, () => {
      const published = JSON.parse(readFileSync(committedPact(webhook), 'utf8'));
      const [interaction] = published.interactions;
      const fields = documentedFields(webhook);
      expect(fields.length).toBeGreaterThan(10);
      expect(
        Object.keys(interaction.contents.content).sort(),
        'every documented parameter, no other',
      ).toEqual([...fields].sort());
      expect(
        fields.filter((field) => !interaction.matchingRules?.body?.[`$.${field}`]),
        'parameters without a matcher',
      ).toEqual([]);
    });
  });
}
