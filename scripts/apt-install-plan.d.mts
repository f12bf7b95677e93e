export interface AptPlan {
  readonly installs: string[];
  readonly upgrades: string[];
  readonly removals: string[];
}
export declare const aptInstallArgs: readonly string[];
export declare function readAptSimulation(output: string): AptPlan;
export declare function refusal(plan: AptPlan): string | undefined;
