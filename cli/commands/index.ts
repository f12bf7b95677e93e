import { cleanupCommand } from './cleanup';
import { mockCommand } from './mock';
import { reportCommand } from './report';
import { rulesCommand } from './rules';
import { runCommand } from './run';
import { selftestCommand } from './selftest';

export interface Command {
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[]): Promise<number>;
}

export const commands: Readonly<Record<string, Command>> = {
  run: runCommand,
  rules: rulesCommand,
  mock: mockCommand,
  cleanup: cleanupCommand,
  report: reportCommand,
  selftest: selftestCommand,
};
