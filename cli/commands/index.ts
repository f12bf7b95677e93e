import { mockCommand } from './mock';
import { rulesCommand } from './rules';
import { runCommand } from './run';

export interface Command {
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[]): Promise<number>;
}

export const commands: Readonly<Record<string, Command>> = {
  run: runCommand,
  rules: rulesCommand,
  mock: mockCommand,
};
