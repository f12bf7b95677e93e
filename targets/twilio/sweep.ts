import type { Domain } from '../../contracts/domains';
import { domainOfHost } from '../../contracts/domains';
import type { TwilioApi } from '../http/client';
import { apiOperation } from '../http/rate-limits';
import type { Prerequisites } from '../types';
import { restoreRepointedNumbers } from './repointed-number';
import { runIdOfName } from './run-tag';

/** A kind of resource a run may create, and where to list it. */
interface SweepKind {
  readonly name: string;
  readonly domain: Domain;
  /** The list path, or undefined when the account lacks what it lives in. */
  readonly list: (prerequisites: Prerequisites) => string | undefined;
  /** The run id a listed record is tagged with. */
  readonly tagOf: (record: Record<string, unknown>) => string | undefined;
}

const byName =
  (...fields: string[]) =>
  (record: Record<string, unknown>) =>
    fields.map((field) => runIdOfName(record[field])).find((id) => id !== undefined);

/** A task carries the tag in a top-level string attribute (tasks have no name). */
const byAttributes = (record: Record<string, unknown>) => {
  try {
    const attributes = JSON.parse(String(record.attributes ?? '{}')) as Record<string, unknown>;
    return Object.values(attributes)
      .map(runIdOfName)
      .find((id) => id !== undefined);
  } catch {
    return undefined;
  }
};

const inFlexWorkspace = (collection: string) => (prerequisites: Prerequisites) =>
  prerequisites.flexWorkspace ? `/v1/Workspaces/${prerequisites.flexWorkspace.sid}/${collection}` : undefined;

/**
 * Dependency order: what refers to another resource goes before it (a Flex Flow names a Studio
 * flow and the chat service; a workflow names task queues; a workspace holds everything in it).
 */
export const sweepKinds: readonly SweepKind[] = [
  { name: 'Flex Flow', domain: 'flex-api', list: () => '/v1/FlexFlows', tagOf: byName('friendly_name') },
  {
    name: 'Conversation',
    domain: 'conversations',
    list: () => '/v1/Conversations',
    tagOf: byName('unique_name', 'friendly_name'),
  },
  {
    name: 'chat channel',
    domain: 'chat',
    list: (p) => (p.chatServiceSid && !p.endOfLife ? `/v2/Services/${p.chatServiceSid}/Channels` : undefined),
    tagOf: byName('unique_name', 'friendly_name'),
  },
  { name: 'Studio flow', domain: 'studio', list: () => '/v2/Flows', tagOf: byName('friendly_name') },
  {
    name: 'task in the Flex workspace',
    domain: 'taskrouter',
    list: inFlexWorkspace('Tasks'),
    tagOf: byAttributes,
  },
  {
    name: 'workflow in the Flex workspace',
    domain: 'taskrouter',
    list: inFlexWorkspace('Workflows'),
    tagOf: byName('friendly_name'),
  },
  {
    name: 'task queue in the Flex workspace',
    domain: 'taskrouter',
    list: inFlexWorkspace('TaskQueues'),
    tagOf: byName('friendly_name'),
  },
  {
    name: 'worker in the Flex workspace',
    domain: 'taskrouter',
    list: inFlexWorkspace('Workers'),
    tagOf: byName('friendly_name'),
  },
  {
    name: 'task channel in the Flex workspace',
    domain: 'taskrouter',
    list: inFlexWorkspace('TaskChannels'),
    tagOf: byName('unique_name', 'friendly_name'),
  },
  {
    name: 'TaskRouter workspace',
    domain: 'taskrouter',
    list: () => '/v1/Workspaces',
    tagOf: byName('friendly_name'),
  },
];

export interface SweepOptions {
  /** Only this run's resources; every run's when absent. */
  readonly runId?: string;
  /** Leave resources younger than this alone (a run still in progress). */
  readonly olderThanMs: number;
  readonly now: number;
  readonly dryRun?: boolean;
  /** URLs the run itself noted as created and not deleted, most recent first. */
  readonly noted?: readonly string[];
  readonly log: (line: string) => void;
}

export interface SweepResult {
  readonly deleted: number;
  readonly failed: number;
  /** Answered 405: the API offers no DELETE for it (an Interaction, for one). */
  readonly undeletable: number;
  /** Tagged but too recent, or of another run. */
  readonly spared: number;
  /** Listed without a run tag: never touched. */
  readonly untagged: number;
}

/**
 * Puts back the voice URL of a number a killed run left pointed at a check's flow, then
 * deletes what runs left behind: first what this run noted creating (most recent first), then every
 * listed resource carrying a run tag, kind by kind in dependency order. A resource without the tag
 * is never deleted, whoever created it.
 */
export async function sweep(
  api: TwilioApi,
  prerequisites: Prerequisites,
  options: SweepOptions,
): Promise<SweepResult> {
  const tally = { deleted: 0, failed: 0, undeletable: 0, spared: 0, untagged: 0 };
  const undeletable = new Map<string, number>();
  const remove = async (domain: Domain, url: string, label: string) => {
    if (options.dryRun) {
      options.log(`would delete ${label}`);
      tally.deleted += 1;
      return;
    }
    const response = await api.delete(domain, new URL(url).pathname);
    if (response.status === 405) {
      const { api: kind } = apiOperation('DELETE', domain, url);
      undeletable.set(kind, (undeletable.get(kind) ?? 0) + 1);
      tally.undeletable += 1;
    } else if (response.status < 300 || response.status === 404) {
      if (response.status !== 404) options.log(`deleted ${label}`);
      tally.deleted += response.status === 404 ? 0 : 1;
    } else {
      options.log(`could not delete ${label}: ${response.status} ${response.text.slice(0, 200)}`);
      tally.failed += 1;
    }
  };

  // First, so a number is never left calling a flow the sweep is about to delete.
  await restoreRepointedNumbers(api, options.log, options.dryRun);

  for (const url of options.noted ?? []) {
    const domain = domainOfHost(new URL(url).host);
    if (domain) await remove(domain, url, new URL(url).pathname);
  }

  const cutoff = options.now - options.olderThanMs;
  for (const kind of sweepKinds) {
    const path = kind.list(prerequisites);
    if (!path) continue;
    for (const record of await listAll(api, kind.domain, path)) {
      const runId = kind.tagOf(record);
      if (!runId) {
        tally.untagged += 1;
        continue;
      }
      const created = Date.parse(String(record.date_created ?? ''));
      const tooRecent = !Number.isNaN(created) && created > cutoff;
      if ((options.runId && runId !== options.runId) || tooRecent) {
        tally.spared += 1;
        continue;
      }
      const url =
        typeof record.url === 'string'
          ? record.url
          : `${api.target.baseUrl(kind.domain)}${path}/${record.sid}`;
      await remove(
        kind.domain,
        url,
        `${kind.name} ${record.sid} (run ${runId}, created ${record.date_created ?? '?'})`,
      );
    }
  }
  for (const [kind, count] of undeletable)
    options.log(`not deletable through the API (405): ${kind} ×${count}`);
  return tally;
}

/** Every record of a list, following next_page_url; an API the account does not serve lists nothing. */
async function listAll(api: TwilioApi, domain: Domain, path: string): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let page = await api.get<Record<string, unknown>>(domain, path, { query: { PageSize: 1000 } });
  for (let pages = 0; page.status === 200 && pages < 100; pages++) {
    const meta = (page.json?.meta ?? {}) as { key?: string; next_page_url?: string | null };
    const items = meta.key ? page.json[meta.key] : undefined;
    if (Array.isArray(items)) records.push(...(items as Record<string, unknown>[]));
    if (!meta.next_page_url) break;
    page = await api.follow<Record<string, unknown>>(meta.next_page_url, domain);
  }
  return records;
}
