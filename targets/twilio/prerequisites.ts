import { ruleById } from '../../contracts/rules';
import { coversProgrammableChat } from '../../contracts/rules/lifecycle';
import type { RuleSpec } from '../../contracts/rules/types';
import type { ApiResponse, TwilioApi } from '../http/client';
import { maskSid } from '../http/credentials';
import {
  ConfigError,
  type EndOfLifeAnswer,
  type PrerequisiteName,
  type Prerequisites,
  type TargetKind,
} from '../types';
import { needsOf } from './rule-venues';

/** Targets the checks provision themselves (the mock, another implementation): nothing to discover. */
export const provisioned: Prerequisites = { source: 'provisioned', missing: {} };

const endOfLifeWords =
  /end[ -]of[ -]life|\bEOL\b|sunset|no longer (available|supported|offered)|discontinued|retired/i;

/**
 * Whether an answer says Programmable Chat for Flex has reached its end: 410 Gone, or an error
 * whose message speaks of end of life (what the API does after the date is undocumented, A5).
 */
export function endOfLifeAnswer(method: string, url: string, response: Pick<ApiResponse, 'status' | 'text'>) {
  const { status, text } = response;
  const refused =
    status === 410 || (status >= 400 && status !== 401 && status !== 429 && endOfLifeWords.test(text));
  return refused ? ({ method, url, status, body: text.slice(0, 600) } satisfies EndOfLifeAnswer) : undefined;
}

/** One line of evidence: the request and what the account answered. */
export function describeAnswer(answer: EndOfLifeAnswer): string {
  return `${answer.method} ${answer.url} answered ${answer.status} ${answer.body.replace(/\s+/g, ' ').trim()}`;
}

interface FlexConfiguration {
  account_sid?: string;
  taskrouter_workspace_sid?: string | null;
  chat_service_instance_sid?: string | null;
}

/**
 * What a real account offers the checks: the Flex workspace (from the Flex configuration) with its
 * workflows and task channels, the Flex chat service, and whether Programmable Chat for Flex still
 * answers. Refuses an account other than the one the run was told to use.
 */
export async function discoverPrerequisites(
  api: TwilioApi,
  options: {
    readonly voiceNumber?: string;
    readonly smsNumbers?: readonly string[];
    readonly publicUrl?: string;
  } = {},
): Promise<Prerequisites> {
  const missing: Partial<Record<PrerequisiteName, string>> = {};
  const expected = api.target.credentials.accountSid;
  const configuration = await api.get<FlexConfiguration>('flex-api', '/v1/Configuration');
  if (
    configuration.status === 200 &&
    configuration.json?.account_sid &&
    configuration.json.account_sid !== expected
  ) {
    throw new ConfigError(
      `the credentials reach account ${maskSid(configuration.json.account_sid)}, not ${maskSid(expected)} (--account): refusing to run`,
    );
  }
  const flexConfiguration = configuration.status === 200 ? configuration.json : undefined;
  if (!flexConfiguration) {
    const why = `the account has no Flex configuration (GET /v1/Configuration answered ${configuration.status})`;
    missing['flex-workspace'] = why;
    missing['chat-service'] = why;
  }

  let flexWorkspace: Prerequisites['flexWorkspace'];
  const workspaceSid = flexConfiguration?.taskrouter_workspace_sid;
  if (flexConfiguration && !workspaceSid)
    missing['flex-workspace'] = 'the Flex configuration names no TaskRouter workspace';
  if (workspaceSid) {
    const workflows = await api.get<{ workflows?: { sid: string; friendly_name: string }[] }>(
      'taskrouter',
      `/v1/Workspaces/${workspaceSid}/Workflows`,
      { query: { PageSize: 50 } },
    );
    const channels = await api.get<{ channels?: { unique_name: string }[] }>(
      'taskrouter',
      `/v1/Workspaces/${workspaceSid}/TaskChannels`,
      { query: { PageSize: 50 } },
    );
    const workflowList = workflows.json?.workflows ?? [];
    const channelNames = (channels.json?.channels ?? []).map((channel) => channel.unique_name);
    if (workflows.status !== 200 || workflowList.length === 0) {
      missing['flex-workspace'] =
        `the Flex workspace ${workspaceSid} has no workflow (GET …/Workflows answered ${workflows.status})`;
    } else if (channels.status !== 200 || channelNames.length === 0) {
      missing['flex-workspace'] =
        `the Flex workspace ${workspaceSid} has no task channel (GET …/TaskChannels answered ${channels.status})`;
    }
    flexWorkspace = {
      sid: workspaceSid,
      workflows: workflowList.map((workflow) => ({
        sid: workflow.sid,
        friendlyName: workflow.friendly_name,
      })),
      taskChannels: channelNames,
    };
  }

  let endOfLife: EndOfLifeAnswer | undefined;
  const chatServiceSid = flexConfiguration?.chat_service_instance_sid ?? undefined;
  if (flexConfiguration && !chatServiceSid)
    missing['chat-service'] = 'the Flex configuration names no chat service';
  if (chatServiceSid) {
    const path = `/v2/Services/${chatServiceSid}`;
    const service = await api.get('chat', path);
    endOfLife = endOfLifeAnswer('GET', `https://chat.twilio.com${path}`, service);
    if (service.status !== 200 && !endOfLife) {
      missing['chat-service'] =
        `the Flex chat service ${chatServiceSid} does not answer (GET ${path} answered ${service.status})`;
    }
  }
  const flexFlows = await api.get('flex-api', '/v1/FlexFlows', { query: { PageSize: 1 } });
  endOfLife ??= endOfLifeAnswer('GET', 'https://flex-api.twilio.com/v1/FlexFlows?PageSize=1', flexFlows);

  if (!options.voiceNumber)
    missing['voice-number'] = 'no --voice-number: voice checks need a phone number the run may call';
  if (!options.smsNumbers)
    missing['sms-numbers'] =
      'no --sms-numbers: inbound SMS checks need two numbers of the account to point at the Flex Proxy Service and message';
  if (!options.publicUrl)
    missing['public-url'] =
      'no --public-url: checks the account calls back (widget requests, webhooks) need a tunnel to --stub-port';
  return {
    source: 'discovered',
    ...(flexWorkspace ? { flexWorkspace } : {}),
    ...(chatServiceSid ? { chatServiceSid } : {}),
    missing,
    ...(endOfLife ? { endOfLife } : {}),
  };
}

/**
 * Why a check of these rules cannot run on this target, or undefined when it can: every rule is for
 * other target kinds, Programmable Chat for Flex answered that it reached end of life, or a
 * prerequisite is missing.
 */
export function prerequisiteSkip(
  ruleIds: readonly string[],
  prerequisites: Prerequisites,
  targetKind: TargetKind,
): string | undefined {
  const rules = ruleIds.map((id) => ruleById(id)).filter((rule): rule is RuleSpec => rule !== undefined);
  if (rules.length === 0) return undefined;
  const elsewhere = rules.every(
    (rule) => rule.appliesTo?.targets && !rule.appliesTo.targets.includes(targetKind),
  );
  if (elsewhere) {
    const reasons = [...new Set(rules.flatMap((rule) => rule.appliesTo?.targetsReason ?? []))];
    return `only observable on ${[...new Set(rules.flatMap((rule) => rule.appliesTo?.targets ?? []))].join(' or ')} targets${reasons.length ? `: ${reasons.join('; ')}` : ''}`;
  }
  if (prerequisites.endOfLife && rules.some(coversProgrammableChat)) {
    return `Programmable Chat for Flex has reached end of life on this account: ${describeAnswer(prerequisites.endOfLife)}`;
  }
  for (const rule of rules) {
    for (const need of needsOf(rule)) {
      const why = prerequisites.missing[need];
      if (why) return `prerequisite ${need} missing: ${why}`;
    }
  }
  return undefined;
}
