import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { unlabelledAssertions } from './unlabelled-assertions';

/**
 * Every assertion in the suites says what it compares (Playwright's message argument), so a failing
 * check prints "priority of the task the widget created" rather than only
 * `expect(received).toBe(expected)`.
 */

const suitesDir = fileURLToPath(new URL('../../suites/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test.describe('labelled assertions', () => {
  test('every expect(…) in suites/ carries a message saying what it compares', () => {
    const unlabelled = sourceFiles(suitesDir).flatMap((path) =>
      unlabelledAssertions(readFileSync(path, 'utf8'), path).map(
        (found) => `suites/${relative(suitesDir, path)}:${found.line}: ${found.text}`,
      ),
    );
    expect(unlabelled, 'assertions without a message (file:line)').toEqual([]);
  });

  test('the scan finds an assertion without a message, and accepts each form of a message', () => {
    const source = [
      'expect(task.priority).toBe(0);',
      "expect(task.priority, 'priority of the task').toBe(0);",
      'expect(task.timeout, `timeout of the task`).toBe(0);',
      'expect.soft(flow.status).toBe(200);',
      "expect.soft(flow.status, 'flow status').toBe(200);",
      'await expect.poll(read, { timeout: 1_000 }).toBe(2);',
      "await expect.poll(read, { timeout: 1_000, message: 'reservations' }).toBe(2);",
      'await expect.poll(read, { timeout: 1_000, message }).toBe(2);',
      "expect(status, '').toBe(200);",
      'expect(label, describe(label)).toBe(1);',
      'expect(keys).toEqual(expect.arrayContaining(["sid"]));',
    ].join('\n');
    expect(
      unlabelledAssertions(source).map((found) => `${found.line}: ${found.text}`),
      'unlabelled calls found in the sample',
    ).toEqual([
      '1: expect(task.priority)',
      '4: expect.soft(flow.status)',
      '6: expect.poll(read, { timeout: 1_000 })',
      "9: expect(status, '')",
      '11: expect(keys)',
    ]);
  });
});
