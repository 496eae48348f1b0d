import { basename } from 'node:path';
import { publishEarlyWorker, startDataFilesWorker } from '../integrations/data-files-worker-handle.ts';

// `npm run build` preloads this module (`node --import`) into `astro build`: it starts the data-files worker on
// the dumps before Astro has loaded, about a second earlier than the integration could, so the content loader
// waits less for the parse (BENCHMARKS.md, "Site build"). The integration adopts the worker when its settings
// match and stops it otherwise; plain `astro build` starts its own worker, later.

/** True when the process is Astro's CLI running `build`. */
export function isAstroBuild(argv: readonly string[]): boolean {
  const script = basename(argv[1] ?? '');
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return (script === 'astro' || script === 'astro.mjs' || script === 'astro.js') && command === 'build';
}

if (isAstroBuild(process.argv)) {
  // Started before this thread loads the site config (and zod with it, about 0.1 s): the worker reads the same
  // config from the same environment itself.
  const worker = startDataFilesWorker();
  const { siteConfig } = await import('../config.ts');
  publishEarlyWorker(worker, { dataDir: siteConfig.dataDir, categories: siteConfig.categories });
}
