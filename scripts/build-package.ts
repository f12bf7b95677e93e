/**
 * Builds what the package offers to programs (run by `npm pack`/`npm publish` as `prepack`): the
 * rule catalog as JSON and as an ES module, with TypeScript declarations of the catalog and of the
 * report (`conformance.json`). The CLI and the suite ship as TypeScript and run through tsx.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areas, catalog } from '../contracts/rules';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
for (const file of declarationFiles(join(dist, 'types'))) {
  writeFileSync(file, withJsExtensions(readFileSync(file, 'utf8')));
}

writeFileSync(join(dist, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);
writeFileSync(
  join(dist, 'index.js'),
  `// The rule catalog as data (built from contracts/rules when the package was packed).
import { readFileSync } from 'node:fs';

/** Every rule the suite checks, in display order: what \`flex-conformance rules --json\` prints. */
export const catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'));

/** The areas in display order. */
export const areas = ${JSON.stringify(areas)};

const rulesById = new Map(catalog.map((rule) => [rule.id, rule]));

/** The rule with this id, or undefined when the id is not in the catalog. */
export function ruleById(id) {
  return rulesById.get(id);
}
`,
);
writeFileSync(
  join(dist, 'index.d.ts'),
  `export * from './types/contracts/rules/index.js';
export type * from './types/reports/model.js';
`,
);

function* declarationFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* declarationFiles(path);
    else if (entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Relative specifiers with the extension Node's ESM resolution (and TypeScript's nodenext) requires. */
function withJsExtensions(text: string): string {
  return text.replace(/(from |import\()(['"])(\.{1,2}\/[^'"]+?)(?<!\.js)\2/g, '$1$2$3.js$2');
}
