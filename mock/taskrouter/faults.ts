import type { FaultSpec } from '../fault-spec';

/** Deliberate bugs in TaskRouter: the assignment engine, task validation and the task resource. */
export const taskRouterFaults = [
  // ---------------------------------------------------------------- assignment order
  {
    name: 'taskrouter-priority-inverted',
    description: 'Lower priority values are served first (the "0 is the highest priority" reading).',
    trips: ['TR-PRIORITY-HIGHER-FIRST', 'STF-PRIORITY-ORDERS-QUEUE'],
  },
  {
    name: 'taskrouter-ties-lifo',
    description: 'Among tasks of equal priority in a FIFO queue, the newest is served first.',
    trips: ['TR-PRIORITY-TIES-OLDEST-FIRST'],
  },
  {
    name: 'taskrouter-lifo-queue-as-fifo',
    description: 'A queue with TaskOrder LIFO is served oldest first, like a FIFO queue.',
    trips: ['TR-QUEUE-LIFO-NEWEST-FIRST'],
  },
  {
    name: 'taskrouter-ignores-availability',
    description: 'Workers in an unavailable activity (Offline, Break) are offered tasks.',
    trips: ['TR-UNAVAILABLE-WORKER-NOT-RESERVED', 'TR-WORKER-DEFAULT-ACTIVITY'],
  },
  {
    name: 'taskrouter-target-workers-ignored',
    description: "A queue's TargetWorkers expression is not evaluated: every worker is eligible.",
    trips: ['TR-QUEUE-TARGET-WORKERS'],
  },
  {
    name: 'taskrouter-worker-starts-available',
    description: 'A worker created without ActivitySid starts in an available activity.',
    trips: ['TR-WORKER-DEFAULT-ACTIVITY'],
  },
  {
    name: 'taskrouter-wrapping-frees-worker',
    description: 'A wrapping task no longer holds the worker: the next task is reserved before it completes.',
    trips: ['TR-SINGLE-TASKING-ONE-AT-A-TIME'],
  },
  // ---------------------------------------------------------------- lifecycle
  {
    name: 'taskrouter-task-stays-pending-when-reserved',
    description: 'A reservation is created but the task keeps assignment_status pending.',
    trips: ['TR-RESERVATION-FOR-AVAILABLE-WORKER'],
  },
  {
    name: 'taskrouter-status-accepted',
    description:
      "An accepted reservation's status leaks into the task: assignment_status accepted instead of assigned.",
    trips: ['TR-RESERVATION-ACCEPT-ASSIGNS', 'TR-ASSIGNMENT-STATUS-ENUM'],
  },
  {
    name: 'taskrouter-reject-cancels-task',
    description: 'Rejecting a reservation cancels its task instead of putting it back in the queue.',
    trips: ['TR-RESERVATION-REJECT-REQUEUES'],
  },
  {
    name: 'taskrouter-wrapping-refused',
    description: 'AssignmentStatus wrapping is refused: assigned tasks can only be completed.',
    trips: ['TR-TASK-WRAP-THEN-COMPLETE'],
  },
  {
    name: 'taskrouter-cancel-without-reason',
    description: 'A task can be canceled or completed without a Reason.',
    trips: ['TR-CANCEL-REQUIRES-REASON'],
  },
  // ---------------------------------------------------------------- timeout
  {
    name: 'taskrouter-timeout-ignored',
    description: 'Task timeouts never fire: an unassigned task waits forever.',
    trips: ['TR-TIMEOUT-CANCELS-TTL'],
  },
  {
    name: 'taskrouter-canceled-reason-wrong',
    description:
      'A task canceled by its timeout reports reason "Task timed out" instead of "Task TTL Exceeded".',
    trips: ['TR-TIMEOUT-CANCELS-TTL'],
  },
  {
    name: 'taskrouter-timeout-max-not-enforced',
    description: 'Timeout above 1,209,600 seconds (two weeks) is accepted.',
    trips: ['TR-TIMEOUT-MAX'],
  },
  {
    name: 'taskrouter-default-timeout-3600',
    description:
      "A task created without Timeout gets 3600 seconds (the Studio editor's value) instead of 86,400.",
    trips: ['TR-TIMEOUT-DEFAULT-86400'],
  },
  {
    name: 'taskrouter-reservation-timeout-unbounded',
    description: 'A Workflow accepts TaskReservationTimeout above 86,400.',
    trips: ['TR-WORKFLOW-RESERVATION-TIMEOUT'],
  },
  // ---------------------------------------------------------------- the task resource
  {
    name: 'taskrouter-priority-range-not-enforced',
    description: 'Priority outside 0..2,147,483,647 (negative, 2^31) is stored as sent.',
    trips: ['TR-PRIORITY-RANGE'],
  },
  {
    name: 'taskrouter-priority-default-null',
    description: 'A task created without Priority (and no target priority) has priority null instead of 0.',
    trips: ['TR-PRIORITY-DEFAULT-0'],
  },
  {
    name: 'taskrouter-target-priority-ignored',
    description: 'The Priority sent wins over the priority of the matching Workflow target.',
    trips: ['TR-WORKFLOW-TARGET-PRIORITY-OVERRIDES'],
  },
  {
    name: 'taskrouter-task-sid-uuid',
    description: 'Task SIDs are WT followed by a dashed UUID (38 characters).',
    trips: ['TR-TASK-SID-WT'],
  },
  {
    name: 'taskrouter-channel-default-null',
    description: 'A task created without TaskChannel has no Task Channel instead of "default".',
    trips: ['TR-TASK-CHANNEL-DEFAULT'],
  },
  {
    name: 'taskrouter-attributes-as-object',
    description: 'A fetched task carries attributes as a JSON object instead of a JSON string.',
    trips: ['TR-ATTRIBUTES-JSON-STRING'],
  },
  {
    name: 'taskrouter-age-in-milliseconds',
    description: 'age counts milliseconds instead of seconds.',
    trips: ['TR-TASK-AGE'],
  },
  // ---------------------------------------------------------------- reading tasks
  {
    name: 'taskrouter-list-status-single-value',
    description: 'A repeated AssignmentStatus filter keeps only its first value.',
    trips: ['TR-LIST-ASSIGNMENT-STATUS'],
  },
  {
    name: 'taskrouter-evaluate-attributes-ignored',
    description: 'EvaluateTaskAttributes is accepted but filters nothing.',
    trips: ['TR-LIST-EVALUATE-TASK-ATTRIBUTES'],
  },
  {
    name: 'taskrouter-ordering-ignored',
    description: 'Ordering is accepted but tasks are always listed by creation date.',
    trips: ['TR-LIST-ORDERING'],
  },
] as const satisfies readonly FaultSpec[];
