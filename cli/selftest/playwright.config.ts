import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { faults } from '../../mock/faults';
import base from '../../playwright.config';
import { readRunSettings } from '../../targets/run-settings';
import { cleanEntry, entryChecks, faultEntry, selectedFaults } from './settings';

/**
 * The self-test's Playwright configuration: one project whose spec files are the matrix's entries
 * (written by `flex-conformance selftest`): the clean mock running every check, and each fault
 * running only the checks of the rules it trips (every check with `selftest --all-checks`). The
 * entries load the suite's own spec files, so they run exactly the checks `flex-conformance run`
 * runs, and share the workers: a worker changes its mock where the next check's faults differ.
 */

const settings = readRunSettings();
const selftest = settings.selftest;
if (!selftest?.matrixDir)
  throw new Error('the self-test configuration runs only under `flex-conformance selftest`');
const allChecks = selftest.allChecks;

const conformance = base.projects?.find((project) => project.name === 'conformance');
if (!conformance) throw new Error('playwright.config.ts has no "conformance" project');

export default defineConfig({
  // the entries' titles are their file names (Playwright titles a file relative to the config's testDir)
  testDir: selftest.matrixDir,
  timeout: base.timeout,
  fullyParallel: true,
  forbidOnly: base.forbidOnly,
  retries: 0,
  outputDir: settings.artifactsDir ?? join(tmpdir(), 'flexconf-selftest-artifacts'),
  reporter: [['./reporter.ts']],
  use: { ...base.use, ...conformance.use },
  projects: [
    {
      name: 'matrix',
      grep: [
        entryChecks(cleanEntry),
        ...selectedFaults(faults, selftest.faults).map((fault) =>
          entryChecks(faultEntry(fault.name), allChecks ? undefined : fault.trips),
        ),
      ],
    },
  ],
});
