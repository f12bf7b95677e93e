import type { TestDetails, TestInfo } from '@playwright/test';
import {
  type Trigger,
  type TriggerKind,
  type TriggerTools,
  triggerFor,
  triggerKinds,
} from './drivers/triggers';
import { test } from './fixtures';

/** What a check through a trigger may use besides the trigger itself. */
export interface TriggerCheckTools extends TriggerTools {
  readonly uniqueName: (purpose: string) => string;
}

/**
 * One check of a rule that is not about one channel, declared once per trigger (incoming call,
 * message and conversation, or the `kinds` the rule speaks of) with the trigger in its title:
 * `<title>, through an incoming call`.
 */
export function testEveryTrigger(
  title: string,
  details: TestDetails | ((kind: TriggerKind) => TestDetails),
  body: (trigger: Trigger, tools: TriggerCheckTools, testInfo: TestInfo) => Promise<void>,
  kinds: readonly TriggerKind[] = triggerKinds,
): void {
  for (const kind of kinds) {
    test(
      `${title}, through an ${kind}`,
      typeof details === 'function' ? details(kind) : details,
      async ({ api, studio, routing, workflow, messaging, customers, uniqueName, cleanup }, testInfo) => {
        const tools = { api, studio, routing, workflow, messaging, customers, uniqueName, cleanup };
        await body(triggerFor(kind, tools, testInfo), tools, testInfo);
      },
    );
  }
}
