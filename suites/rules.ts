import type { TestDetails, TestInfo } from '@playwright/test';
import { type RuleId, ruleById } from '../contracts/rules';

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

/** Records which reading of an ambiguous rule the target was observed to follow. */
export function observeReading(testInfo: TestInfo, id: RuleId, reading: string): void {
  testInfo.annotations.push({ type: 'reading', description: `${id} ${reading}` });
}
