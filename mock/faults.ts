/**
 * Deliberate implementation bugs the mock can be started with (`--fault NAME`), each a realistic
 * mistake another implementation could make. The self-test runs the suite against every fault and
 * expects the rules listed in `trips` to fail: the suite's evidence that its checks can fail.
 */
export interface FaultSpec {
  readonly name: string;
  readonly description: string;
  readonly trips: readonly string[];
}

export const faults = [
  {
    name: 'auth-not-enforced',
    description: 'Requests without valid Basic auth are served instead of answered 401/20003.',
    trips: [],
  },
  {
    name: 'errors-without-more-info',
    description: 'Error bodies omit more_info.',
    trips: [],
  },
  {
    name: 'flexflow-create-returns-200',
    description: 'Create answers 200 instead of 201.',
    trips: [],
  },
  {
    name: 'flexflow-longlived-default-true',
    description: 'LongLived defaults to true on create.',
    trips: [],
  },
  {
    name: 'flexflow-channeltype-any-string',
    description: 'ChannelType accepts any string (a loose enum).',
    trips: [],
  },
  {
    name: 'flexflow-flowsid-any-prefix',
    description: 'Integration.FlowSid accepts any string (a loose SID pattern).',
    trips: [],
  },
  {
    name: 'flexflow-studio-skips-flowsid-check',
    description: 'A studio Flex Flow is accepted without Integration.FlowSid.',
    trips: [],
  },
  {
    name: 'flexflow-external-skips-url-check',
    description: 'An external Flex Flow is accepted without Integration.Url.',
    trips: [],
  },
  {
    name: 'flexflow-task-skips-workflow-check',
    description: 'A task Flex Flow is accepted without Integration.WorkflowSid.',
    trips: [],
  },
  {
    name: 'flexflow-retrycount-off-by-one',
    description: 'Integration.RetryCount accepts 4.',
    trips: [],
  },
  {
    name: 'flexflow-echoes-inapplicable-params',
    description: 'Task-only Integration.Timeout/Priority are stored on studio and external flows.',
    trips: [],
  },
  {
    name: 'flexflow-update-resets-unsent',
    description: 'Update resets fields it was not sent (LongLived, integration) to defaults.',
    trips: [],
  },
  {
    name: 'flexflow-paging-drops-item',
    description: 'A paged list drops the first item of the second page.',
    trips: [],
  },
] as const satisfies readonly FaultSpec[];

export type FaultName = (typeof faults)[number]['name'];

export function isFaultName(name: string): name is FaultName {
  return faults.some((fault) => fault.name === name);
}
