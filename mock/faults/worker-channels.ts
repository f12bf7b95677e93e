import type { FaultSpec } from './fault';

/** Deliberate bugs in a worker's per-channel capacity (multi-tasking). */
export const workerChannelFaults = [
  {
    name: 'worker-channel-capacity-ignored',
    description:
      "A multi-tasking worker takes one task per Task Channel whatever its WorkerChannel's Capacity.",
    trips: ['TR-WORKER-CHANNEL-CAPACITY'],
    behaviour: { taskRouter: { honoursWorkerChannelCapacity: false } },
  },
] as const satisfies readonly FaultSpec[];
