import fc from 'fast-check';
import {
  attributeExpression,
  customerAttributes,
  queuePriority,
  statusFilter,
} from '../../generators/taskrouter';
import { scaled, weights } from '../properties';
import { expect, observeReading, test, verifies } from './fixtures';

test.describe('reading tasks: filters and ordering', () => {
  test(
    'AssignmentStatus, repeated, lists exactly the tasks in the statuses named',
    verifies('TR-LIST-ASSIGNMENT-STATUS'),
    async ({ tasksInEveryStatus }) => {
      const { workspace, statusOf } = tasksInEveryStatus;
      await fc.assert(
        fc.asyncProperty(statusFilter(), async (statuses) => {
          const search = statuses.map((status) => `AssignmentStatus=${status}`).join('&');
          const listed = (await workspace.allTasks(search)).map((task) => task.sid);
          const expected = [...statusOf]
            .filter(([, status]) => statuses.includes(status))
            .map(([sid]) => sid);
          expect(listed.sort(), `tasks listed under ${search}`).toEqual(expected.sort());
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'EvaluateTaskAttributes lists exactly the tasks whose attributes satisfy the expression',
    verifies('TR-LIST-EVALUATE-TASK-ATTRIBUTES'),
    async ({ taskRouter }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(customerAttributes(), { minLength: 3, maxLength: 6 }),
          fc.array(attributeExpression(), { minLength: 1, maxLength: 4 }),
          async (population, expressions) => {
            const scene = await taskRouter.routingScene();
            const created = [];
            for (const attributes of population) {
              created.push({
                sid: (await scene.task({ Attributes: JSON.stringify(attributes) })).sid,
                attributes,
              });
            }
            for (const expression of expressions) {
              const search = new URLSearchParams({ EvaluateTaskAttributes: expression.text }).toString();
              const listed = (await scene.workspace.allTasks(search)).map((task) => task.sid);
              const expected = created
                .filter((task) => expression.holds(task.attributes))
                .map((task) => task.sid);
              expect(listed.sort(), expression.text).toEqual(expected.sort());
            }
          },
        ),
        scaled(weights.resource),
      );
    },
  );

  test(
    'Ordering=Priority:desc,DateCreated:asc lists by descending priority, oldest first within a priority',
    verifies('TR-LIST-ORDERING'),
    async ({ taskRouter }) => {
      await fc.assert(
        fc.asyncProperty(fc.array(queuePriority(), { minLength: 2, maxLength: 6 }), async (priorities) => {
          const scene = await taskRouter.routingScene();
          const created = [];
          for (const [order, priority] of priorities.entries()) {
            created.push({ sid: (await scene.task({ Priority: priority })).sid, priority, order });
          }
          const listed = await scene.workspace.allTasks('Ordering=Priority%3Adesc%2CDateCreated%3Aasc');
          const expected = [...created].sort((a, b) => b.priority - a.priority || a.order - b.order);
          expect(
            listed.map((task) => task.sid),
            'order of tasks listed by Priority:desc,DateCreated:asc',
          ).toEqual(expected.map((task) => task.sid));
        }),
        scaled(weights.resource),
      );
    },
  );

  test('without Ordering tasks are listed oldest first', verifies('TR-LIST-ORDERING'), async ({ scene }) => {
    const created = [];
    for (const priority of [1, 5, 0, 5]) created.push((await scene.task({ Priority: priority })).sid);
    expect(
      (await scene.workspace.allTasks()).map((task) => task.sid),
      'order of tasks listed without Ordering: oldest first',
    ).toEqual(created);
  });

  test(
    'tasks in a list page carry their attributes or null: observed (a fetch always carries them)',
    verifies('TR-ATTRIBUTES-IN-LISTS'),
    async ({ scene }, testInfo) => {
      const attributes = JSON.stringify({ customer: 'alice', topic: 'billing' });
      const task = await scene.task({ Attributes: attributes });
      const [listed] = (await scene.workspace.allTasks()).filter((item) => item.sid === task.sid);
      if (listed?.attributes === null) observeReading(testInfo, 'TR-ATTRIBUTES-IN-LISTS', 'null-in-lists');
      if (listed?.attributes === attributes) {
        observeReading(testInfo, 'TR-ATTRIBUTES-IN-LISTS', 'populated-in-lists');
      }
      expect(
        (await scene.workspace.fetchTask(task.sid)).json.attributes,
        'attributes of the fetched task against those it was created with',
      ).toBe(attributes);
    },
  );
});
