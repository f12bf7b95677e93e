import type { FaultSpec } from '../fault-spec';

/** Deliberate bugs in the Flex API (Flex Flows) and in the wire conventions every domain shares. */
export const flexApiFaults = [
  {
    name: 'auth-not-enforced',
    description: 'Requests without valid Basic auth are served instead of answered 401/20003.',
    trips: ['WIRE-AUTH-BASIC-REQUIRED', 'WIRE-AUTH-WRONG-CREDENTIALS-401'],
  },
  {
    name: 'errors-without-more-info',
    description: 'Error bodies omit more_info.',
    trips: ['WIRE-ERROR-BODY-SHAPE'],
  },
  {
    name: 'flexflow-create-returns-200',
    description: 'Create answers 200 instead of 201.',
    trips: ['FLEXFLOW-CREATE-RETURNS-201', 'WIRE-CREATE-201'],
  },
  {
    name: 'flexflow-longlived-default-true',
    description: 'LongLived defaults to true on create.',
    trips: ['FLEXFLOW-LONGLIVED-DEFAULT-FALSE'],
  },
  {
    name: 'flexflow-channeltype-any-string',
    description: 'ChannelType accepts any string (a loose enum).',
    trips: ['FLEXFLOW-CHANNEL-TYPE-ENUM', 'FLEXFLOW-INVALID-ENUM-REJECTED'],
  },
  {
    name: 'flexflow-flowsid-any-prefix',
    description: 'Integration.FlowSid accepts any string (a loose SID pattern).',
    trips: ['FLEXFLOW-FLOWSID-PATTERN', 'FLEXFLOW-INVALID-SID-REJECTED'],
  },
  {
    name: 'flexflow-studio-skips-flowsid-check',
    description: 'A studio Flex Flow is accepted without Integration.FlowSid.',
    trips: ['FLEXFLOW-STUDIO-REQUIRES-FLOWSID'],
  },
  {
    name: 'flexflow-external-skips-url-check',
    description: 'An external Flex Flow is accepted without Integration.Url.',
    trips: ['FLEXFLOW-EXTERNAL-REQUIRES-URL'],
  },
  {
    name: 'flexflow-task-skips-workflow-check',
    description: 'A task Flex Flow is accepted without Integration.WorkflowSid.',
    trips: ['FLEXFLOW-TASK-REQUIRES-WORKFLOWSID'],
  },
  {
    name: 'flexflow-retrycount-off-by-one',
    description: 'Integration.RetryCount accepts 4.',
    trips: ['FLEXFLOW-RETRYCOUNT-RANGE'],
  },
  {
    name: 'flexflow-echoes-inapplicable-params',
    description: 'Task-only Integration.Timeout/Priority are stored on studio and external flows.',
    trips: ['FLEXFLOW-TASK-ONLY-PARAMS-NOT-APPLICABLE'],
  },
  {
    name: 'flexflow-update-resets-unsent',
    description: 'Update resets fields it was not sent (LongLived, integration) to defaults.',
    trips: ['FLEXFLOW-UPDATE-PARTIAL'],
  },
  {
    name: 'flexflow-paging-drops-item',
    description: 'A paged list drops the first item of the second page.',
    trips: ['FLEXFLOW-PAGING-EVERY-ITEM-ONCE'],
  },
] as const satisfies readonly FaultSpec[];
