import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `<out>/kill-matrix.json`, written by the self-test that runs the suite against the clean mock
 * and against each deliberately broken one. A fault is killed when the rules it is meant to trip
 * failed. The HTML report shows it as the appendix "Sensitivity".
 */
export interface KillMatrix {
  readonly generatedAt: string;
  readonly clean: { readonly verdict: 'pass' | 'fail'; readonly failedRules: readonly string[] };
  readonly faults: readonly KillMatrixFault[];
}

export interface KillMatrixFault {
  readonly name: string;
  readonly description: string;
  /** The rules the fault is meant to make fail. */
  readonly trips: readonly string[];
  /** The rules that failed when the suite ran against the mock with this fault. */
  readonly failedRules: readonly string[];
  readonly killed: boolean;
}

export const killMatrixFile = 'kill-matrix.json';

/** The kill matrix in a report directory, or undefined when there is none (or it is not one). */
export function readKillMatrix(dir: string): KillMatrix | undefined {
  const path = join(dir, killMatrixFile);
  if (!existsSync(path)) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isKillMatrix(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isKillMatrix(value: unknown): value is KillMatrix {
  if (!isObject(value) || typeof value.generatedAt !== 'string') return false;
  const { clean, faults } = value;
  if (!isObject(clean) || !isStringList(clean.failedRules) || typeof clean.verdict !== 'string') return false;
  return (
    Array.isArray(faults) &&
    faults.every(
      (fault) =>
        isObject(fault) &&
        typeof fault.name === 'string' &&
        typeof fault.description === 'string' &&
        isStringList(fault.trips) &&
        isStringList(fault.failedRules) &&
        typeof fault.killed === 'boolean',
    )
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
