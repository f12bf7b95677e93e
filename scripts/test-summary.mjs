#!/usr/bin/env node
// Prints Playwright's JSON results as the one closing line CI reads: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/results.json';
if (!existsSync(file)) {
  process.stdout.write('0 passed, 1 failed, 0 skipped\n');
  process.exit(0);
}
const { stats } = JSON.parse(readFileSync(file, 'utf8'));
const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
process.stdout.write(`${passed} passed, ${stats.unexpected ?? 0} failed, ${stats.skipped ?? 0} skipped\n`);
