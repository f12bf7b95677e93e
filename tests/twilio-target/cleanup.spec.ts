/**
 * What a run creates on a real account is deleted: after each check, at the end of the run (also
 * after failing checks and Ctrl-C), and after a kill by `flex-conformance cleanup`, which deletes
 * only what carries a run tag. A simulated staging account stands in for Twilio (nock, loopback).
 */
import { expect, test } from '@playwright/test';
import { oneWorker } from '../nested-runs';
import { announcedRunId, flexFlowsOnAccount, seedFlexFlow, taggedFlexFlows } from './support/account-state';
import { type SimulatedTwilio, stagingAccountSid, startSimulatedTwilio } from './support/simulated-twilio';
import { killGroup, runCli, scratchDir, startCli, stopStrayRuns, until } from './support/staging';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.afterAll(stopStrayRuns);

const account = ['--target', 'twilio', '--account', stagingAccountSid];
const someoneElses = ['Production SMS flow', 'flexconf-notarun-lookalike', 'Support web chat (flexconf)'];

let staging: SimulatedTwilio;
test.beforeEach(async () => {
  staging = await startSimulatedTwilio();
  for (const name of someoneElses) await seedFlexFlow(staging, name);
});
test.afterEach(async () => {
  await staging.close();
});

const untaggedNames = async () =>
  (await flexFlowsOnAccount(staging))
    .map((flow) => flow.friendly_name)
    .filter((name) => someoneElses.includes(name));

test('cleanup deletes every tagged leftover older than --older-than and leaves untagged resources alone', async () => {
  await seedFlexFlow(staging, 'flexconf-0badc0de-abc123-ff-1 left by a killed run');
  await seedFlexFlow(staging, 'flexconf-0badc0de-abc123-ff-2 left by a killed run');
  await seedFlexFlow(staging, 'flexconf-1234abcd-def456-ff-1 left by another run');
  const result = await runCli(['cleanup', ...account, '--older-than', '0'], staging.url);
  expect(result.code, result.stderr).toBe(0);
  expect(await taggedFlexFlows(staging)).toEqual([]);
  expect((await untaggedNames()).sort()).toEqual([...someoneElses].sort());
  expect(result.stdout).toMatch(
    /cleanup: 3 deleted, 0 failed, 0 tagged but spared .*, \d+ untagged left alone/,
  );
  expect(staging.log.filter((entry) => entry.method === 'DELETE')).toHaveLength(3);
});

test('cleanup --run deletes one run only; --older-than spares a run that may still be going; --dry-run deletes nothing', async () => {
  await seedFlexFlow(staging, 'flexconf-0badc0de-abc123-ff-1 old run');
  await seedFlexFlow(staging, 'flexconf-1234abcd-def456-ff-1 other run');
  const recent = await runCli(['cleanup', ...account, '--older-than', '2h'], staging.url);
  expect(recent.stdout).toMatch(/cleanup: 0 deleted, 0 failed, 2 tagged but spared/);
  const dry = await runCli(['cleanup', ...account, '--older-than', '0', '--dry-run'], staging.url);
  expect(dry.stdout).toMatch(/would delete Flex Flow FO\w+ \(run 0badc0de/);
  expect(await taggedFlexFlows(staging)).toHaveLength(2);
  const one = await runCli(['cleanup', ...account, '--older-than', '0', '--run', '0badc0de'], staging.url);
  expect(one.code, one.stderr).toBe(0);
  expect((await taggedFlexFlows(staging)).map((flow) => flow.friendly_name)).toEqual([
    'flexconf-1234abcd-def456-ff-1 other run',
  ]);
  expect(staging.log.filter((entry) => entry.method === 'DELETE')).toHaveLength(1);
});

test('cleanup refuses an --account other than the credentials and sends nothing', async () => {
  const result = await runCli(
    ['cleanup', '--target', 'twilio', '--account', `AC${'7'.repeat(32)}`, '--older-than', '0'],
    staging.url,
  );
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toEqual([
    'flex-conformance: --account AC****************************7777 is not the account of the credentials (AC****************************5ea1): refusing to run',
  ]);
  expect(staging.log).toEqual([]);
});

test('checks that fail after creating still delete what they created (cleanup after an exception)', async () => {
  await staging.close();
  staging = await startSimulatedTwilio({}, ['flexflow-create-returns-200']);
  for (const name of someoneElses) await seedFlexFlow(staging, name);
  const out = scratchDir('exception');
  const result = await runCli(
    [
      'run',
      ...account,
      ...oneWorker,
      '--grep',
      'WIRE-CREATE-201',
      '--grep',
      'FLEXFLOW-URL-ABSOLUTE',
      '--out',
      out,
    ],
    staging.url,
  );
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(result.stdout).toMatch(/failed must +WIRE-CREATE-201/);
  const creates = staging.log.filter(
    (entry) => entry.operation === 'flex-api /v1/FlexFlows create' && entry.status === 200,
  );
  expect(creates.length).toBeGreaterThan(0);
  expect(await taggedFlexFlows(staging)).toEqual([]);
  expect((await untaggedNames()).sort()).toEqual([...someoneElses].sort());
});

/** A run of the paging rule, long enough (20 runs) to be stopped part-way. */
const startPagingRun = (out: string) =>
  startCli(
    [
      'run',
      ...account,
      ...oneWorker,
      '--grep',
      'FLEXFLOW-PAGING-EVERY-ITEM-ONCE',
      '--runs',
      '20',
      '--out',
      out,
    ],
    staging.url,
  );

test('after Ctrl-C the run deletes what it created before it exits', async () => {
  const out = scratchDir('interrupted');
  const run = startPagingRun(out);
  await until(
    () => staging.log.filter((entry) => entry.operation === 'flex-api /v1/FlexFlows create').length >= 4,
    120_000,
    'the run to create four Flex Flows',
  );
  killGroup(run.child, 'SIGINT');
  const result = await run.done;
  expect(result.stdout).toMatch(/cleanup: \d+ left-over resource\(s\) of run [0-9a-f]{8} deleted/);
  expect(await taggedFlexFlows(staging)).toEqual([]);
  expect((await untaggedNames()).sort()).toEqual([...someoneElses].sort());
});

test('after a kill, a later cleanup finds the run’s leftovers by their tag and deletes them, and nothing else', async () => {
  const out = scratchDir('killed');
  const run = startPagingRun(out);
  await until(
    () =>
      staging.log.filter(
        (entry) => entry.operation === 'flex-api /v1/FlexFlows create' && entry.status === 201,
      ).length >= 4,
    120_000,
    'the run to create four Flex Flows',
  );
  killGroup(run.child, 'SIGKILL');
  await run.done;
  const runId = announcedRunId(run.output.stdout);
  const leftovers = await taggedFlexFlows(staging, runId);
  expect(leftovers.length).toBeGreaterThan(0);

  const cleanup = await runCli(['cleanup', ...account, '--older-than', '0'], staging.url);
  expect(cleanup.code, cleanup.stderr).toBe(0);
  for (const flow of leftovers)
    expect(cleanup.stdout).toContain(`deleted Flex Flow ${flow.sid} (run ${runId}`);
  expect(await taggedFlexFlows(staging)).toEqual([]);
  expect((await untaggedNames()).sort()).toEqual([...someoneElses].sort());
});
