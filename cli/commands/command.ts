/** One `flex-conformance <command>`: its line in the usage, its `--help`, and what it does. */
export interface Command {
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[]): Promise<number>;
}
