import { assignToAnyoneWorkflow } from '../drivers/taskrouter';
import { expect, test, verifies } from './fixtures';

test.describe('Workflow TaskReservationTimeout', () => {
  test(
    'a Workflow created without TaskReservationTimeout has 120',
    verifies('TR-WORKFLOW-RESERVATION-TIMEOUT'),
    async ({ scene }) => {
      const response = await scene.workspace.createWorkflow(
        assignToAnyoneWorkflow(scene.queueSid, 'default timeout'),
      );
      expect(response.status, 'workspace.createWorkflow(…) status').toBe(201);
      expect(
        response.json.task_reservation_timeout,
        'task_reservation_timeout of a Workflow created without TaskReservationTimeout',
      ).toBe(120);
    },
  );

  test(
    'TaskReservationTimeout 86,400 is accepted and stored',
    verifies('TR-WORKFLOW-RESERVATION-TIMEOUT'),
    async ({ scene }) => {
      const response = await scene.workspace.createWorkflow({
        ...assignToAnyoneWorkflow(scene.queueSid, 'a day'),
        TaskReservationTimeout: 86_400,
      });
      expect(response.status, 'workspace.createWorkflow(…) status').toBe(201);
      const fetched = await scene.workspace.get(`/Workflows/${response.json.sid}`);
      expect(
        fetched.json.task_reservation_timeout,
        'task_reservation_timeout of a Workflow created with 86,400',
      ).toBe(86_400);
    },
  );

  test(
    'TaskReservationTimeout 86,401 is refused with a 4xx error and creates no Workflow',
    verifies('TR-WORKFLOW-RESERVATION-TIMEOUT'),
    async ({ scene }) => {
      const response = await scene.workspace.createWorkflow({
        ...assignToAnyoneWorkflow(scene.queueSid, 'too long'),
        TaskReservationTimeout: 86_401,
      });
      expect(response.status, 'workspace.createWorkflow(…) status').toBeGreaterThanOrEqual(400);
      expect(response.status, 'workspace.createWorkflow(…) status').toBeLessThan(500);
      const { json } = await scene.workspace.get<{ workflows: { friendly_name: string }[] }>('/Workflows', {
        FriendlyName: 'too long',
      });
      expect(json.workflows, 'Workflows stored after a refused TaskReservationTimeout 86,401').toEqual([]);
    },
  );
});
