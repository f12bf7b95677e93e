import type { ProviderClient } from './provider-client';

/** What a provider state hands the interaction (substituted into `${name}` expressions), and how to undo it. */
export interface StateSetup {
  readonly values: Readonly<Record<string, string>>;
  readonly teardown: () => Promise<void>;
}

/**
 * The provider states the published pacts name, each set up through the target's own public API
 * (an implementation, like a real account, will not let us choose a SID):
 * - "the account can create Flex Flows" ({purpose}): returns `friendlyName`, a name of this run;
 *   afterwards every Flex Flow with that name is deleted.
 * - "a Flex Flow exists" (the create parameters): creates one with POST /v1/FlexFlows and returns
 *   its `sid` and `friendlyName`; afterwards it is deleted (a 404 is fine: the interaction may have).
 * - "no Flex Flow FO… exists": deletes that Flex Flow if the target has it; returns nothing.
 */
export async function setUpState(
  name: string,
  params: Readonly<Record<string, unknown>> | undefined,
  client: ProviderClient,
  runTag: string,
): Promise<StateSetup> {
  if (name === 'the account can create Flex Flows') {
    const friendlyName = `flexconf-pact-${runTag}-${String(params?.purpose ?? 'create')}`;
    return { values: { friendlyName }, teardown: () => deleteFlowsNamed(client, friendlyName) };
  }
  if (name === 'a Flex Flow exists') {
    const friendlyName = `flexconf-pact-${runTag}-existing`;
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(params ?? {})) {
      if (['string', 'number', 'boolean'].includes(typeof value)) form.set(key, String(value));
    }
    form.set('FriendlyName', friendlyName);
    const created = await client.send('POST', '/v1/FlexFlows', form.toString());
    const sid = (created.json as { sid?: unknown } | undefined)?.sid;
    if (created.status !== 201 || typeof sid !== 'string') {
      throw new Error(`POST /v1/FlexFlows answered ${created.status} ${created.text.slice(0, 200)}`);
    }
    return {
      values: { sid, friendlyName },
      teardown: async () => {
        await client.send('DELETE', `/v1/FlexFlows/${sid}`);
      },
    };
  }
  const missing = /^no Flex Flow (FO[0-9a-fA-F]{32}) exists$/.exec(name);
  if (missing) {
    const path = `/v1/FlexFlows/${missing[1]}`;
    const found = await client.send('GET', path);
    if (found.status === 200) await client.send('DELETE', path);
    else if (found.status !== 404) throw new Error(`GET ${path} answered ${found.status}`);
    return { values: {}, teardown: async () => {} };
  }
  throw new Error(`provider state "${name}" is not one flex-conformance knows how to set up`);
}

async function deleteFlowsNamed(client: ProviderClient, friendlyName: string): Promise<void> {
  const page = await client.send(
    'GET',
    `/v1/FlexFlows?${new URLSearchParams({ FriendlyName: friendlyName })}`,
  );
  const flows = (page.json as { flex_flows?: Array<{ sid?: string }> } | undefined)?.flex_flows ?? [];
  for (const flow of flows) if (flow.sid) await client.send('DELETE', `/v1/FlexFlows/${flow.sid}`);
}
