#!/usr/bin/env node
// Runs the quick start (`rules`, then `run` on the embedded mock) under every Node version range
// package.json declares in `engines`: for each range, the lowest and the newest published release
// it admits. The Node binaries are the npm registry's node-<platform>-<arch> packages, fetched with
// `npm pack` (so npm's registry, proxy and auth settings apply) into a cache kept between runs.
//
//   npm run test:node-versions [-- --newest-only] [-- --cache DIR] [-- --out DIR] [-- <run options>]
//
// Options it does not know (`--workers 1`, `--grep flex-flow`…) go to `run`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const log = (message) => process.stdout.write(`node-versions: ${message}\n`);
const fail = (message) => {
  process.stderr.write(`node-versions: ${message}\n`);
  process.exit(2);
};

const options = readOptions(process.argv.slice(2));
const binaryPackage = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const ranges = String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? '')
  .split('||')
  .map((range) => range.trim())
  .filter(Boolean);
if (ranges.length === 0) fail('package.json declares no engines.node');

const versions = [...new Set(ranges.flatMap((range) => releasesToTest(range)))];
log(`engines.node "${ranges.join(' || ')}": ${versions.join(', ')} (${binaryPackage})`);

const results = versions.map((version) => {
  const node = nodeBinary(version);
  return { version, rules: quickRules(node), run: quickRun(node, version) };
});

for (const { version, rules, run } of results) log(`Node ${version}: rules ${rules}, run ${run}`);
process.exit(results.every(({ rules, run }) => rules.startsWith('ok') && run === 'PASS') ? 0 : 1);

function readOptions(args) {
  const parsed = {
    newestOnly: false,
    cache: join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'flex-conformance', 'node'),
    out: join(root, 'reports', 'out', 'node-versions'),
    runArgs: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--newest-only') parsed.newestOnly = true;
    else if (arg === '--cache' || arg === '--out') {
      const value = args[++i];
      if (!value) fail(`${arg} needs a directory`);
      parsed[arg.slice(2)] = value;
    } else parsed.runArgs.push(arg);
  }
  return parsed;
}

/** The lowest and the newest release of the binary package the range admits (the registry's list). */
function releasesToTest(range) {
  const listed = spawnSync(npm, ['view', `${binaryPackage}@${range}`, 'version', '--json'], {
    encoding: 'utf8',
  });
  if (listed.status !== 0) fail(`npm view ${binaryPackage}@${range}: ${listed.stderr.trim()}`);
  const found = [JSON.parse(listed.stdout || '[]')].flat().sort(byVersion);
  if (found.length === 0) fail(`no ${binaryPackage} release satisfies ${range}`);
  return options.newestOnly ? [found.at(-1)] : [...new Set([found[0], found.at(-1)])];
}

function byVersion(a, b) {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The cached binary of this release, fetched from the registry and unpacked when missing. */
function nodeBinary(version) {
  const dir = join(options.cache, version);
  const binary = join(dir, process.platform === 'win32' ? 'node.exe' : join('bin', 'node'));
  if (existsSync(binary)) return binary;
  const download = mkdtempSync(join(tmpdir(), 'node-versions-'));
  try {
    log(`fetching ${binaryPackage}@${version} into ${dir}`);
    const packed = spawnSync(
      npm,
      ['pack', `${binaryPackage}@${version}`, '--pack-destination', download, '--json'],
      {
        encoding: 'utf8',
      },
    );
    if (packed.status !== 0) fail(`npm pack ${binaryPackage}@${version}: ${packed.stderr.trim()}`);
    const [{ filename }] = JSON.parse(packed.stdout);
    mkdirSync(dir, { recursive: true });
    const unpacked = spawnSync('tar', ['-xzf', join(download, filename), '-C', dir, '--strip-components=1']);
    if (unpacked.status !== 0 || !existsSync(binary)) {
      rmSync(dir, { recursive: true, force: true });
      fail(`${binaryPackage}@${version} holds no ${binary}`);
    }
    return binary;
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}

/** The CLI's processes, and Playwright's, run on this Node: its directory goes first on PATH. */
function under(node) {
  return { ...process.env, PATH: [dirname(node), process.env.PATH].join(delimiter) };
}

function quickRules(node) {
  const listed = spawnSync(node, ['cli/bin.mjs', 'rules', '--json'], {
    cwd: root,
    env: under(node),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) return `failed (exit ${listed.status}): ${listed.stderr.trim().split('\n')[0]}`;
  return `ok (${JSON.parse(listed.stdout).length} rules)`;
}

function quickRun(node, version) {
  log(`Node ${version}: flex-conformance run --out ${join(options.out, version)}`);
  const run = spawnSync(
    node,
    ['cli/bin.mjs', 'run', '--out', join(options.out, version), ...options.runArgs],
    {
      cwd: root,
      // Playwright's own output beside the report, not in the checkout's test-results/ other runs clear
      env: { ...under(node), FLEXCONF_PW_OUTPUT: join(options.out, version, 'playwright') },
      stdio: 'inherit',
    },
  );
  return run.status === 0 ? 'PASS' : `FAIL (exit ${run.status})`;
}
