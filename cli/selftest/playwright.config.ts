import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Project } from '@playwright/test';
import { faults } from '../../mock/faults';
import base from '../../playwright.config';
import { readRunSettings } from '../../targets/run-settings';
import { checksOf, cleanProject, faultProject, selectedFaults } from './settings';

/**
 * The self-test's Playwright configuration: one run with a project for the clean mock (every
 * check) and one project per fault, each starting its workers' mock with that fault and running
 * only the checks of the rules the fault trips (or every check with `selftest --all-checks`).
 * The projects are derived from the main config's `conformance` project, so they run exactly the
 * checks `flex-conformance run` runs.
 */

type WorkerOptions = { mockFaults: readonly string[] | undefined };

const root = fileURLToPath(new URL('../..', import.meta.url));
const conformance = base.projects?.find((project) => project.name === 'conformance');
if (!conformance) throw new Error('playwright.config.ts has no "conformance" project');
const { dependencies: _dependencies, teardown: _teardown, ...suite } = conformance;
const testDir = resolve(root, conformance.testDir ?? '.');
const settings = readRunSettings();
const allChecks = settings.selftest?.allChecks ?? false;

const projects: Project<object, WorkerOptions>[] = [
  { ...suite, name: cleanProject, testDir, use: { ...suite.use, mockFaults: [] } },
  ...selectedFaults(faults, settings.selftest?.faults).map(
    (fault): Project<object, WorkerOptions> => ({
      ...suite,
      name: faultProject(fault.name),
      testDir,
      // one worker per fault: a second would pay another start-up for a handful of checks
      workers: 1,
      ...(allChecks ? {} : { grep: checksOf(fault.trips) }),
      use: { ...suite.use, mockFaults: [fault.name] },
    }),
  ),
];

export default defineConfig<object, WorkerOptions>({
  timeout: base.timeout,
  fullyParallel: true,
  forbidOnly: base.forbidOnly,
  retries: 0,
  outputDir: settings.artifactsDir ?? join(tmpdir(), 'flexconf-selftest-artifacts'),
  reporter: [['./reporter.ts']],
  use: base.use,
  projects,
});
