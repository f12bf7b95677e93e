#!/usr/bin/env node
// Finds or installs the Chromium the report's browser tests use: CHROMIUM_PATH, Debian's
// /usr/bin/chromium (installed with apt-get when running as root), or Playwright's own download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const log = (message) => process.stdout.write(`ensure-browser: ${message}\n`);
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) process.exit(0);
if (existsSync('/usr/bin/chromium')) process.exit(0);

const { chromium } = await import('@playwright/test');
if (existsSync(chromium.executablePath())) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  log('installing Debian chromium with apt-get');
  if (
    run('apt-get', ['install', '-y', '-qq', 'chromium']) ||
    (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']))
  ) {
    process.exit(0);
  }
}
log("no system Chromium; trying Playwright's browser download");
if (run('npx', ['playwright', 'install', 'chromium'])) process.exit(0);
log('no Chromium available: set CHROMIUM_PATH to a Chromium binary');
process.exit(1);
