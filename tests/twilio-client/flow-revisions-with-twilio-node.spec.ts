/**
 * The official twilio-node client reading a Studio flow's revisions against the embedded mock:
 * every create and update makes one, each fetched by number, `LatestRevision` or `LatestPublished`.
 */
import { expect, test } from '@playwright/test';
import type twilio from 'twilio';
import { type RunningMock, startMock } from '../../mock/server';
import { localTwilioClient } from './support/local-request-client';

let mock: RunningMock;
let client: twilio.Twilio;

const definition = (description: string) => ({
  description,
  initial_state: 'Trigger',
  flags: { allow_concurrent_calls: true },
  states: [{ name: 'Trigger', type: 'trigger', transitions: [], properties: {} }],
});

test.beforeEach(async () => {
  mock = await startMock();
  client = localTwilioClient(mock.url, mock.credentials);
});

test.afterEach(async () => {
  await mock.close();
});

/** A published flow, then a draft update: revisions 1 (published) and 2 (draft). */
async function revisedFlow() {
  const flow = await client.studio.v2.flows.create({
    friendlyName: 'Revised',
    status: 'published',
    definition: definition('first'),
    commitMessage: 'first',
  });
  await client.studio.v2
    .flows(flow.sid)
    .update({ status: 'draft', definition: definition('second'), commitMessage: 'second' });
  return client.studio.v2.flows(flow.sid);
}

// twilio-node's revision list builds each listed instance without its revision number and throws
// (`revision.toString()` of undefined), so the list is read through the client's own request().
test('every create and update of a flow makes a revision, listed with its number and commit message', async () => {
  const flow = await revisedFlow();
  const { sid } = await flow.fetch();
  const page = await client.request({
    method: 'get',
    uri: `https://studio.twilio.com/v2/Flows/${sid}/Revisions`,
  });
  const revisions = (page.body as { revisions: Array<Record<string, unknown>> }).revisions;
  expect(revisions.map((revision) => [revision.revision, revision.status, revision.commit_message])).toEqual([
    [1, 'published', 'first'],
    [2, 'draft', 'second'],
  ]);
});

test('a revision fetches by number with the definition it had', async () => {
  const flow = await revisedFlow();
  const first = await flow.revisions('1').fetch();
  expect((first.definition as { description: string }).description).toBe('first');
});

test('LatestRevision is the last update and LatestPublished the last published revision', async () => {
  const flow = await revisedFlow();
  const latest = await flow.revisions('LatestRevision').fetch();
  const published = await flow.revisions('LatestPublished').fetch();
  expect([latest.revision, published.revision]).toEqual([2, 1]);
});

test("a revision the flow never had is Twilio's 404 / 20404", async () => {
  const flow = await revisedFlow();
  const missing = await flow
    .revisions('3')
    .fetch()
    .catch((error: unknown) => error);
  expect(missing).toMatchObject({ status: 404, code: 20404 });
});
