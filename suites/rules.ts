import type { TestDetails, TestInfo } from '@playwright/test';
import { type CatalogRule, type RuleId, ruleById } from '../contracts/rules';

/**
 * Test details declaring which catalog rules a test verifies (test262's metadata, as Playwright
 * annotations and tags). `--grep @RULE-ID` or `--grep @area` selects tests by them.
 *
 *   test('a studio flow without FlowSid is rejected', verifies('FLEXFLOW-STUDIO-REQUIRES-FLOWSID'), …)
 */
export function verifies(...ids: [RuleId, ...RuleId[]]): TestDetails {
  const areas = new Set(ids.map((id) => ruleById(id)?.area ?? 'unknown'));
  return {
    tag: [...ids.map((id) => `@${id}`), ...[...areas].map((area) => `@${area}`)],
    annotation: ids.map((id) => ({ type: 'rule', description: id })),
  };
}

/** The reading ids a rule's ambiguity names (never, for a rule without one). */
export type ReadingId<Id extends RuleId> =
  Extract<CatalogRule, { id: Id }> extends { ambiguity: { readings: readonly (infer R)[] } }
    ? R extends { id: infer I extends string }
      ? I
      : never
    : never;

/**
 * Records which reading of an ambiguous rule the target was observed to follow. Typed: a reading
 * the catalog does not name for that rule does not compile.
 */
export function observeReading<Id extends RuleId>(testInfo: TestInfo, id: Id, reading: ReadingId<Id>): void {
  testInfo.annotations.push({ type: 'reading', description: `${id} ${reading}` });
}

/**
 * Records what a target did where the documents are silent (an `info` rule without readings):
 * the report shows it as evidence, and no verdict depends on it.
 */
export function recordObservation(testInfo: TestInfo, id: RuleId, observed: string): void {
  testInfo.annotations.push({ type: 'observation', description: `${id} ${observed}` });
}
