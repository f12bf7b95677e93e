import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { areas, catalog, ruleById } from '../../contracts/rules/index';
import type { Area, RuleSpec, SourceQuote } from '../../contracts/rules/types';

/**
 * Self-test of the rule catalog: ids, sources, verbatim quotes, ambiguities. Every quote is checked
 * against the document it names, in contracts/sources/: the seed documents, and under reference/
 * the reference notes and Twilio's OpenAPI descriptions (MIT, see reference/twilio-oai/LICENSE).
 */

const rules: readonly RuleSpec[] = catalog;
const sourcesDir = new URL('../../contracts/sources/', import.meta.url);
const referenceDir = new URL('reference/', sourcesDir);

const ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;
const PREFIX: Record<Area, string> = {
  'flex-flow': 'FLEXFLOW-',
  wire: 'WIRE-',
  'send-to-flex': 'STF-',
  transitions: 'TRANS-',
  liquid: 'LIQUID-',
  messaging: 'MSG-',
  conversations: 'CONV-',
  taskrouter: 'TR-',
  lifecycle: 'EOL-',
};

/** The ambiguities the brief requires, by the rule that carries them. */
const MANDATORY_AMBIGUITIES = [
  'TR-PRIORITY-HIGHER-FIRST', // 1. "higher priority first" vs "0 is the highest priority"
  'STF-TIMEOUT-DEFAULT', // 2. widget 3600 vs API 86,400
  'CONV-DEFAULT-ATTR-NAME', // 3. `name` listed in 000, not in 001
  'TRANS-VAR-AGE', // 4. Age / Attributes only in 001
  'TRANS-VAR-ATTRIBUTES',
  'FLEXFLOW-RETRYCOUNT-DEFAULT', // 5. default 3 vs examples' retry_count 1
  'FLEXFLOW-TASK-CHANNEL-DEFAULT', // 6. Integration.Channel required yet defaulted
  'FLEXFLOW-CREATE-URL-WITHOUT-TYPE', // 7. second create example
] as const;

/** Further disagreements and silences the catalog must record. */
const RECORDED_AMBIGUITIES = [
  'FLEXFLOW-INTEGRATION-TYPE-DEFAULT-STUDIO', // A2 default IntegrationType
  'FLEXFLOW-CONDITIONAL-REQUIRED-ERROR-CODE', // A2 codes
  'FLEXFLOW-INVALID-PARAM-ERROR-CODE', // A1
  'STF-ATTRIBUTES-MAX-1024', // template vs rendered
  'STF-VOICE-DEFAULT-ATTRIBUTES', // "{{}}" vs {{trigger.call.From}}
  'STF-WIDGET-VALUES-AS-STRINGS', // C8
  'TRANS-EVENT-NAME-MAPPING', // A3
  'TR-ATTRIBUTES-IN-LISTS', // C6
  'EOL-POST-EOL-BEHAVIOUR', // A5
] as const;

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

const documentCache = new Map<string, string>();
function readDocument(url: URL): string {
  const key = url.href;
  let text = documentCache.get(key);
  if (text === undefined) {
    text = normalise(readFileSync(fileURLToPath(url), 'utf8'));
    documentCache.set(key, text);
  }
  return text;
}

/** Every quote of a rule with where it is cited: the rule's sources and its readings' sources. */
function quotesOf(rule: RuleSpec): { where: string; source: SourceQuote }[] {
  const quotes = rule.sources.map((source, i) => ({ where: `${rule.id} sources[${i}]`, source }));
  for (const reading of rule.ambiguity?.readings ?? []) {
    reading.sources.forEach((source, i) => {
      quotes.push({ where: `${rule.id} reading ${reading.id} sources[${i}]`, source });
    });
  }
  return quotes;
}

const allQuotes = rules.flatMap(quotesOf);
const seedQuotes = allQuotes.filter((q) => !q.source.doc.startsWith('reference/'));
const referenceQuotes = allQuotes.filter((q) => q.source.doc.startsWith('reference/'));

test.describe('rule catalog', () => {
  test('ids are unique, upper-kebab and prefixed by their area', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const rule of rules) {
      if (seen.has(rule.id)) problems.push(`duplicate id ${rule.id}`);
      seen.add(rule.id);
      if (!ID_PATTERN.test(rule.id)) problems.push(`${rule.id}: not upper-kebab`);
      if (!rule.id.startsWith(PREFIX[rule.area]))
        problems.push(`${rule.id}: area ${rule.area} wants ${PREFIX[rule.area]}`);
    }
    expect(problems).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  test('every rule has a title, a statement, a severity and at least one source', () => {
    const problems: string[] = [];
    for (const rule of rules) {
      if (!rule.title.trim()) problems.push(`${rule.id}: empty title`);
      if (!rule.statement.trim()) problems.push(`${rule.id}: empty statement`);
      if (!['must', 'should', 'info'].includes(rule.severity)) problems.push(`${rule.id}: bad severity`);
      if (rule.sources.length === 0) problems.push(`${rule.id}: no source`);
      for (const { where, source } of quotesOf(rule)) {
        if (!source.quote.trim()) problems.push(`${where}: empty quote`);
      }
      for (const target of rule.appliesTo?.targets ?? []) {
        if (!['mock', 'url', 'twilio', 'replay'].includes(target))
          problems.push(`${rule.id}: bad target ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('areas list every area in use exactly once, and ruleById finds every rule', () => {
    expect(new Set(areas).size).toBe(areas.length);
    expect([...new Set(rules.map((r) => r.area))].sort()).toEqual([...areas].sort());
    for (const rule of rules) expect(ruleById(rule.id)).toBe(rule);
    expect(ruleById('NO-SUCH-RULE')).toBeUndefined();
  });

  test('every seed quote appears verbatim in its source document', () => {
    const problems: string[] = [];
    for (const { where, source } of seedQuotes) {
      const url = new URL(source.doc, sourcesDir);
      if (!existsSync(fileURLToPath(url))) {
        problems.push(`${where}: no file contracts/sources/${source.doc}`);
        continue;
      }
      if (!readDocument(url).includes(normalise(source.quote))) {
        problems.push(`${where}: not found in ${source.doc}: ${JSON.stringify(source.quote)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(seedQuotes.length).toBeGreaterThan(0);
  });

  test('every reference quote appears verbatim in the reference document it names', () => {
    const problems: string[] = [];
    for (const { where, source } of referenceQuotes) {
      const url = new URL(source.doc.slice('reference/'.length), referenceDir);
      if (!existsSync(fileURLToPath(url))) {
        problems.push(`${where}: no file ${source.doc}`);
        continue;
      }
      if (!readDocument(url).includes(normalise(source.quote))) {
        problems.push(`${where}: not found in ${source.doc}: ${JSON.stringify(source.quote)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every ambiguity applies one of its own readings', () => {
    const problems: string[] = [];
    for (const rule of rules) {
      const ambiguity = rule.ambiguity;
      if (!ambiguity) continue;
      const ids = ambiguity.readings.map((r) => r.id);
      if (ids.length < 2) problems.push(`${rule.id}: fewer than two readings`);
      if (new Set(ids).size !== ids.length) problems.push(`${rule.id}: duplicate reading ids`);
      if (!ids.includes(ambiguity.applied))
        problems.push(`${rule.id}: applied "${ambiguity.applied}" is not a reading`);
      if (!ambiguity.summary.trim() || !ambiguity.rationale.trim())
        problems.push(`${rule.id}: empty summary/rationale`);
      for (const reading of ambiguity.readings) {
        if (reading.sources.length === 0) problems.push(`${rule.id}: reading ${reading.id} has no source`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the seven mandatory ambiguities are recorded', () => {
    for (const id of MANDATORY_AMBIGUITIES) {
      const rule = ruleById(id);
      expect(rule, `rule ${id}`).toBeDefined();
      expect(rule?.ambiguity, `ambiguity on ${id}`).toBeDefined();
    }
    const priority = ruleById('TR-PRIORITY-HIGHER-FIRST')?.ambiguity;
    expect(priority?.applied).toBe('higher-number-first');
    expect(priority?.observed).toBe(true);
    expect(ruleById('STF-TIMEOUT-DEFAULT')?.ambiguity?.readings.map((r) => r.id)).toEqual(
      expect.arrayContaining(['widget-3600', 'api-86400']),
    );
  });

  test('the other known disagreements are recorded', () => {
    for (const id of RECORDED_AMBIGUITIES) {
      expect(ruleById(id)?.ambiguity, `ambiguity on ${id}`).toBeDefined();
    }
  });
});
