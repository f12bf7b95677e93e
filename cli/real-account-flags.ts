import { defaultStubPort } from '../targets/public-url/gateway';

/** The `run` flags for real accounts, recording and the gate (checked in settings-from-flags.ts). */
export const realAccountFlags = {
  account: { type: 'string' },
  record: { type: 'string' },
  'expected-failures': { type: 'string' },
  'max-requests': { type: 'string' },
  'voice-number': { type: 'string' },
  'sms-numbers': { type: 'string' },
  'public-url': { type: 'string' },
  'stub-port': { type: 'string' },
} as const;

export const realAccountHelp = `  --target twilio  Twilio's own hosts with the credentials from the environment (needs --account)
  --target replay:DIR  replay cassettes recorded with --record, network locked down
  --account AC…    the account a twilio run may change: must be the credentials' account
  --record DIR     record every exchange with the account as nock cassettes (scrubbed)
  --max-requests N request budget (twilio default 20000); a request past it fails
  --voice-number N a phone number voice checks may call (E.164); without one they are skipped
  --sms-numbers A,B two phone numbers of the account (E.164, without a Flex Flow) the inbound SMS
                   checks point at the Flex Proxy Service and message; without them they are skipped
  --public-url URL https URL of a tunnel to --stub-port: checks the account calls back (widget
                   requests, webhooks) go through it; without one they are skipped
  --stub-port N    the local port the tunnel points at (default ${defaultStubPort})
  --expected-failures FILE  known failures of this target ({rule, target, reason, expires}):
                   a listed failing rule does not fail the run, an expired entry does`;
