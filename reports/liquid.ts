import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';

export const templatesDir = fileURLToPath(new URL('./templates', import.meta.url));

/**
 * The engine for reports/templates: every output is HTML-escaped unless marked `| raw` (target
 * responses end up in the page), an unknown filter or variable is an error instead of empty text.
 */
export function reportEngine(): Liquid {
  const engine = new Liquid({
    root: templatesDir,
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    ownPropertyOnly: true,
    cache: true,
  });
  engine.registerFilter('percent', (value: number) => `${Math.round(value)}%`);
  return engine;
}
