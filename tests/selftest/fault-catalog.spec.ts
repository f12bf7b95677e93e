import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { areas, catalog, ruleById } from '../../contracts/rules';
import { faults } from '../../mock/faults';
import { runCli } from '../cli/cli-fixtures';

/**
 * Self-test of the fault catalog: every fault is well-formed and implemented in the fault layer, and every
 * `must` rule is tripped by some fault, so each has a check that is shown to fail
 * (`flex-conformance selftest` runs them; tests/selftest/kill-matrix-cli.spec.ts holds it to that).
 */

const mockDir = fileURLToPath(new URL('../../mock/', import.meta.url));
const faultLayerDir = join(mockDir, 'faults');

/**
 * `must` rules no check can exercise on the mock, so no fault can show them failing: their checks
 * are reported skipped with these reasons on the mock and run on a real account.
 */
const notExercisableOnMock: Readonly<Record<string, string>> = {};

const tripped = new Set(faults.flatMap((fault) => fault.trips as readonly string[]));
const mustRules = catalog.filter((rule) => rule.severity === 'must');

test.describe('the fault catalog', () => {
  test('fault names are unique kebab-case words', () => {
    const names = faults.map((fault) => fault.name);
    expect(new Set(names).size, 'duplicate fault names').toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  test('every fault describes the bug and names the catalog rules it trips', () => {
    for (const fault of faults) {
      expect(fault.description.length, fault.name).toBeGreaterThan(10);
      expect(fault.trips.length, `${fault.name} trips no rule`).toBeGreaterThan(0);
      for (const rule of fault.trips) expect(ruleById(rule), `${fault.name}: ${rule}`).toBeDefined();
    }
  });

  test('every fault is implemented in the fault layer: a behaviour override, a wire transform or both', () => {
    const empty = faults
      .filter((fault) => !('behaviour' in fault && fault.behaviour) && !('wire' in fault && fault.wire))
      .map((fault) => fault.name);
    expect(empty, 'faults that change nothing').toEqual([]);
  });

  test('the domain code names no fault: faults live only in mock/faults/', () => {
    const domainFiles = mockSources().filter((file) => !file.startsWith(faultLayerDir));
    const named = domainFiles.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const calls = /\bfault\(/.test(source) ? [`${relative(mockDir, file)}: fault(`] : [];
      const names = faults
        .filter((fault) => source.includes(`'${fault.name}'`))
        .map((fault) => `${relative(mockDir, file)}: '${fault.name}'`);
      return [...calls, ...names];
    });
    expect(named, 'fault branches in domain code').toEqual([]);
  });

  test('every must rule is tripped by a fault, except the ones no check can exercise on the mock', () => {
    const untripped = mustRules.filter((rule) => !tripped.has(rule.id)).map((rule) => rule.id);
    expect(untripped).toEqual(Object.keys(notExercisableOnMock));
    for (const area of areas) {
      const inArea = mustRules.filter((rule) => rule.area === area);
      const covered = inArea.filter((rule) => tripped.has(rule.id)).length;
      test
        .info()
        .annotations.push({ type: 'fault coverage', description: `${area}: ${covered}/${inArea.length}` });
    }
  });

  test('mock --list-faults prints every fault with the rules it should trip', async () => {
    const { code, stdout } = await runCli(['mock', '--list-faults']);
    expect(code).toBe(0);
    const listed = new Map<string, string>();
    for (const block of stdout.split(/\n(?=\S)/)) {
      const [name = '', , trips = ''] = block.split('\n');
      listed.set(name.trim(), trips.replace(/^\s*trips:\s*/, '').trim());
    }
    for (const fault of faults) expect(listed.get(fault.name), fault.name).toBe(fault.trips.join(', '));
  });
});

function mockSources(dir = mockDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return mockSources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
