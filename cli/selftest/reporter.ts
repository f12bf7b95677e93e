import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import { readRunSettings } from '../../targets/run-settings';
import type { EntryOutcome, SelftestOutcomes } from './outcomes';
import { cleanEntry, entryOfFile } from './settings';

/**
 * Records, per matrix entry (the clean mock or one fault), which rules' checks passed, failed or were
 * skipped, and writes it where the run settings say (`selftest.resultsFile`). Prints nothing but a
 * count at the start and the failures of the clean project: failures under a fault are the
 * expected outcome.
 */
export default class SelftestReporter implements Reporter {
  private readonly entries: Record<string, EntryOutcome> = {};
  private readonly started = performance.now();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    const tests = suite.allTests();
    const entries = new Set(tests.map((test) => entryOf(test)));
    const faultEntries = [...entries].filter((entry) => entry !== cleanEntry).length;
    process.stdout.write(
      `selftest: ${tests.length} checks (the clean mock${entries.has(cleanEntry) ? '' : ': none'} and ${faultEntries} faults), ${config.workers} workers\n`,
    );
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const entry = entryOf(test);
    const outcome = this.entries[entry] ?? { checks: 0, rules: {}, failures: [] };
    this.entries[entry] = outcome;
    outcome.checks++;
    const status = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
    for (const annotation of test.annotations) {
      if (annotation.type !== 'rule' || !annotation.description) continue;
      const tally = outcome.rules[annotation.description] ?? { passed: 0, failed: 0, skipped: 0 };
      tally[status]++;
      outcome.rules[annotation.description] = tally;
    }
    if (status === 'failed' && entry === cleanEntry) {
      const error = stripAnsi(result.errors[0]?.message ?? result.errors[0]?.value ?? 'failed');
      outcome.failures.push({
        title: [relative(process.cwd(), test.location.file), ...test.titlePath().slice(3)].join(' › '),
        error: error.split('\n')[0] ?? '',
      });
    }
  }

  onEnd(result: FullResult): void {
    const outcomes: SelftestOutcomes = {
      status: result.status,
      durationMs: Math.round(performance.now() - this.started),
      entries: this.entries,
    };
    const file = readRunSettings().selftest?.resultsFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(outcomes)}\n`);
  }
}

/** The entry of a check: the matrix spec file that declared it (the third title of its path). */
function entryOf(test: TestCase): string {
  return entryOfFile(test.titlePath()[2] ?? '') ?? '';
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
