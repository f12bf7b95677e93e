/**
 * `npm test` installs the browser its report tests need only when it is missing, and then only
 * what it lacks: the simulation apt-get prints is read first, and an install that would upgrade or
 * remove a package already on the machine is refused (scripts/ensure-browser.mjs).
 */
import { expect, test } from '@playwright/test';
import { aptInstallArgs, readAptSimulation, refusal } from '../../scripts/apt-install-plan.mjs';

// lines as `apt-get install -s -qq --no-install-recommends …` prints them on Debian 12
const newPackages = `Inst chromium-common (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
Inst chromium (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
Conf chromium-common (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
Conf chromium (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
`;
const withUpgrade = `Inst libsystemd0 [252.30-1~deb12u2] (252.39-1~deb12u1 Debian:12.15/oldstable [amd64])
Inst systemd [252.30-1~deb12u2] (252.39-1~deb12u1 Debian:12.15/oldstable [amd64]) []
Inst chromium (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
`;

test('the install leaves out recommended packages (with them chromium pulls in upgrades)', () => {
  expect(aptInstallArgs).toContain('--no-install-recommends');
});

test('a simulation installing only new packages is carried out', () => {
  const plan = readAptSimulation(newPackages);
  expect(plan).toEqual({ installs: ['chromium-common', 'chromium'], upgrades: [], removals: [] });
  expect(refusal(plan)).toBeUndefined();
});

test('a simulation upgrading installed packages is refused, naming them', () => {
  expect(refusal(readAptSimulation(withUpgrade))).toBe('it would upgrade libsystemd0, upgrade systemd');
});

test('a simulation removing an installed package is refused', () => {
  expect(
    refusal(readAptSimulation('Remv chromium-sandbox [155.0-1]\nInst chromium (156.0-1 Debian [amd64])\n')),
  ).toBe('it would remove chromium-sandbox');
});
