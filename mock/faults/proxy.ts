import type { FaultSpec } from './fault';

/** Faults of Flex's phone channels over Proxy: the inbound SMS webhook and the Messaging Channel Janitor. */
export const proxyFaults = [
  {
    name: 'sms-any-flex-flow-handles',
    description:
      'An inbound SMS is handled by the first enabled SMS Flex Flow, whatever number it was sent to (the contact identity is not compared).',
    trips: ['MSG-CONTACT-IDENTITY-ROUTES'],
    behaviour: { proxy: { handles: () => true } },
  },
  {
    name: 'janitor-keeps-proxy-sessions',
    description:
      'The Messaging Channel Janitor never runs: a task deleted through the API leaves its Proxy session active even with janitor_enabled.',
    trips: ['MSG-JANITOR-REMOVES-PROXY-SESSION'],
    behaviour: { proxy: { janitorRemovesSessions: false } },
  },
] as const satisfies readonly FaultSpec[];
