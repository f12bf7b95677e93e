import { runIdOfName } from '../../../targets/twilio/run-tag';
import type { SimulatedTwilio } from './simulated-twilio';

interface FlexFlowRecord {
  sid: string;
  friendly_name: string;
}

/** Every Flex Flow on the simulated account. */
export async function flexFlowsOnAccount(staging: SimulatedTwilio): Promise<FlexFlowRecord[]> {
  const { json } = await staging.call('flex-api', 'GET', '/v1/FlexFlows?PageSize=1000');
  return (json.flex_flows ?? []) as FlexFlowRecord[];
}

/** The account's Flex Flows that carry a run tag (of any run, or of one). */
export async function taggedFlexFlows(staging: SimulatedTwilio, runId?: string): Promise<FlexFlowRecord[]> {
  return (await flexFlowsOnAccount(staging)).filter((flow) => {
    const tag = runIdOfName(flow.friendly_name);
    return tag !== undefined && (runId === undefined || tag === runId);
  });
}

/** Creates a Flex Flow straight on the account (what someone else, or an earlier run, made). */
export async function seedFlexFlow(staging: SimulatedTwilio, friendlyName: string): Promise<string> {
  const { status, json } = await staging.call('flex-api', 'POST', '/v1/FlexFlows', {
    FriendlyName: friendlyName,
    ChatServiceSid: `IS${'2'.repeat(32)}`,
    ChannelType: 'sms',
    IntegrationType: 'external',
    'Integration.Url': 'https://example.com/production-hook',
  });
  if (status >= 300) throw new Error(`seeding ${friendlyName}: ${status} ${JSON.stringify(json)}`);
  return String(json.sid);
}

/** The run id the CLI announced (`named flexconf-<run id>-…`). */
export function announcedRunId(stdout: string): string {
  const match = /named flexconf-([0-9a-f]{8})-/.exec(stdout);
  if (!match?.[1]) throw new Error(`no run tag announced in:\n${stdout}`);
  return match[1];
}
