import { faults, isFaultName } from '../../mock/faults';
import { generatedCredentials, startMock } from '../../mock/server';
import { mockCredentialsFor } from '../../support/embedded-mock';
import { credentialsFromEnv } from '../../targets/http/credentials';
import { parseFlags, readInteger } from '../args';
import { exitCodes, UsageError } from '../errors';
import type { Command } from './command';

const help = `usage: flex-conformance mock [--port 4010] [--host 127.0.0.1] [--fault NAME]... [--list-faults]

Serves the embedded Twilio emulator (every domain from one origin) until interrupted.
It accepts TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN (or TWILIO_API_KEY + TWILIO_API_SECRET)
when set, and generated credentials otherwise.`;

export const mockCommand: Command = {
  help,
  async run(argv) {
    const { values } = parseFlags('mock', argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'list-faults': { type: 'boolean' },
    });
    if (values['list-faults']) {
      for (const fault of faults) {
        process.stdout.write(
          `${fault.name}\n  ${fault.description}\n  trips: ${fault.trips.join(', ') || '(none)'}\n`,
        );
      }
      return exitCodes.ok;
    }
    const selected = values.fault ?? [];
    const unknown = selected.find((name) => !isFaultName(name));
    if (unknown) throw new UsageError(`unknown fault "${unknown}" (list them with --list-faults)`);
    const port = readInteger(values.port, '--port', 4010, 0, 65_535);
    const host = values.host ?? '127.0.0.1';
    const fromEnv = credentialsFromEnv(process.env);
    const credentials = fromEnv
      ? mockCredentialsFor(fromEnv, generatedCredentials())
      : generatedCredentials();
    const mock = await startMock({ host, port, credentials, faults: selected.filter(isFaultName) }).catch(
      (error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
      },
    );
    process.stdout.write(`flex-conformance mock listening on ${mock.url}\n`);
    if (fromEnv) {
      process.stdout.write(
        `credentials: ${fromEnv.username} with the secret from the environment (${fromEnv.kind === 'api-key' ? 'TWILIO_API_SECRET' : 'TWILIO_AUTH_TOKEN'})\n`,
      );
    } else {
      process.stdout.write(
        `credentials (generated for this mock): TWILIO_ACCOUNT_SID=${credentials.accountSid} TWILIO_AUTH_TOKEN=${credentials.authToken}\n` +
          `  or the API key: TWILIO_API_KEY=${credentials.apiKey} TWILIO_API_SECRET=${credentials.apiSecret}\n`,
      );
    }
    if (selected.length > 0) process.stdout.write(`faults: ${selected.join(', ')}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await mock.close();
    return exitCodes.ok;
  },
};
