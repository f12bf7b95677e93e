import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { finished } from '../cli/cli-fixtures';
import { scratchDir } from '../scratch';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ActionInput {
  readonly description?: string;
  readonly required?: boolean;
  readonly default?: string;
}
export interface ActionStep {
  readonly name?: string;
  readonly id?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly 'working-directory'?: string;
}
export interface ActionMetadata {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, ActionInput>>;
  readonly outputs: Readonly<Record<string, { readonly description?: string; readonly value: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

export const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionMetadata;

export interface ActionRun {
  /** The exit code of the step that failed, or 0 when every step passed. */
  readonly code: number | null;
  readonly outputs: Readonly<Record<string, string>>;
  /** What the steps appended to $GITHUB_STEP_SUMMARY. */
  readonly summary: string;
  readonly log: string;
  readonly workspace: string;
}

/**
 * Runs action.yml's steps as a GitHub runner runs a composite action: each `run` with
 * `bash --noprofile --norc -eo pipefail`, its `env` and `working-directory` evaluated, the runner's
 * files ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY) and variables set; stops at the first failing step.
 * Expressions other than `inputs.*` and `github.action_path` are refused: the action needs no more.
 */
export async function runAction(
  inputs: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv,
  workspace = scratchDir('workspace'),
): Promise<ActionRun> {
  const runner = scratchDir('runner');
  const files = { output: join(runner, 'output'), summary: join(runner, 'summary') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'github.action_path') return root;
      const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
      if (input === undefined || !(input in action.inputs))
        throw new Error(`action.yml: unexpected expression \${{ ${expression} }}`);
      return inputs[input] ?? action.inputs[input]?.default ?? '';
    });
  let log = '';
  for (const step of action.runs.steps) {
    const script = join(runner, 'step.sh');
    writeFileSync(script, evaluate(step.run ?? ''));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v)]));
    const cwd = step['working-directory']
      ? resolve(workspace, evaluate(step['working-directory']))
      : workspace;
    const result = await bash(script, cwd, {
      ...env,
      ...stepEnv,
      GITHUB_ACTION_PATH: root,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: runner,
    });
    log += result.output;
    if (result.code !== 0) return finish(result.code);
  }
  return finish(0);

  function finish(code: number | null): ActionRun {
    const outputs = Object.fromEntries(
      readFileSync(files.output, 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { code, outputs, summary: readFileSync(files.summary, 'utf8'), log, workspace };
  }
}

async function bash(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  const result = await finished(
    spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env }),
  );
  return { code: result.code, output: result.stdout + result.stderr };
}
