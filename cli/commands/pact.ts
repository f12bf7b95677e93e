import { randomBytes } from 'node:crypto';
import { redactor } from '../../reports/redact';
import { requireCredentials } from '../../targets/http/credentials';
import { parseFlags } from '../args';
import { exitCodes, UsageError } from '../errors';
import { loadPact, publishedHttpPacts } from '../pact/pact-file';
import { ProviderClient, UnreachableError } from '../pact/provider-client';
import { verifyInteraction } from '../pact/verify-interaction';
import type { Command } from './command';

const help = `usage: flex-conformance pact verify --provider-base-url URL [--pact FILE]…

Verifies Pact V4 HTTP pacts (default: the published ones in contracts/pacts/) against the
implementation at URL, which serves the Twilio APIs at their real paths. Each interaction's
provider states are set up through the target's own API, its request is sent as the pact has it
(form bodies byte for byte, with their own Content-Length), and its response's status, headers and
body are matched with the pact's matching rules.

Provider states (what each returns for the pact's \${…} expressions):
  the account can create Flex Flows   friendlyName (a name of this run; flows with it are deleted after)
  a Flex Flow exists                  sid, friendlyName (created with POST /v1/FlexFlows from the
                                      state's parameters; deleted after)
  no Flex Flow FO… exists             nothing (that Flex Flow is deleted if the target has it)

Credentials: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or TWILIO_API_KEY with TWILIO_API_SECRET,
sent as HTTP Basic auth (as run --target URL sends them).

Exit codes: 0 every interaction verified, 1 one failed (each printed with its mismatches, one line
each), 2 usage error, 3 the URL could not be reached.`;

function providerBaseUrl(value: string | undefined): URL {
  if (value === undefined) throw new UsageError('pact verify: --provider-base-url is required');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`pact verify: --provider-base-url is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`pact verify: --provider-base-url must be http or https (got "${value}")`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

async function verify(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags('pact verify', argv, {
    'provider-base-url': { type: 'string' },
    pact: { type: 'string', multiple: true },
  });
  const baseUrl = providerBaseUrl(values['provider-base-url']);
  const pacts = (values.pact ?? publishedHttpPacts()).map(loadPact);
  for (const pact of pacts)
    if (pact.interactions.length === 0) throw new UsageError(`${pact.file} holds no HTTP interaction`);
  const client = new ProviderClient(baseUrl, requireCredentials(process.env, baseUrl.origin));
  const runTag = randomBytes(4).toString('hex');
  const redact = redactor();
  const print = (line: string) => process.stdout.write(`${redact(line)}\n`);

  let failed = 0;
  let total = 0;
  try {
    for (const pact of pacts) {
      print(`${pact.consumer} → ${pact.provider} (${pact.file}) against ${baseUrl.origin}`);
      for (const interaction of pact.interactions) {
        total++;
        const verdict = await verifyInteraction(interaction, client, runTag);
        if (verdict.mismatches.length === 0) {
          print(`  ✓ ${verdict.description}`);
          continue;
        }
        failed++;
        print(`  ✘ ${verdict.description}`);
        for (const mismatch of verdict.mismatches) print(`      ${verdict.description}: ${mismatch}`);
      }
    }
  } catch (error) {
    if (!(error instanceof UnreachableError)) throw error;
    process.stderr.write(`flex-conformance: pact verify: ${redact(error.message)}\n`);
    return exitCodes.internal;
  }
  print(`${total - failed} of ${total} interactions verified${failed ? `, ${failed} failed` : ''}`);
  return failed ? exitCodes.failed : exitCodes.ok;
}

export const pactCommand: Command = {
  help,
  async run(argv) {
    const [subcommand, ...rest] = argv;
    if (subcommand !== 'verify')
      throw new UsageError(
        `pact takes a subcommand: verify (got ${subcommand === undefined ? 'none' : `"${subcommand}"`})`,
      );
    return verify(rest);
  },
};
