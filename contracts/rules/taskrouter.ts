import type { RuleSpec } from './types';

/**
 * TaskRouter behaviour that Send to Flex and Flex Flows rely on: priority ordering, ties, priority
 * range, timeouts and the "Task TTL Exceeded" cancellation, assignment_status, task attributes.
 */
export const taskRouterRules = [
  // ---------------------------------------------------------------- priority and ordering
  {
    id: 'TR-PRIORITY-HIGHER-FIRST',
    area: 'taskrouter',
    title: 'Higher-priority tasks are assigned before lower-priority ones, whatever their age',
    statement:
      'With one available worker and two pending tasks in the same queue, the task with the larger priority value is ' +
      'reserved first, even when the lower-priority task is older. Which end of the range is the higher priority ' +
      'is a recorded ambiguity: the check reports the reading (larger value first, or 0 first) the target follows ' +
      'and fails only when priority decides neither way.',
    severity: 'must',
    sources: [
      {
        doc: '000_e6e025a037b48afd.txt',
        quote:
          'Tasks with a higher priority are assigned before older tasks with a lower priority - 0 is the highest priority.',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote:
          'Tasks with a higher priority are assigned before older tasks with a lower priority – 0 is the highest priority.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'Tasks with higher priority values will be assigned before Tasks with lower values.',
      },
    ],
    ambiguity: {
      summary:
        'The Send to Flex page says, in one sentence, that higher-priority tasks go before older lower-priority ' +
        'tasks and that "0 is the highest priority" (000 and 001). With 0 as the default, the two halves disagree ' +
        'about which way the numbers run; TaskRouter documents larger values first (C2).',
      readings: [
        {
          id: 'higher-number-first',
          text: 'A larger priority value is served first; 0, the default, is the lowest priority.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote: 'Tasks with higher priority values will be assigned before Tasks with lower values.',
            },
            {
              doc: 'reference/twilio-wire-facts.md',
              quote:
                '"Higher priority tasks are always assigned before lower\n  priority tasks, regardless of the age of the lower-priority tasks.',
            },
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: '(higher number = served first; 0 = default = lowest)',
            },
          ],
        },
        {
          id: 'zero-highest',
          text: 'Priority 0 is served first; larger values are served later.',
          sources: [
            { doc: '000_e6e025a037b48afd.txt', quote: '0 is the highest priority.' },
            { doc: '001_ffef4bfcdb758d92.txt', quote: '– 0 is the highest priority.' },
          ],
        },
      ],
      applied: 'higher-number-first',
      rationale:
        'TaskRouter decides assignment, and every TaskRouter source (the Task spec, the TaskQueue docs) and every other ' +
        'version of the widget page says larger values first; the "0 is the highest" phrase appears only in this ' +
        'page. The check watches which of two waiting tasks is reserved first and reports the reading the target ' +
        'follows (higher-number-first or zero-highest) and fails only when it follows neither (priority does not ' +
        'decide); the mock follows the applied reading.',
      observed: true,
    },
  },
  {
    id: 'TR-PRIORITY-TIES-OLDEST-FIRST',
    area: 'taskrouter',
    title: 'Among equal priorities the oldest task is assigned first (FIFO)',
    statement:
      'With one available worker and several pending tasks of equal priority in a FIFO queue, the task created first ' +
      'is reserved first.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Among tasks of the same priority, the oldest task is\n  always assigned first.',
      },
      { doc: 'reference/twilio-wire-facts.md', quote: 'Queue ordering doc: default **FIFO**;' },
    ],
  },
  {
    id: 'TR-PRIORITY-RANGE',
    area: 'taskrouter',
    title: 'Task priority ranges from 0 to 2,147,483,647',
    statement:
      'Priority 0 and 2147483647 are accepted on task create and update, and the task reports the value sent; a ' +
      'task never reports a priority outside 0..2147483647 or one that is no integer (a value outside the range, ' +
      'or text that is no integer such as "1.5", is refused or not stored as sent; how it is refused is ' +
      'TR-PRIORITY-OUT-OF-RANGE).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'Value can be 0 to 2^31^ (2,147,483,647).',
      },
      { doc: 'reference/twilio-spec-summary.md', quote: 'Priority req=False type=integer' },
    ],
  },
  {
    id: 'TR-PRIORITY-OUT-OF-RANGE',
    area: 'taskrouter',
    title: 'Negative, oversized or non-numeric priority (undocumented handling)',
    statement:
      'For priority -1, 2147483648 or "abc" the check records whether the target refuses the value (and with which ' +
      'code) or stores something else. Nothing documents it.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: 'Priority\n  range: spec 0..2^31−1; nothing documents negative or non-numeric handling.',
      },
    ],
  },
  {
    id: 'TR-PRIORITY-DEFAULT-0',
    area: 'taskrouter',
    title: 'A task created without Priority (and no Workflow-target priority) has priority 0',
    statement:
      'A task created without Priority through a Workflow whose matching target sets no priority has priority 0.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'When not supplied, the new Task will have the priority of the matching Workflow Target.',
      },
      { doc: '004_4af5ab78ff31b1e9.txt', quote: 'The default priority is 0.' },
    ],
  },
  {
    id: 'TR-WORKFLOW-TARGET-PRIORITY-OVERRIDES',
    area: 'taskrouter',
    title: 'A Workflow target with a priority overrides the priority supplied',
    statement:
      'A task created with Priority p that matches a Workflow target with priority q has priority q.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          'When supplied, the new Task will have this priority unless it matches a Workflow Target with a Priority set.',
      },
    ],
  },

  // ---------------------------------------------------------------- timeout
  {
    id: 'TR-TIMEOUT-DEFAULT-86400',
    area: 'taskrouter',
    title: 'Task timeout defaults to 86,400 seconds',
    statement: 'A task created through the TaskRouter API without Timeout has timeout 86400.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'The default value is 24 hours (86,400 seconds).',
      },
    ],
  },
  {
    id: 'TR-TIMEOUT-MAX',
    area: 'taskrouter',
    title: 'Task timeout is at most 1,209,600 seconds',
    statement:
      'Timeout 1209600 is accepted and stored; Timeout 1209601 is refused with a 4xx error and no task is created; ' +
      'a Timeout of 0, negative or no integer (undocumented) is refused or stored as an integer of at most 1209600.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'Can be up to a maximum of 2 weeks (1,209,600 seconds).',
      },
      { doc: '000_e6e025a037b48afd.txt', quote: 'with a maximum value of two weeks (1209600 seconds).' },
      { doc: 'reference/twilio-spec-summary.md', quote: 'Timeout req=False type=integer' },
    ],
  },
  {
    id: 'TR-TIMEOUT-CANCELS-TTL',
    area: 'taskrouter',
    title: 'An unassigned task is canceled with reason "Task TTL Exceeded" when its timeout expires',
    statement:
      'A task still unassigned after timeout seconds, pending (waiting) or reserved (offered, not yet accepted), ' +
      'gets assignment_status canceled and reason "Task TTL Exceeded" (the task.canceled event carries that ' +
      'description). Each of the two states is checked on its own.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'On timeout, the `task.canceled` event will fire with description `Task TTL Exceeded`.',
      },
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'The amount of time in seconds the new task can live before being assigned.',
      },
      {
        doc: '001_ffef4bfcdb758d92.txt',
        quote: 'The amount of time in seconds that the task is allowed to live',
      },
    ],
  },

  // ---------------------------------------------------------------- the Task resource
  {
    id: 'TR-TASK-SID-WT',
    area: 'taskrouter',
    title: 'Task sids match ^WT[0-9a-fA-F]{32}$',
    statement: 'Every task sid matches ^WT[0-9a-fA-F]{32}$ (34 characters).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'pattern=^WT[0-9a-fA-F]{32}$ :: The SID of the Task resource to fetch.',
      },
    ],
  },
  {
    id: 'TR-ASSIGNMENT-STATUS-ENUM',
    area: 'taskrouter',
    title: 'assignment_status is pending, reserved, assigned, canceled, completed or wrapping',
    statement:
      'assignment_status of every task is one of pending, reserved, assigned, canceled, wrapping, completed.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'Can be: `pending`, `reserved`, `assigned`, `canceled`, `wrapping`, or `completed`.',
      },
    ],
  },
  {
    id: 'TR-NEW-TASK-PENDING',
    area: 'taskrouter',
    title: 'A new task waiting for a worker is pending',
    statement:
      'A task just created by Send to Flex or an Interaction, with no worker available, has assignment_status ' +
      'pending. Shown by examples only; reported.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-wire-facts.md',
        quote: '(`sid WT…, priority 0, timeout 86400, assignment_status "pending"`)',
      },
    ],
  },
  {
    id: 'TR-CANCEL-REQUIRES-REASON',
    area: 'taskrouter',
    title: 'Canceling or completing a task needs a Reason',
    statement:
      'An update to assignment_status canceled (or completed) with a Reason stores that reason; without a Reason it ' +
      'is refused with a 4xx error.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'This parameter is required only if the Task is canceled or completed.',
      },
    ],
  },
  {
    id: 'TR-TASK-CHANNEL-DEFAULT',
    area: 'taskrouter',
    title: 'TaskChannel defaults to default',
    statement: 'A task created without TaskChannel is on the Task Channel whose unique name is default.',
    severity: 'must',
    sources: [{ doc: 'reference/twilio-spec-summary.md', quote: 'Default value is `default`.' }],
  },
  {
    id: 'TR-ATTRIBUTES-JSON-STRING',
    area: 'taskrouter',
    title: 'Task attributes are a JSON string',
    statement:
      'attributes of a fetched task is a string that parses to the JSON object the task was created with.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          '(body) Attributes req=False type=string :: A JSON string with the attributes of the new task.',
      },
    ],
  },
  {
    id: 'TR-ATTRIBUTES-IN-LISTS',
    area: 'taskrouter',
    title: 'Task attributes in list responses (null or populated)',
    statement:
      'The check records whether tasks in GET .../Tasks carry their attributes or null; a single-task fetch always ' +
      'carries them.',
    severity: 'info',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'If this property has been assigned a value, it will only be displayed in FETCH action that returns a single resource. Otherwise, it will be null.',
      },
    ],
    ambiguity: {
      summary:
        'The Task schema says attributes are only shown by a single-resource fetch and null otherwise, but the ' +
        "spec's own list example shows them populated (C6).",
      readings: [
        {
          id: 'null-in-lists',
          text: 'Tasks in list pages have attributes null.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote:
                'it will only be displayed in FETCH action that returns a single resource. Otherwise, it will be null.',
            },
          ],
        },
        {
          id: 'populated-in-lists',
          text: 'Tasks in list pages carry their attributes.',
          sources: [
            {
              doc: 'reference/twilio-wire-facts.md',
              quote: "but the spec's own `readFull` list\n  example shows attributes populated.",
            },
          ],
        },
      ],
      applied: 'null-in-lists',
      rationale:
        'The schema description is normative, the example illustrative; checks never rely on list attributes.',
      observed: true,
    },
  },
  {
    id: 'TR-TASK-AGE',
    area: 'taskrouter',
    title: 'age is the number of seconds since the task was created',
    statement: 'age is a non-negative integer that grows with time since date_created.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The number of seconds since the Task was created.',
      },
    ],
  },
  // ---------------------------------------------------------------- workers, queues and reservations
  {
    id: 'TR-WORKER-DEFAULT-ACTIVITY',
    area: 'taskrouter',
    title: "A worker created without ActivitySid starts in the workspace's default activity",
    statement:
      "A worker created without ActivitySid has the workspace's default_activity_sid as activity_sid (Offline, " +
      'not available, in a new workspace) and is offered no task until it moves to an available activity.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          "If not provided, the new Worker's initial state is the `default_activity_sid` configured on the Workspace.",
      },
    ],
  },
  {
    id: 'TR-RESERVATION-FOR-AVAILABLE-WORKER',
    area: 'taskrouter',
    title: 'A waiting task is reserved for an available worker the queue targets',
    statement:
      'When a task waits in a queue and a worker the queue targets is in an available activity with nothing else ' +
      'to do, TaskRouter creates a reservation for that worker and task (reservation_status pending) and the task ' +
      'becomes reserved.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'Whether the Worker is eligible to receive a Task when it occupies the Activity.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          "The current status of the Task's assignment. Can be: `pending`, `reserved`, `assigned`, `canceled`, `wrapping`, or `completed`.",
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'The current status of the reservation. Can be: `pending`, `accepted`, `rejected`, or `timeout`.',
      },
    ],
  },
  {
    id: 'TR-UNAVAILABLE-WORKER-NOT-RESERVED',
    area: 'taskrouter',
    title: 'A worker in an unavailable activity is offered no task',
    statement:
      'A worker whose activity is not available receives no reservation, however long a task it matches waits; ' +
      'the task stays pending.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'Whether the Worker is eligible to receive a Task when it occupies the Activity.',
      },
    ],
  },
  {
    id: 'TR-QUEUE-TARGET-WORKERS',
    area: 'taskrouter',
    title:
      "A queue's tasks go only to workers its TargetWorkers expression selects (default 1==1: every worker)",
    statement:
      "A task in a queue is reserved only for a worker whose attributes satisfy the queue's TargetWorkers " +
      'expression (for example skill == "billing"); a queue created without TargetWorkers selects every worker.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote:
          'A string that describes the Worker selection criteria for any Tasks that enter the TaskQueue.',
      },
      { doc: 'reference/twilio-spec-summary.md', quote: 'The default value is `1==1`.' },
    ],
  },
  {
    id: 'TR-QUEUE-LIFO-NEWEST-FIRST',
    area: 'taskrouter',
    title: 'A LIFO queue serves the most recently created task first',
    statement:
      'With one available worker and several waiting tasks in a TaskQueue whose TaskOrder is LIFO, the task created ' +
      'last is reserved first.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'Set this parameter to `LIFO` to assign most recently created Task first or `FIFO` to assign the oldest Task.',
      },
      { doc: 'reference/twilio-wire-facts.md', quote: '**LIFO** … does not consider the Task priority' },
    ],
  },
  {
    id: 'TR-RESERVATION-ACCEPT-ASSIGNS',
    area: 'taskrouter',
    title: 'Accepting a reservation assigns its task',
    statement:
      'Updating a pending reservation with ReservationStatus accepted answers 200 with reservation_status accepted, ' +
      'and the task becomes assigned.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'The current status of the reservation. Can be: `pending`, `accepted`, `rejected`, or `timeout`.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          "The current status of the Task's assignment. Can be: `pending`, `reserved`, `assigned`, `canceled`, `wrapping`, or `completed`.",
      },
    ],
  },
  {
    id: 'TR-RESERVATION-REJECT-REQUEUES',
    area: 'taskrouter',
    title: 'A rejected reservation puts its task back in the queue',
    statement:
      'Updating a pending reservation with ReservationStatus rejected answers 200 with reservation_status rejected; ' +
      'the task is not canceled: it waits again (pending) or is reserved for another worker.',
    severity: 'should',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'The current status of the reservation. Can be: `pending`, `accepted`, `rejected`, or `timeout`.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The new worker activity SID if rejecting a reservation.',
      },
    ],
  },
  {
    id: 'TR-TASK-WRAP-THEN-COMPLETE',
    area: 'taskrouter',
    title: 'An assigned task moves to wrapping, then to completed with its reason',
    statement:
      'An assigned task updated with AssignmentStatus wrapping becomes wrapping; updated then with AssignmentStatus ' +
      'completed and a Reason it becomes completed and reports that reason.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          "The current status of the Task's assignment. Can be: `pending`, `reserved`, `assigned`, `canceled`, `wrapping`, or `completed`.",
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The reason the Task was canceled or completed, if applicable.',
      },
    ],
  },
  {
    id: 'TR-SINGLE-TASKING-ONE-AT-A-TIME',
    area: 'taskrouter',
    title: 'Without multi-tasking a worker gets a new reservation only once the previous task is completed',
    statement:
      'In a workspace created with MultiTaskEnabled false, a worker holding a reserved, assigned or wrapping task ' +
      'receives no other reservation; once that task is completed (or canceled) the next waiting task is reserved ' +
      'for the worker.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'In single-tasking each Worker would only receive a new reservation when the previous task is completed.',
      },
    ],
  },
  {
    id: 'TR-WORKFLOW-RESERVATION-TIMEOUT',
    area: 'taskrouter',
    title: "A Workflow's TaskReservationTimeout defaults to 120 and is at most 86,400",
    statement:
      'A Workflow created without TaskReservationTimeout has task_reservation_timeout 120; 86400 is accepted and ' +
      'stored; 86401 is refused with a 4xx error and no Workflow is created.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-spec-summary.md',
        quote: 'Can be up to `86,400` (24 hours) and the default is `120`.',
      },
    ],
  },

  // ---------------------------------------------------------------- reading tasks
  {
    id: 'TR-LIST-ASSIGNMENT-STATUS',
    area: 'taskrouter',
    title: 'Listing tasks by AssignmentStatus returns exactly the tasks in those statuses',
    statement:
      'GET .../Tasks with one or more AssignmentStatus values (the parameter repeated, as the SDKs send an array) ' +
      'returns every task of the workspace in one of those statuses and no other task.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'Returns all Tasks in the Workspace with the specified `assignment_status`.',
      },
      { doc: 'reference/twilio-wire-facts.md', quote: '`AssignmentStatus` (array; SDK repeats the key)' },
    ],
  },
  {
    id: 'TR-LIST-EVALUATE-TASK-ATTRIBUTES',
    area: 'taskrouter',
    title: 'Listing tasks with EvaluateTaskAttributes returns the tasks whose attributes match',
    statement:
      'GET .../Tasks?EvaluateTaskAttributes=<expression> returns the tasks whose attributes satisfy the expression ' +
      '(for example customer == "alice") and no other task.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'Returns the Tasks that match the attributes specified in this parameter.',
      },
    ],
  },
  {
    id: 'TR-LIST-QUEUE-NAME',
    area: 'taskrouter',
    title:
      'Listing TaskQueues by FriendlyName, or tasks by TaskQueueName, selects that name and not names that start with it',
    statement:
      'GET .../TaskQueues?FriendlyName=X lists every TaskQueue whose friendly_name is X, and GET .../Tasks?TaskQueueName=X ' +
      'every task waiting in such a queue; neither lists a queue (or its tasks) whose name only nearly collides with X ' +
      '(X followed by more text, an accent added precomposed or decomposed). Whether a name that differs from X only ' +
      'in letter case matches is not documented: observed.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The `friendly_name` of the TaskQueue resources to read.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'Returns the Tasks waiting in the TaskQueue identified by this friendly name.',
      },
    ],
    ambiguity: {
      summary: 'The filters name a friendly_name without saying whether letter case counts.',
      readings: [
        {
          id: 'case-sensitive',
          text: 'Only a queue whose friendly_name is X, letter for letter, matches.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote: 'The `friendly_name` of the TaskQueue resources to read.',
            },
          ],
        },
        {
          id: 'case-insensitive',
          text: 'A queue whose friendly_name differs from X only in letter case matches too.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote: 'Returns the Tasks waiting in the TaskQueue identified by this friendly name.',
            },
          ],
        },
      ],
      applied: 'case-sensitive',
      rationale:
        'The documents say nothing of letter case; a prefix or an added accent is another name under either reading, ' +
        'so only those gate.',
      observed: true,
    },
  },
  {
    id: 'TR-LIST-WORKER-NAME',
    area: 'taskrouter',
    title: 'Listing Workers by FriendlyName selects that name and not names that start with it',
    statement:
      'GET .../Workers?FriendlyName=X lists the Worker whose friendly_name is X and not a Worker whose name only ' +
      'nearly collides with X (X followed by more text, an accent added precomposed or decomposed). Worker names ' +
      'are case insensitive and unique, so a second Worker named X in another letter case is not created; whether ' +
      'the filter in another letter case lists the Worker is observed.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The `friendly_name` of the Worker resources to read.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'Friendly names are case insensitive, and unique within the TaskRouter Workspace.',
      },
    ],
    ambiguity: {
      summary:
        'The Worker resource calls friendly names case insensitive; the FriendlyName filter does not say whether it ' +
        'compares them so, nor how letter case maps beyond ASCII.',
      readings: [
        {
          id: 'case-insensitive',
          text: 'The filter in another letter case lists the Worker too.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote: 'Friendly names are case insensitive, and unique within the TaskRouter Workspace.',
            },
          ],
        },
        {
          id: 'case-sensitive',
          text: 'Only the filter spelled as the Worker is named, letter for letter, lists it.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote: 'The `friendly_name` of the Worker resources to read.',
            },
          ],
        },
      ],
      applied: 'case-insensitive',
      rationale:
        'The Worker resource says its names are case insensitive, but not how a filter compares them; a prefix or ' +
        'an added accent is another name under either reading, so only those gate.',
      observed: true,
    },
  },
  {
    id: 'TR-LIST-FRIENDLY-NAME',
    area: 'taskrouter',
    title:
      'Listing Workflows or Activities by FriendlyName selects that name and not names that start with it',
    statement:
      'GET .../Workflows?FriendlyName=X and GET .../Activities?FriendlyName=X list every Workflow (Activity) whose ' +
      'friendly_name is X and none whose name only nearly collides with X (X followed by more text, an accent ' +
      'added precomposed or decomposed). Whether the filter in another letter case lists it is not documented: ' +
      'observed.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The `friendly_name` of the Workflow resources to read.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The `friendly_name` of the Activity resources to read.',
      },
    ],
    ambiguity: {
      summary: 'The filters name a friendly_name without saying whether letter case counts.',
      readings: [
        {
          id: 'case-sensitive',
          text: 'Only a Workflow (Activity) whose friendly_name is X, letter for letter, matches.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote: 'The `friendly_name` of the Workflow resources to read.',
            },
          ],
        },
        {
          id: 'case-insensitive',
          text: 'A friendly_name that differs from X only in letter case matches too.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote: 'Friendly names are case insensitive, and unique within the TaskRouter Workspace.',
            },
          ],
        },
      ],
      applied: 'case-sensitive',
      rationale:
        'Only the Worker resource speaks of letter case; a prefix or an added accent is another name under either ' +
        'reading, so only those gate.',
      observed: true,
    },
  },
  {
    id: 'TR-LIST-AVAILABLE',
    area: 'taskrouter',
    title:
      'Available=true, 1 or yes lists the available Workers (Activities); false or any other value the others',
    statement:
      'GET .../Workers?Available=V lists every Worker whose current Activity is available when V is true, 1 or ' +
      'yes, and every Worker whose Activity is not available when V is false or any other value (empty included); ' +
      'GET .../Activities?Available=V likewise lists the available or the unavailable Activities. Whether a ' +
      'documented value in another letter case or with blanks around it reads as true is observed.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'Can be `true`, `1`, or `yes` to return Worker resources that are available, and `false`, or any value returns the Worker resources that are not available.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          "A value of `true` returns only available activities. Values of '1' or `yes` also indicate `true`. All other values represent `false` and return activities that are unavailable.",
      },
    ],
    ambiguity: {
      summary:
        'The documents spell the true values in lower case; whether TRUE, Yes or " 1" read as true or as "any other ' +
        'value" is not said.',
      readings: [
        {
          id: 'documented-spellings',
          text: 'Only true, 1 and yes, exactly so spelled, read as true; TRUE or " yes" read as false.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote:
                "A value of `true` returns only available activities. Values of '1' or `yes` also indicate `true`. All other values represent `false` and return activities that are unavailable.",
            },
          ],
        },
        {
          id: 'any-case',
          text: 'true, 1 and yes read as true whatever their letter case and surrounding blanks.',
          sources: [
            {
              doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
              quote:
                'Can be `true`, `1`, or `yes` to return Worker resources that are available, and `false`, or any value returns the Worker resources that are not available.',
            },
          ],
        },
      ],
      applied: 'any-case',
      rationale:
        'Flags elsewhere in the API read case-insensitively, but nothing documents it for these filters: only the ' +
        'documented spellings and clearly other values gate.',
      observed: true,
    },
  },
  {
    id: 'TR-LIST-WORKER-ACTIVITY',
    area: 'taskrouter',
    title: 'ActivitySid or ActivityName lists exactly the Workers in that Activity, for every Activity',
    statement:
      'For every Activity of the workspace, GET .../Workers?ActivitySid=A lists every Worker whose current ' +
      'Activity is A and no other, and GET .../Workers?ActivityName=N every Worker whose activity_name is N and no ' +
      'other (Available does not select Unavailable).',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The `activity_sid` of the Worker resources to read.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'The `activity_name` of the Worker resources to read.',
      },
    ],
  },
  {
    id: 'TR-LIST-ORDERING',
    area: 'taskrouter',
    title: 'Ordering=Priority:desc,DateCreated:asc lists tasks as they are served',
    statement:
      'GET .../Tasks?Ordering=Priority:desc,DateCreated:asc lists tasks by descending priority and, within a ' +
      'priority, oldest first; without Ordering tasks are listed oldest first.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote: 'By default, Tasks are sorted by ascending DateCreated.',
      },
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'Pairings of sort orders can be specified in a comma-separated list such as `Priority:desc,DateCreated:asc`, which returns the Tasks in descending Priority order and ascending DateCreated Order.',
      },
    ],
  },
  {
    id: 'TR-WORKER-CHANNEL-CAPACITY',
    area: 'taskrouter',
    title: "A multi-tasking worker's WorkerChannel capacity bounds its reservations on that channel",
    statement:
      'In a workspace with MultiTaskEnabled, after POST /Workers/{WorkerSid}/Channels/{Sid} sets Capacity=2, an ' +
      'available worker is offered reservations for exactly 2 of 3 waiting tasks of that Task Channel, and the ' +
      'WorkerChannel shows configured_capacity 2.',
    severity: 'must',
    sources: [
      {
        doc: 'reference/twilio-oai/twilio_taskrouter_v1.json',
        quote:
          'TaskRouter creates reservations for Tasks of this TaskChannel type up to the specified capacity.',
      },
    ],
  },
] as const satisfies readonly RuleSpec[];
