import type { FaultSpec } from './fault';

/** Deliberate bugs in what a Flex application does with an Interaction after its task is created. */
export const interactionLifecycleFaults = [
  {
    name: 'interaction-close-leaves-tasks',
    description: 'Closing an Interaction channel answers closed but leaves its assigned task assigned.',
    trips: ['CONV-INTERACTION-CLOSE-WRAPS-TASK'],
    behaviour: { interactions: { closedChannelTaskStatus: null } },
  },
  {
    name: 'interaction-inactive-without-routing',
    description: 'An Interaction channel is set inactive without the Routing the description requires.',
    trips: ['CONV-INTERACTION-INACTIVE-NEEDS-ROUTING'],
    behaviour: { interactions: { inactiveRequiresRouting: false } },
  },
  {
    name: 'interaction-invite-routes-nothing',
    description: 'An invite to an Interaction channel is stored but its Routing never becomes a task.',
    trips: ['CONV-INTERACTION-INVITE-ROUTES-TASK'],
    behaviour: { interactions: { inviteCreatesTask: false } },
  },
] as const satisfies readonly FaultSpec[];
