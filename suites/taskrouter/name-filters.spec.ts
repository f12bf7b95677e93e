import type { TestInfo } from '@playwright/test';
import fc from 'fast-check';
import { nearlyCollidingTaskRouterNames } from '../../generators/taskrouter';
import { assignToAnyoneWorkflow, type Workspace } from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

/** Whether two names differ only in letter case (by either case mapping). */
const caseVariants = (a: string, b: string) =>
  a !== b && (a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase());

/** A resource listed by FriendlyName: how a check creates one, and where its list keeps them. */
interface NamedResource {
  readonly path: '/Workers' | '/Workflows' | '/Activities';
  readonly key: 'workers' | 'workflows' | 'activities';
  readonly rule: 'TR-LIST-WORKER-NAME' | 'TR-LIST-FRIENDLY-NAME';
  /** Creates one of that name in the workspace; returns its SID. */
  create(workspace: Workspace, name: string): Promise<string>;
}

async function created(response: Promise<{ status: number; json: { sid: string } }>, what: string) {
  const { status, json } = await response;
  expect(status, `POST ${what} status`).toBe(201);
  return json.sid;
}

const workers: NamedResource = {
  path: '/Workers',
  key: 'workers',
  rule: 'TR-LIST-WORKER-NAME',
  create: (workspace, name) =>
    created(workspace.post<{ sid: string }>('/Workers', { FriendlyName: name }), '/Workers'),
};

/** Workflows of one queue's "Assign to Anyone" shape, the queue created with the first. */
function workflows(): NamedResource {
  let queue: Promise<string> | undefined;
  return {
    path: '/Workflows',
    key: 'workflows',
    rule: 'TR-LIST-FRIENDLY-NAME',
    create: async (workspace, name) => {
      queue ??= workspace.createQueue({ FriendlyName: 'everyone' });
      return created(workspace.createWorkflow(assignToAnyoneWorkflow(await queue, name)), '/Workflows');
    },
  };
}

const activities: NamedResource = {
  path: '/Activities',
  key: 'activities',
  rule: 'TR-LIST-FRIENDLY-NAME',
  create: (workspace, name) =>
    created(
      workspace.post<{ sid: string }>('/Activities', { FriendlyName: name, Available: 'false' }),
      '/Activities',
    ),
};

/**
 * For nearly colliding names, in a new workspace: a resource named as the first, filtered by. Where the
 * second name differs only in letter case (Worker names are unique regardless of case) the filter
 * is the second name and whether it lists the first is the reading observed; otherwise a resource
 * is named as the second too, and only the first is listed.
 */
async function checkNameFilter(workspace: Workspace, resource: NamedResource, testInfo: TestInfo) {
  let round = 0;
  await fc.assert(
    fc.asyncProperty(nearlyCollidingTaskRouterNames(), async ([a, b]) => {
      round++;
      const [first, second] = [`${round} ${a}`, `${round} ${b}`];
      const firstSid = await resource.create(workspace, first);
      const caseOnly = caseVariants(first, second);
      const secondSid = caseOnly ? undefined : await resource.create(workspace, second);
      const filter = caseOnly ? second : first;
      const { status, json } = await workspace.get<Record<string, { sid: string }[]>>(resource.path, {
        FriendlyName: filter,
        PageSize: 1000,
      });
      expect(status, `GET ${resource.path} status`).toBe(200);
      const listed = (json[resource.key] ?? []).map((item) => item.sid);
      const label = `${resource.path}?FriendlyName=${filter}`;
      if (caseOnly) {
        observeReading(
          testInfo,
          resource.rule,
          listed.includes(firstSid) ? 'case-insensitive' : 'case-sensitive',
        );
        expect(
          listed.filter((sid) => sid !== firstSid),
          `${label}: nothing else`,
        ).toEqual([]);
      } else {
        expect(
          listed,
          `${label}: the one named as filtered, and not ${JSON.stringify(second)} (${secondSid})`,
        ).toEqual([firstSid]);
      }
    }),
    scaled(weights.resource),
  );
}

test.describe('reading workers, workflows and activities by FriendlyName', () => {
  test(
    'Workers?FriendlyName lists the worker of that name and not one whose name nearly collides',
    verifies('TR-LIST-WORKER-NAME'),
    async ({ taskRouter }, testInfo) => {
      await checkNameFilter(await taskRouter.workspace(), workers, testInfo);
    },
  );

  test(
    'Workflows?FriendlyName lists the workflow of that name and not one whose name nearly collides',
    verifies('TR-LIST-FRIENDLY-NAME'),
    async ({ taskRouter }, testInfo) => {
      await checkNameFilter(await taskRouter.workspace(), workflows(), testInfo);
    },
  );

  test(
    'Activities?FriendlyName lists the activity of that name and not one whose name nearly collides',
    verifies('TR-LIST-FRIENDLY-NAME'),
    async ({ taskRouter }, testInfo) => {
      await checkNameFilter(await taskRouter.workspace(), activities, testInfo);
    },
  );
});
