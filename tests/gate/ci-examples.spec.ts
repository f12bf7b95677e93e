/**
 * The workflows in examples/ci/ are meant to be copied as they are: every flex-conformance command
 * they run must use flags the CLI knows, and the example list of expected failures must load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { commands } from '../../cli/commands';
import { readExpectedFailures } from '../../cli/expected-failures';
import { root } from '../twilio-target/support/staging';

const examples = join(root, 'examples/ci');
const workflows = readdirSync(examples).filter((name) => name.endsWith('.yml'));

/** The `npx flex-conformance …` commands of a workflow, with continuation lines joined. */
function conformanceCommands(text: string): string[] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/npx flex-conformance ([^\n|]+)/g)].map((match) =>
    match[1]!.trim().replace(/\s+/g, ' '),
  );
}

test('there are the two workflows: gating an implementation and the nightly staging run', () => {
  expect(workflows.sort()).toEqual(['gate-implementation.yml', 'nightly-staging.yml']);
});

for (const workflow of workflows) {
  test(`${workflow} runs flex-conformance only with flags the CLI knows`, () => {
    const found = conformanceCommands(readFileSync(join(examples, workflow), 'utf8'));
    expect(found.length).toBeGreaterThan(0);
    for (const command of found) {
      const [name = '', ...rest] = command.split(/\s+/);
      const known = commands[name];
      expect(known, `${workflow}: unknown command "${name}"`).toBeDefined();
      for (const flag of rest.filter((word) => word.startsWith('--'))) {
        expect(known!.help, `${workflow}: ${name} ${flag}`).toContain(flag);
      }
    }
  });
}

test('the example list of expected failures is valid', () => {
  const entries = readExpectedFailures(join(examples, 'expected-failures.example.json'));
  expect(entries.length).toBeGreaterThan(0);
});

test('the nightly run records cassettes, diffs against the previous night and cleans up whatever happens', () => {
  const nightly = conformanceCommands(readFileSync(join(examples, 'nightly-staging.yml'), 'utf8'));
  expect(nightly.some((command) => /^run --target twilio --account .* --record /.test(command))).toBe(true);
  expect(nightly.some((command) => command.startsWith('report diff '))).toBe(true);
  expect(nightly.filter((command) => command.startsWith('cleanup --target twilio --account'))).toHaveLength(
    2,
  );
});
