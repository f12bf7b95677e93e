import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { catalog, ruleById } from '../../contracts/rules/index';
import type { RuleSpec } from '../../contracts/rules/types';

/**
 * A static reading of the suites against the catalog: a rule whose ambiguity is `observed` has a
 * check that reports the reading (`observeReading`), and no check of a `must` rule asserts the text
 * of an error's `message`, which no document fixes.
 */

const rules: readonly RuleSpec[] = catalog;
const suitesDir = fileURLToPath(new URL('../../suites/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(suitesDir).map((path) => ({
  name: relative(suitesDir, path),
  text: readFileSync(path, 'utf8'),
}));

/** The check bodies of a spec file: each `verifies(…)` with the text up to the next one. */
function checksOf(text: string): { ids: string[]; body: string }[] {
  const starts = [...text.matchAll(/verifies\(([^)]*)\)/g)];
  return starts.map((start, i) => ({
    ids: [...(start[1] ?? '').matchAll(/'([A-Z0-9-]+)'/g)].map((match) => match[1] ?? ''),
    body: text.slice((start.index ?? 0) + start[0].length, starts[i + 1]?.index ?? text.length),
  }));
}

/** An assertion on an error's message text: `.message).toBe(`, `message: '…'` in an expected object… */
const MESSAGE_ASSERTION =
  /\.message\)?\s*\)?\.(?:toBe|toEqual|toContain|toMatch|toStrictEqual)\(|^\s*message:\s*['"`/]/m;

test.describe('checks against the catalog', () => {
  test('every rule whose ambiguity is observed has a check that reports the reading', () => {
    // a file that calls observeReading and names the rule (the id may reach the call through a table)
    const observing = files.filter((file) => /observeReading\(/.test(file.text));
    const unobserved = rules
      .filter((rule) => rule.ambiguity?.observed)
      .filter((rule) => !observing.some((file) => file.text.includes(`'${rule.id}'`)))
      .map((rule) => rule.id);
    expect(unobserved, 'observed ambiguities no check reports').toEqual([]);
  });

  test('no check of a must rule asserts the text of an error message', () => {
    const offending = files.flatMap((file) =>
      checksOf(file.text)
        .filter((check) => check.ids.some((id) => ruleById(id as never)?.severity === 'must'))
        .filter((check) => MESSAGE_ASSERTION.test(check.body))
        .map((check) => `${file.name}: ${check.ids.join(', ')}`),
    );
    expect(offending, 'must checks asserting an undocumented message text').toEqual([]);
  });
});
