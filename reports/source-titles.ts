/** Human titles of the documents rules quote, for the report; unknown documents show their file name. */
const titles: Readonly<Record<string, string>> = {
  '000_e6e025a037b48afd.txt': 'Send to Flex Widget (English)',
  '001_ffef4bfcdb758d92.txt': 'Send to Flex Widget (Japanese rendering)',
  '002_1e7363899d011c99.txt': 'Flex Conversations setup',
  '003_9b6237a88e7de24f.txt': 'Blog: routing text channels through Flex Flows',
  '004_4af5ab78ff31b1e9.txt': 'Flex Flow Resource API reference',
  'reference/twilio-wire-facts.md': 'Twilio wire facts (reference notes)',
  'reference/twilio-spec-summary.md': 'Twilio OpenAPI summary (reference notes)',
  'reference/twilio-oai/twilio_flex_v1.json': 'Twilio OpenAPI: Flex v1',
  'reference/twilio-oai/twilio_taskrouter_v1.json': 'Twilio OpenAPI: TaskRouter v1',
  'reference/twilio-oai/twilio_studio_v2.json': 'Twilio OpenAPI: Studio v2',
  'reference/twilio-oai/twilio_conversations_v1.json': 'Twilio OpenAPI: Conversations v1',
};

export function sourceTitle(doc: string): string {
  return titles[doc] ?? doc;
}
