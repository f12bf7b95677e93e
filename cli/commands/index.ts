import type { Command } from './command';

/** A command's line in the usage, and its module, loaded only when the command runs: a start-up pays for one command's imports. */
export interface CommandEntry {
  readonly summary: string;
  load(): Promise<Command>;
}

export const commands: Readonly<Record<string, CommandEntry>> = {
  run: {
    summary: 'run the conformance checks against a target and write the reports',
    load: async () => (await import('./run')).runCommand,
  },
  rules: {
    summary: 'print the rule catalog (--json for machines)',
    load: async () => (await import('./rules')).rulesCommand,
  },
  mock: {
    summary: 'serve the embedded Twilio emulator for local development',
    load: async () => (await import('./mock')).mockCommand,
  },
  cleanup: {
    summary: 'delete resources earlier runs left on a real account (tagged flexconf-<run id>-)',
    load: async () => (await import('./cleanup')).cleanupCommand,
  },
  report: {
    summary: 'compare, chart, merge and verify reports (diff, matrix, merge, verify, render)',
    load: async () => (await import('./report')).reportCommand,
  },
  selftest: {
    summary: 'run the suite against every deliberate mock fault and print the kill matrix',
    load: async () => (await import('./selftest')).selftestCommand,
  },
  pact: {
    summary: 'verify the published Pact contracts against an implementation (pact verify)',
    load: async () => (await import('./pact')).pactCommand,
  },
};
