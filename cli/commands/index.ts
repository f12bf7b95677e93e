import { cleanupCommand } from './cleanup';
import type { Command } from './command';
import { mockCommand } from './mock';
import { pactCommand } from './pact';
import { reportCommand } from './report';
import { rulesCommand } from './rules';
import { runCommand } from './run';
import { selftestCommand } from './selftest';

export const commands: Readonly<Record<string, Command>> = {
  run: runCommand,
  rules: rulesCommand,
  mock: mockCommand,
  cleanup: cleanupCommand,
  report: reportCommand,
  selftest: selftestCommand,
  pact: pactCommand,
};
