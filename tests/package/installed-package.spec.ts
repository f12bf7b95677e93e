/**
 * The package as users get it: packed by npm, installed from the tarball into an empty project
 * (itself a git repository), and run from node_modules, where Playwright does not compile
 * TypeScript: the CLI, a run on the embedded mock, the served mock, and what programs import.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { areas, catalog } from '../../contracts/rules';
import { schemaErrors } from '../../reports/validate';
import type { CliResult } from '../cli/cli-fixtures';
import { scratchDir } from '../scratch';
import { finish, installedCli, installInEmptyProject, packProject, root, userEnv } from './installed-project';

test.describe.configure({ mode: 'serial' });

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
let project = '';
let install: CliResult;

test.beforeAll(async () => {
  // packing type-checks the declarations and installing copies ~180 packages: about a minute on a busy machine
  test.setTimeout(600_000);
  const tarball = await packProject(scratchDir('pack'));
  ({ dir: project, install } = await installInEmptyProject(tarball));
  execFileSync('git', ['init', '--quiet'], { cwd: project });
  execFileSync(
    'git',
    [
      '-c',
      'user.name=u',
      '-c',
      'user.email=u@example.com',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'start',
    ],
    {
      cwd: project,
    },
  );
});

const cli = (args: readonly string[]) => finish(installedCli(project), args, { cwd: project });

test('the tarball installs with strict engine checks: every dependency supports this Node', () => {
  expect(install.code, install.stderr).toBe(0);
  expect(install.stderr).not.toMatch(/EBADENGINE/);
});

test('--version prints the version of the installed package', async () => {
  const result = await cli(['--version']);
  expect(result.stdout).toBe(`flex-conformance ${version}\n`);
});

test('the installed CLI starts from its bundle, kept inside the package', async () => {
  await cli(['--version']);
  const manifest = JSON.parse(
    readFileSync(
      join(
        project,
        'node_modules',
        'flex-conformance',
        'node_modules',
        '.cache',
        'flex-conformance',
        'manifest.json',
      ),
      'utf8',
    ),
  ) as { inputs: string[] };
  expect(manifest.inputs, 'the sources the bundle was built from').toContain('cli/main.ts');
});

test('rules prints the whole catalog from node_modules', async () => {
  const result = await cli(['rules']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain(`\n${catalog.length} rules\n`);
});

test('a --grep run on the embedded mock passes and writes a valid report', async () => {
  test.setTimeout(600_000);
  const result = await cli([
    'run',
    '--grep',
    'FLEXFLOW-CREATE-RETURNS-201',
    '--runs',
    '5',
    '--out',
    'report',
  ]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(project, 'report', 'conformance.json'), 'utf8'));
  expect(schemaErrors(report)).toEqual([]);
  expect(report.rules.find((rule: { id: string }) => rule.id === 'FLEXFLOW-CREATE-RETURNS-201').status).toBe(
    'passed',
  );
});

test('the report names the suite, not the commit of the project it is installed in', () => {
  const report = JSON.parse(readFileSync(join(project, 'report', 'conformance.json'), 'utf8'));
  expect(report.suite).toMatchObject({ name: 'flex-conformance', version, commit: null });
});

test('mock serves Twilio’s API from node_modules', async () => {
  test.setTimeout(120_000);
  const child = spawn(installedCli(project), ['mock', '--port', '0'], { cwd: project, env: userEnv() });
  try {
    let output = '';
    const served = await new Promise<{ url: string; sid: string; token: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /listening on (\S+)\n.*TWILIO_ACCOUNT_SID=(\S+) TWILIO_AUTH_TOKEN=(\S+)/.exec(output);
        if (match) resolve({ url: match[1]!, sid: match[2]!, token: match[3]! });
      });
      child.on('exit', (code) => reject(new Error(`mock exited ${code}: ${output}`)));
    });
    const response = await fetch(`${served.url}/v1/FlexFlows`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${served.sid}:${served.token}`).toString('base64')}`,
        'x-forwarded-host': 'flex-api.twilio.com',
      },
    });
    expect(await response.json()).toMatchObject({ meta: { key: 'flex_flows' }, flex_flows: [] });
  } finally {
    child.kill('SIGTERM');
  }
});

test('a JavaScript program imports the catalog, the catalog as JSON and the report schema', async () => {
  writeFileSync(
    join(project, 'consumer.mjs'),
    `import { createRequire } from 'node:module';
import { areas, catalog, ruleById } from 'flex-conformance';
const require = createRequire(import.meta.url);
const json = require('flex-conformance/catalog.json');
const schema = require('flex-conformance/conformance.schema.json');
console.log(JSON.stringify({ rules: catalog.length, json: json.length, areas, severity: ruleById('FLEXFLOW-CREATE-RETURNS-201').severity, schema: schema.title }));
`,
  );
  const result = await finish(process.execPath, ['consumer.mjs'], { cwd: project });
  expect(result.stderr).toBe('');
  const schema = JSON.parse(readFileSync(join(root, 'reports/schema/conformance.schema.json'), 'utf8'));
  expect(JSON.parse(result.stdout)).toEqual({
    rules: catalog.length,
    json: catalog.length,
    areas,
    severity: 'must',
    schema: schema.title,
  });
});

test('a TypeScript program (nodenext) gets the report type and the rule ids as a union', async () => {
  test.setTimeout(120_000);
  writeFileSync(
    join(project, 'consumer.ts'),
    `import { type ConformanceReport, type RuleId, ruleById } from 'flex-conformance';
export const known: RuleId = 'FLEXFLOW-CREATE-RETURNS-201';
// @ts-expect-error not a rule of the catalog
export const unknown: RuleId = 'NO-SUCH-RULE';
export const verdict = (report: ConformanceReport): string => \`\${report.verdict} \${ruleById(known)?.severity}\`;
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = await finish(process.execPath, [tsc, '-p', '.'], { cwd: project });
  expect(result.stdout + result.stderr).toBe('');
});
