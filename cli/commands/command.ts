/** One `flex-conformance <command>`: its `--help`, and what it does. */
export interface Command {
  readonly help: string;
  run(argv: readonly string[]): Promise<number>;
}
