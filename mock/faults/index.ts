/**
 * Deliberate implementation bugs the mock can be started with (`--fault NAME`), each a realistic
 * mistake another implementation could make. The self-test runs the suite against every fault and
 * expects the rules listed in `trips` to fail: the suite's evidence that its checks can fail.
 * Faults are a layer over the reference emulator: each overrides behaviour values the domain code
 * reads, or transforms requests and responses on the wire; the domain code never names a fault.
 */

import { type Behaviour, behaviourWith } from '../behaviour';
import { conversationsFaults } from './conversations';
import type { FaultSpec, WireTransform } from './fault';
import { flexApiFaults } from './flex-api';
import { flexChannelFaults, flexLegacyChannelFaults } from './flex-channels';
import { holdMusicFaults } from './hold-music';
import { interactionLifecycleFaults } from './interactions';
import { proxyFaults } from './proxy';
import { storesRefusedFaults } from './stores-refused';
import { studioFaults } from './studio';
import { taskRouterFaults } from './taskrouter';
import { workerChannelFaults } from './worker-channels';

export type { FaultSpec };

/** Every fault of every domain. */
export const faults = [
  ...flexApiFaults,
  ...studioFaults,
  ...taskRouterFaults,
  ...conversationsFaults,
  ...flexChannelFaults,
  ...flexLegacyChannelFaults,
  ...interactionLifecycleFaults,
  ...workerChannelFaults,
  ...proxyFaults,
  ...holdMusicFaults,
  ...storesRefusedFaults,
] as const satisfies readonly FaultSpec[];

export type FaultName = (typeof faults)[number]['name'];

export function isFaultName(name: string): name is FaultName {
  return faults.some((fault) => fault.name === name);
}

/** What the emulator runs with under these faults: its behaviour and the wire transforms, in order. */
export interface FaultLayer {
  readonly names: readonly FaultName[];
  readonly behaviour: Behaviour;
  readonly wire: readonly WireTransform[];
}

export function faultLayer(names: readonly FaultName[] = []): FaultLayer {
  const active: readonly FaultSpec[] = faults.filter((fault) => names.includes(fault.name));
  return {
    names,
    behaviour: behaviourWith(active.flatMap((fault) => (fault.behaviour ? [fault.behaviour] : []))),
    wire: active.flatMap((fault) => (fault.wire ? [fault.wire] : [])),
  };
}
