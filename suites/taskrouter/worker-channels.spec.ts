import { expect, test, verifies } from './fixtures';

test.describe("a worker's channels (multi-tasking)", () => {
  test(
    'a worker whose default WorkerChannel has Capacity 2 is offered 2 of 3 waiting tasks',
    verifies('TR-WORKER-CHANNEL-CAPACITY'),
    async ({ taskRouter, timing }) => {
      const workspace = await taskRouter.workspace({ MultiTaskEnabled: true });
      const workflowSid = await workspace.assignToAnyone(
        await workspace.createQueue({ FriendlyName: 'everyone' }),
      );
      const worker = await workspace.createWorker({ FriendlyName: 'multi-tasking agent' });
      const channel = await workspace.post<{ configured_capacity: number }>(
        `/Workers/${worker.sid}/Channels/default`,
        { Capacity: 2 },
      );
      expect(channel.status, 'POST /Workers/…/Channels/default status').toBe(200);
      expect(channel.json.configured_capacity, "configured_capacity of the worker's default channel").toBe(2);
      for (let i = 0; i < 3; i++) await workspace.task({ WorkflowSid: workflowSid });
      await workspace.setActivity(worker.sid, 'Available');
      await timing.quietPeriod();
      const offered = 'reservations offered to a worker of capacity 2 with 3 tasks waiting';
      await expect
        .poll(async () => (await workspace.reservationsOf(worker.sid, 'pending')).length, {
          timeout: timing.assignWithinMs,
          message: offered,
        })
        .toBe(2);
    },
  );
});
