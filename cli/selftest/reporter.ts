import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import { readRunSettings } from '../../targets/run-settings';
import type { ProjectOutcome, SelftestOutcomes } from './outcomes';
import { cleanProject } from './settings';

/**
 * Records, per project (the clean mock or one fault), which rules' checks passed, failed or were
 * skipped, and writes it where the run settings say (`selftest.resultsFile`). Prints nothing but a
 * count at the start and the failures of the clean project: failures under a fault are the
 * expected outcome.
 */
export default class SelftestReporter implements Reporter {
  private readonly projects: Record<string, ProjectOutcome> = {};
  private readonly started = performance.now();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    const tests = suite.allTests();
    const projects = new Set(tests.map((test) => projectOf(test)));
    process.stdout.write(
      `selftest: ${tests.length} checks in ${projects.size} projects (the clean mock and ${Math.max(0, projects.size - 1)} faults), ${config.workers} workers\n`,
    );
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = projectOf(test);
    const outcome = this.projects[project] ?? { checks: 0, rules: {}, failures: [] };
    this.projects[project] = outcome;
    outcome.checks++;
    const status = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
    for (const annotation of test.annotations) {
      if (annotation.type !== 'rule' || !annotation.description) continue;
      const tally = outcome.rules[annotation.description] ?? { passed: 0, failed: 0, skipped: 0 };
      tally[status]++;
      outcome.rules[annotation.description] = tally;
    }
    if (status === 'failed' && project === cleanProject) {
      const error = stripAnsi(result.errors[0]?.message ?? result.errors[0]?.value ?? 'failed');
      outcome.failures.push({
        title: test.titlePath().slice(2).join(' › '),
        error: error.split('\n')[0] ?? '',
      });
    }
  }

  onEnd(result: FullResult): void {
    const outcomes: SelftestOutcomes = {
      status: result.status,
      durationMs: Math.round(performance.now() - this.started),
      projects: this.projects,
    };
    const file = readRunSettings().selftest?.resultsFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(outcomes)}\n`);
  }
}

function projectOf(test: TestCase): string {
  return test.parent.project()?.name ?? '';
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
