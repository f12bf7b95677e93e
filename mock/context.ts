import type { Behaviour } from './behaviour';
import type { MockCredentials } from './core/auth';
import type { CallOutReach } from './core/call-outs';
import type { DomainCall } from './core/module';

export interface Clock {
  now(): number;
  /** Calls `wake` once the clock reaches `time` (ms since the epoch); returns what cancels it. */
  at(time: number, wake: () => void): () => void;
}

/** What every domain module of the mock receives: the account, the clock, the behaviour, and a way to call a sibling domain. */
export interface MockContext {
  readonly credentials: MockCredentials;
  readonly accountSid: string;
  readonly clock: Clock;
  /** The values and seams the domain code reads (mock/behaviour.ts): the reference, or a fault's override. */
  readonly behaviour: Behaviour;
  readonly call: DomainCall;
  /** The origin the mock is reachable at, for callbacks it hands out (webhook URLs, action URLs). */
  origin(): string;
  /** Which URLs the platform's call-outs (widgets, webhooks) reach, and where they land on this machine. */
  readonly callOuts: CallOutReach;
}
