import type { Domain } from '../contracts/domains';
import type { MockCredentials } from './core/auth';
import type { MockResponse } from './core/router';
import type { FaultName } from './faults';

export interface Clock {
  now(): number;
}

/** What every domain module of the mock receives: the account, the clock, the faults, and a way to call a sibling domain. */
export interface MockContext {
  readonly credentials: MockCredentials;
  readonly accountSid: string;
  readonly clock: Clock;
  /** True when the mock was started with this deliberate implementation bug (see mock/faults.ts). */
  fault(name: FaultName): boolean;
  /**
   * Calls another domain's route in-process, as Twilio's own services call each other's APIs.
   * Errors come back as responses (status and Twilio error body), exactly as over HTTP.
   */
  call(
    domain: Domain,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    form?: Record<string, string>,
  ): Promise<MockResponse>;
  /** The origin the mock is reachable at, for callbacks it hands out (webhook URLs, action URLs). */
  origin(): string;
}
