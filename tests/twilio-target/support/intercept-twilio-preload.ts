/**
 * Loaded into every process of a CLI run under test (NODE_OPTIONS="--import <this, bundled>"):
 * the CLI, Playwright's runner and each worker reach nothing beyond loopback, and answer Twilio's
 * hosts from the simulated account named by FLEXCONF_SIMULATED_TWILIO when there is one.
 */
import { interceptTwilio, lockDownNetwork } from './intercept-twilio';

const simulator = process.env.FLEXCONF_SIMULATED_TWILIO;
if (simulator) interceptTwilio(simulator);
else lockDownNetwork();
