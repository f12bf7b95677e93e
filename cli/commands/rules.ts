import { areas, catalog } from '../../contracts/rules';
import { ruleVenues, ruleVenuesText } from '../../targets/twilio/rule-venues';
import { parseFlags } from '../args';
import { exitCodes, UsageError } from '../errors';
import type { Command } from './command';

const help = `usage: flex-conformance rules [--json] [--area AREA] [--severity must|should|info]

Prints the rule catalog: every rule the suite checks, with its severity, area and title, and
where it can run: the target kinds that can exercise it and what each needs there (a real
account: --voice-number, --sms-numbers, --public-url, a Flex workspace, the Flex chat
service)
(--json: the full catalog with statements, sources, quotes, ambiguities and \`where\`).`;

export const rulesCommand: Command = {
  help,
  async run(argv) {
    const { values } = parseFlags('rules', argv, {
      json: { type: 'boolean' },
      area: { type: 'string' },
      severity: { type: 'string' },
    });
    if (values.area !== undefined && !(areas as readonly string[]).includes(values.area)) {
      throw new UsageError(`--area must be one of ${areas.join(', ')} (got "${values.area}")`);
    }
    if (values.severity !== undefined && !['must', 'should', 'info'].includes(values.severity)) {
      throw new UsageError(`--severity must be must, should or info (got "${values.severity}")`);
    }
    const rules = catalog.filter(
      (rule) =>
        (values.area === undefined || rule.area === values.area) &&
        (values.severity === undefined || rule.severity === values.severity),
    );
    if (values.json) {
      const withVenues = rules.map((rule) => ({ ...rule, where: ruleVenues(rule) }));
      process.stdout.write(`${JSON.stringify(withVenues, null, 2)}\n`);
      return exitCodes.ok;
    }
    const width = Math.max(...rules.map((rule) => rule.id.length), 2);
    for (const area of areas) {
      const inArea = rules.filter((rule) => rule.area === area);
      if (inArea.length === 0) continue;
      process.stdout.write(`\n${area} (${inArea.length})\n`);
      for (const rule of inArea) {
        const flag = 'ambiguity' in rule ? ' [ambiguity]' : '';
        process.stdout.write(
          `  ${rule.id.padEnd(width)}  ${rule.severity.padEnd(6)}  ${rule.title}${flag}\n`,
        );
        process.stdout.write(`  ${''.padEnd(width)}  runs on: ${ruleVenuesText(rule)}\n`);
      }
    }
    process.stdout.write(`\n${rules.length} rules\n`);
    return exitCodes.ok;
  },
};
