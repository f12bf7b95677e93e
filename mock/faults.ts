/**
 * Deliberate implementation bugs the mock can be started with (`--fault NAME`), each a realistic
 * mistake another implementation could make. The self-test runs the suite against every fault and
 * expects the rules listed in `trips` to fail: the suite's evidence that its checks can fail.
 */

import { conversationsFaults } from './conversations/faults';
import type { FaultSpec } from './fault-spec';
import { flexChannelFaults, flexLegacyChannelFaults } from './flex-api/channel-faults';
import { flexApiFaults } from './flex-api/faults';
import { studioFaults } from './studio/faults';
import { taskRouterFaults } from './taskrouter/faults';

export type { FaultSpec };

/** Every fault of every domain; each domain keeps its own list beside its code. */
export const faults = [
  ...flexApiFaults,
  ...studioFaults,
  ...taskRouterFaults,
  ...conversationsFaults,
  ...flexChannelFaults,
  ...flexLegacyChannelFaults,
] as const satisfies readonly FaultSpec[];

export type FaultName = (typeof faults)[number]['name'];

export function isFaultName(name: string): name is FaultName {
  return faults.some((fault) => fault.name === name);
}
