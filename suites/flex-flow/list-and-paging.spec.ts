import fc from 'fast-check';
import {
  friendlyName,
  nearlyCollidingNames,
  validCreate,
  validCreateOfEachType,
} from '../../generators/flex-flow';
import { samplesOf, scaled, weights } from '../properties';
import { expect, test, verifies } from './fixtures';

test.describe('listing and paging Flex Flows', () => {
  test(
    'a list answers 200 with the records under "flex_flows" and meta.key "flex_flows"',
    verifies('FLEXFLOW-LIST-KEY-FLEX-FLOWS'),
    async ({ flexFlows }) => {
      const response = await flexFlows.list({ PageSize: 5 });
      expect(response.status, 'status of a list of flows').toBe(200);
      expect(Array.isArray(response.json.flex_flows), 'flex_flows of a list is an array').toBe(true);
      expect(response.json.meta.key, 'meta.key of a list of flows').toBe('flex_flows');
    },
  );

  test(
    'a created flow of each integration type appears in the list',
    verifies('FLEXFLOW-LIST-CONTAINS-CREATED'),
    async ({ flexFlows }) => {
      const created = [];
      for (const body of samplesOf(validCreateOfEachType(), 1, 31)[0]!)
        created.push((await flexFlows.create(body)).json);
      const pages = await flexFlows.listAllPages({ PageSize: 1000 });
      const listed = pages.flatMap((page) => page.json.flex_flows);
      for (const flow of created)
        expect(
          listed.find((item) => item.sid === flow.sid),
          `created ${flow.integration_type} flow as listed against the one create returned`,
        ).toEqual(flow);
    },
  );

  test(
    'the FriendlyName filter returns exactly the flows with that name',
    verifies('FLEXFLOW-LIST-FILTER-FRIENDLYNAME'),
    async ({ flexFlows }) => {
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(nearlyCollidingNames(), fc.tuple(friendlyName(), friendlyName())),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 3 }),
          async ([nameA, nameB], countA, countB) => {
            fc.pre(nameA !== nameB);
            // flows of earlier runs live until the test ends, so each run names its own
            const [a, b] = [`${round} ${nameA}`, `${round} ${nameB}`];
            round++;
            const create = async (name: string) =>
              (
                await flexFlows.create({
                  ...samplesOf(validCreate(), 1, round)[0]!,
                  FriendlyName: name,
                })
              ).json.sid;
            const sidsA = [];
            for (let i = 0; i < countA; i++) sidsA.push(await create(a));
            for (let i = 0; i < countB; i++) await create(b);
            const pages = await flexFlows.listAllPages({ FriendlyName: flexFlows.nameFor(a) });
            const listed = pages.flatMap((page) => page.json.flex_flows);
            expect(
              listed.map((flow) => flow.sid).sort(),
              'SIDs listed under the FriendlyName filter against the flows of that name',
            ).toEqual(sidsA.sort());
            for (const flow of listed)
              expect(flow.friendly_name, 'friendly_name of a flow listed under the FriendlyName filter').toBe(
                flexFlows.nameFor(a),
              );
          },
        ),
        scaled(weights.resource),
      );
    },
  );

  test(
    'paging with any PageSize returns every matching flow exactly once',
    verifies('FLEXFLOW-PAGING-EVERY-ITEM-ONCE'),
    async ({ flexFlows }) => {
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 12 }),
          fc.integer({ min: 1, max: 5 }),
          async (count, pageSize) => {
            const name = `paging-${round++}`;
            const created: string[] = [];
            for (let i = 0; i < count; i++) {
              created.push(
                (
                  await flexFlows.create({
                    ...samplesOf(validCreate(), 1, round)[0]!,
                    FriendlyName: name,
                  })
                ).json.sid,
              );
            }
            const pages = await flexFlows.listAllPages({
              FriendlyName: flexFlows.nameFor(name),
              PageSize: pageSize,
            });
            for (const page of pages) {
              expect(page.status, 'status of a page of flows').toBe(200);
              expect(page.json.flex_flows.length, 'flows on a page against PageSize').toBeLessThanOrEqual(
                pageSize,
              );
            }
            const listed = pages.flatMap((page) => page.json.flex_flows.map((flow) => flow.sid));
            expect(listed.length, 'no flow listed twice or dropped').toBe(created.length);
            expect(new Set(listed), 'SIDs listed over all pages against the flows created').toEqual(
              new Set(created),
            );
          },
        ),
        scaled(weights.resource),
      );
    },
  );

  test(
    'paging meta carries page, page_size, first/previous/next page URLs, url and key',
    verifies('WIRE-PAGING-META-FIELDS', 'WIRE-PAGING-ENDS-NULL'),
    async ({ flexFlows }) => {
      const name = 'meta';
      for (let i = 0; i < 3; i++)
        await flexFlows.create({
          ...samplesOf(validCreate(), 1, i)[0]!,
          FriendlyName: name,
        });
      const pages = await flexFlows.listAllPages({ FriendlyName: flexFlows.nameFor(name), PageSize: 2 });
      expect(pages, 'pages of 3 flows at PageSize 2').toHaveLength(2);
      const [first, second] = pages.map((page) => page.json.meta);
      for (const meta of [first!, second!]) {
        for (const key of [
          'page',
          'page_size',
          'first_page_url',
          'previous_page_url',
          'url',
          'next_page_url',
          'key',
        ]) {
          expect(meta, key).toHaveProperty(key);
        }
        expect(meta.page_size, 'meta.page_size of a page at PageSize 2').toBe(2);
        expect(new URL(String(meta.url)).pathname, 'path of meta.url').toBe('/v1/FlexFlows');
        expect(new URL(String(meta.first_page_url)).pathname, 'path of meta.first_page_url').toBe(
          '/v1/FlexFlows',
        );
      }
      expect(first!.page, 'meta.page of the first page').toBe(0);
      expect(first!.previous_page_url, 'meta.previous_page_url of the first page').toBeNull();
      expect(typeof first!.next_page_url, 'meta.next_page_url of the first page is a URL').toBe('string');
      expect(second!.page, 'meta.page of the second page').toBe(1);
      expect(second!.next_page_url, 'meta.next_page_url of the last page').toBeNull();
      expect(typeof second!.previous_page_url, 'meta.previous_page_url of the second page is a URL').toBe(
        'string',
      );
    },
  );

  test(
    'without PageSize a page of 51 flows of every integration type holds 50 and meta.page_size is 50',
    verifies('FLEXFLOW-PAGESIZE-DEFAULT-50'),
    async ({ flexFlows }) => {
      const name = 'default-page';
      const ofEachType = samplesOf(validCreateOfEachType(), 51, 37);
      for (let i = 0; i < 51; i++) {
        const types = ofEachType[i]!;
        await flexFlows.create({ ...types[i % types.length]!, FriendlyName: name });
      }
      const response = await flexFlows.list({ FriendlyName: flexFlows.nameFor(name) });
      expect(response.json.meta.page_size, 'meta.page_size of a list without PageSize').toBe(50);
      expect(response.json.flex_flows, 'flows on a page without PageSize').toHaveLength(50);
      expect(
        typeof response.json.meta.next_page_url,
        'meta.next_page_url of a full default page is a URL',
      ).toBe('string');
    },
  );

  test('PageSize 1 and 1000 are accepted', verifies('FLEXFLOW-PAGESIZE-BOUNDS'), async ({ flexFlows }) => {
    for (const pageSize of [1, 1000]) {
      const response = await flexFlows.list({ PageSize: pageSize });
      expect(response.status, `PageSize=${pageSize}`).toBe(200);
      expect(response.json.meta.page_size, `meta.page_size of a list at PageSize=${pageSize}`).toBe(pageSize);
    }
  });

  test(
    'PageSize outside 1..1000 is refused with a 4xx error',
    verifies('FLEXFLOW-PAGESIZE-OUT-OF-RANGE'),
    async ({ flexFlows }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(0, 1001),
            fc.integer({ min: 1001, max: 100_000 }),
            fc.integer({ min: -100, max: 0 }),
          ),
          async (pageSize) => {
            const response = await flexFlows.list({ PageSize: pageSize });
            expect(response.status, `PageSize=${pageSize}`).toBeGreaterThanOrEqual(400);
            expect(response.status, `PageSize=${pageSize}`).toBeLessThan(500);
          },
        ),
        scaled(weights.resource),
      );
    },
  );
});
