import fc from 'fast-check';
import { MAX_PRIORITY, outOfRangePriority, priority } from '../../generators/taskrouter';
import { scaled, weights } from '../properties';
import { expect, recordObservation, test, verifies } from './fixtures';

test.describe('task priority values', () => {
  test(
    'any priority from 0 to 2,147,483,647 is accepted on create and reported as sent',
    verifies('TR-PRIORITY-RANGE'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(priority(), async (value) => {
          const task = await scene.task({ Priority: value });
          expect(task.priority, 'priority of the created task against the Priority sent').toBe(value);
          expect(
            (await scene.workspace.fetchTask(task.sid)).json.priority,
            'priority of the fetched task against the Priority sent',
          ).toBe(value);
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'any priority from 0 to 2,147,483,647 is accepted on update and reported as sent',
    verifies('TR-PRIORITY-RANGE'),
    async ({ scene }) => {
      const task = await scene.task();
      await fc.assert(
        fc.asyncProperty(priority(), async (value) => {
          const response = await scene.workspace.updateTask(task.sid, { Priority: value });
          expect(response.status, 'workspace.updateTask(…) status').toBe(200);
          expect(response.json.priority, 'priority of the updated task against the Priority sent').toBe(
            value,
          );
        }),
        scaled(weights.request),
      );
    },
  );

  test(
    'a priority outside 0..2,147,483,647, or no integer ("1.5", "1e3", ""), is never stored as sent: the task reports an integer in range',
    verifies('TR-PRIORITY-RANGE'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(outOfRangePriority(), async (value) => {
          const response = await scene.workspace.createTask({
            WorkflowSid: scene.workflowSid,
            Priority: value,
          });
          if (response.status >= 400) return;
          expect(Number.isInteger(response.json.priority), 'the task priority is an integer').toBe(true);
          expect(
            response.json.priority,
            'priority of a task sent an out-of-range Priority: at least 0',
          ).toBeGreaterThanOrEqual(0);
          expect(
            response.json.priority,
            'priority of a task sent an out-of-range Priority: at most 2,147,483,647',
          ).toBeLessThanOrEqual(MAX_PRIORITY);
        }),
        scaled(weights.request),
      );
    },
  );

  for (const [label, value] of [
    ['negative (-1)', '-1'],
    ['2^31 (2147483648)', '2147483648'],
    ['non-numeric ("abc")', 'abc'],
  ] as const) {
    test(
      `how a ${label} priority is handled: observed`,
      verifies('TR-PRIORITY-OUT-OF-RANGE'),
      async ({ scene }, testInfo) => {
        const response = await scene.workspace.createTask({
          WorkflowSid: scene.workflowSid,
          Priority: value,
        });
        const code = (response.json as { code?: unknown } | undefined)?.code;
        const reading =
          response.status >= 400
            ? `refused-${response.status}-${String(code)}`
            : String(response.json.priority) === value
              ? 'stored-as-sent'
              : `stored-as-${String(response.json.priority)}`;
        recordObservation(testInfo, 'TR-PRIORITY-OUT-OF-RANGE', reading);
        expect(response.status, 'a documented outcome: a 2xx task or a 4xx refusal').toBeLessThan(500);
      },
    );
  }

  test(
    'a Workflow target with a priority overrides the priority sent with the task',
    verifies('TR-WORKFLOW-TARGET-PRIORITY-OVERRIDES'),
    async ({ scene }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 1000 }),
          fc.integer({ min: 0, max: 1000 }),
          async (sent, targetPriority) => {
            fc.pre(sent !== targetPriority);
            const workflow = await scene.workspace.createWorkflow({
              FriendlyName: `target priority ${targetPriority}`,
              Configuration: JSON.stringify({
                task_routing: {
                  filters: [
                    {
                      filter_friendly_name: 'urgent',
                      expression: 'urgent == true',
                      targets: [{ queue: scene.queueSid, priority: targetPriority }],
                    },
                  ],
                  default_filter: { queue: scene.queueSid },
                },
              }),
            });
            expect(workflow.status, 'workspace.createWorkflow(…) status').toBe(201);
            const task = await scene.workspace.task({
              WorkflowSid: workflow.json.sid,
              Attributes: '{"urgent":true}',
              Priority: sent,
            });
            expect(
              (await scene.workspace.fetchTask(task.sid)).json.priority,
              "priority of the task against the Workflow target's priority",
            ).toBe(targetPriority);
          },
        ),
        scaled(weights.request),
      );
    },
  );
});
