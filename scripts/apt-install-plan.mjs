// What `apt-get install` would do, read from its simulation (`apt-get install -s`), so that
// installing a missing package never upgrades or removes anything already on the machine.

/** The install, without the recommended extras (with them, chromium pulls in upgrades of systemd and more). */
export const aptInstallArgs = ['install', '-y', '-qq', '--no-install-recommends'];

/** `Inst name (new)` installs; `Inst name [old] (new)` upgrades; `Remv name` removes. */
export function readAptSimulation(output) {
  const plan = { installs: [], upgrades: [], removals: [] };
  for (const line of output.split('\n')) {
    const inst = /^Inst (\S+) (\[[^\]]*\] )?\(/.exec(line);
    if (inst) (inst[2] ? plan.upgrades : plan.installs).push(inst[1]);
    const remv = /^Remv (\S+)/.exec(line);
    if (remv) plan.removals.push(remv[1]);
  }
  return plan;
}

/** Why the plan must not be carried out (it changes packages already installed), or undefined. */
export function refusal(plan) {
  const changed = [
    ...plan.upgrades.map((name) => `upgrade ${name}`),
    ...plan.removals.map((name) => `remove ${name}`),
  ];
  return changed.length > 0 ? `it would ${changed.join(', ')}` : undefined;
}
