import type { RuleId } from '../contracts/rules';

/**
 * A deliberate implementation bug the mock can be started with (`--fault NAME`): a realistic
 * mistake another implementation could make. `trips` lists the rules whose checks must fail
 * against it; the self-test holds the suite to that.
 */
export interface FaultSpec {
  readonly name: string;
  readonly description: string;
  readonly trips: readonly RuleId[];
}
