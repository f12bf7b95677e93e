import type { TestInfo } from '@playwright/test';
import fc from 'fast-check';
import {
  type AvailableFilterValue,
  availableFilterValue,
  workerActivities,
} from '../../generators/taskrouter';
import type { Workspace } from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

interface Activity {
  readonly sid: string;
  readonly friendly_name: string;
  readonly available: boolean;
}

/** Every activity of the workspace, as its list gives them. */
async function activitiesOf(workspace: Workspace): Promise<Activity[]> {
  const { status, json } = await workspace.get<{ activities: Activity[] }>('/Activities', { PageSize: 1000 });
  expect(status, 'GET /Activities status').toBe(200);
  return json.activities;
}

/** The SIDs a list of `path` filtered by `query` gives, from its `key`. */
async function listed(workspace: Workspace, path: string, key: string, query: Record<string, string>) {
  const { status, json } = await workspace.get<Record<string, { sid: string }[]>>(path, {
    ...query,
    PageSize: 1000,
  });
  expect(status, `GET ${path} status`).toBe(200);
  return (json[key] ?? []).map((item) => item.sid).sort();
}

/**
 * What an Available filter selects, from the availability of each listed item: the documented values
 * gate; a documented true value in another spelling reports the reading the target follows.
 */
function expectAvailableSelected(
  testInfo: TestInfo,
  value: AvailableFilterValue,
  sids: readonly string[],
  availableOf: ReadonlyMap<string, boolean>,
  label: string,
) {
  const of = (available: boolean) => [...availableOf].filter(([, a]) => a === available).map(([sid]) => sid);
  const [availableSids, unavailableSids] = [of(true).sort(), of(false).sort()];
  if (value.asks === 'undocumented') {
    const reading = sids.length > 0 && sids.every((sid) => availableOf.get(sid) === true);
    observeReading(testInfo, 'TR-LIST-AVAILABLE', reading ? 'any-case' : 'documented-spellings');
    expect([availableSids, unavailableSids], `${label}: the available ones or the others`).toContainEqual([
      ...sids,
    ]);
    return;
  }
  const wanted = value.asks === 'available' ? availableSids : unavailableSids;
  expect(sids, `${label}: every ${value.asks} one and no other`).toEqual(wanted);
}

test.describe('reading workers and activities by availability', () => {
  test(
    'Available=true, 1 or yes lists the workers in an available activity; false or any other value the others',
    verifies('TR-LIST-AVAILABLE'),
    async ({ taskRouter }, testInfo) => {
      const workspace = await taskRouter.workspace();
      const availableOf = new Map<string, boolean>();
      for (const [i, activity] of (await activitiesOf(workspace)).entries()) {
        const worker = await workspace.createWorker({
          FriendlyName: `worker ${i}`,
          ActivitySid: activity.sid,
        });
        availableOf.set(worker.sid, activity.available);
      }
      await fc.assert(
        fc.asyncProperty(availableFilterValue(), async (value) => {
          const sids = await listed(workspace, '/Workers', 'workers', { Available: value.text });
          expectAvailableSelected(testInfo, value, sids, availableOf, `Workers?Available=${value.text}`);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'Available=true, 1 or yes lists the available activities; false or any other value the others',
    verifies('TR-LIST-AVAILABLE'),
    async ({ taskRouter }, testInfo) => {
      const workspace = await taskRouter.workspace();
      const availableOf = new Map<string, boolean>();
      for (const activity of await activitiesOf(workspace)) availableOf.set(activity.sid, activity.available);
      await fc.assert(
        fc.asyncProperty(availableFilterValue(), async (value) => {
          const sids = await listed(workspace, '/Activities', 'activities', { Available: value.text });
          expectAvailableSelected(testInfo, value, sids, availableOf, `Activities?Available=${value.text}`);
        }),
        scaled(weights.request),
      );
    },
  );
});

test.describe('reading workers by activity', () => {
  for (const [filter, filterValue] of [
    ['ActivitySid', (activity: Activity) => activity.sid],
    ['ActivityName', (activity: Activity) => activity.friendly_name],
  ] as const) {
    test(
      `${filter} lists exactly the workers in that activity, for every activity of the workspace`,
      verifies('TR-LIST-WORKER-ACTIVITY'),
      async ({ taskRouter }) => {
        const workspace = await taskRouter.workspace();
        const activities = await activitiesOf(workspace);
        const activityOf = new Map<string, string>();
        const addWorker = async (activity: Activity) => {
          const worker = await workspace.createWorker({
            FriendlyName: `worker ${activityOf.size}`,
            ActivitySid: activity.sid,
          });
          activityOf.set(worker.sid, activity.sid);
        };
        // a worker in every activity from the first case: a filter that also selects a nearly
        // matching activity (Available, Unavailable) then always has a worker to show it
        for (const activity of activities) await addWorker(activity);
        await fc.assert(
          fc.asyncProperty(workerActivities(activities.length), async (choices) => {
            for (const choice of choices) await addWorker(activities[choice] as Activity);
            for (const activity of activities) {
              const sids = await listed(workspace, '/Workers', 'workers', {
                [filter]: filterValue(activity),
              });
              const wanted = [...activityOf]
                .filter(([, sid]) => sid === activity.sid)
                .map(([worker]) => worker);
              expect(sids, `Workers?${filter}=${filterValue(activity)}: its workers and no other`).toEqual(
                wanted.sort(),
              );
            }
          }),
          scaled(weights.resource),
        );
      },
    );
  }
});
