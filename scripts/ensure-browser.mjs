#!/usr/bin/env node
// Finds the Chromium the report's browser tests use, or installs Debian's: CHROMIUM_PATH, then
// /usr/bin/chromium, then Playwright's own browser if one is there. Missing all three, as root with
// apt-get, it installs the `chromium` package and only what it lacks (no recommended extras), after
// checking with a simulation that nothing already installed would be upgraded or removed. It never
// downloads a browser build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstallArgs, readAptSimulation, refusal } from './apt-install-plan.mjs';

const log = (message) => process.stdout.write(`ensure-browser: ${message}\n`);
const fail = (message) => {
  process.stderr.write(`ensure-browser: ${message}\n`);
  process.exit(1);
};

const configured = process.env.CHROMIUM_PATH;
if (configured) {
  if (existsSync(configured)) process.exit(0);
  fail(`CHROMIUM_PATH=${configured} does not exist`);
}
if (existsSync('/usr/bin/chromium')) process.exit(0);
try {
  const { chromium } = await import('@playwright/test');
  if (existsSync(chromium.executablePath())) process.exit(0);
} catch {
  // no Playwright installed yet: only the system browser can do
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  fail("no Chromium: install Debian's chromium package, or set CHROMIUM_PATH to a Chromium binary");
}
if (!installChromium()) {
  log('apt-get update, then again (the package lists were missing or out of date)');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv() });
  if (!installChromium()) fail('apt-get could not install chromium');
}

/** Installs chromium when the simulation shows only new packages; false when apt-get failed. */
function installChromium() {
  const simulation = spawnSync('apt-get', [...aptInstallArgs, '-s', 'chromium'], {
    encoding: 'utf8',
    env: aptEnv(),
  });
  if (simulation.status !== 0) return false;
  const plan = readAptSimulation(simulation.stdout);
  const reason = refusal(plan);
  if (reason) fail(`not installing chromium: ${reason}; install it yourself or set CHROMIUM_PATH`);
  log(`installing chromium with apt-get: ${plan.installs.length} packages, none upgraded or removed`);
  const installed = spawnSync('apt-get', [...aptInstallArgs, 'chromium'], {
    stdio: 'inherit',
    env: aptEnv(),
  });
  return installed.status === 0 && existsSync('/usr/bin/chromium');
}

function aptEnv() {
  return { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
}
