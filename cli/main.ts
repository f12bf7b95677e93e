import { suiteFacts } from '../reports/suite-facts';
import { ConfigError } from '../targets/types';
import { commands } from './commands';
import { exitCodes, UsageError } from './errors';

const usage = `usage: flex-conformance <command> [options]
       flex-conformance --version

commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`)
  .join('\n')}

Run "flex-conformance <command> --help" for a command's options.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage}\n`);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`flex-conformance ${suiteFacts().version}\n`);
    return exitCodes.ok;
  }
  const entry = commands[name];
  if (!entry)
    return fail(new UsageError(`unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`));
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return exitCodes.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    return fail(error);
  }
}

function fail(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`flex-conformance: ${error.message}\n`);
    return exitCodes.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`flex-conformance: internal error: ${message.split('\n')[0]}\n`);
  return exitCodes.internal;
}
