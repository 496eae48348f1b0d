import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's virtual module holding the content layer's data store (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** What the prerender bundle logs once it has read the store from disk (a build test checks the pages did not need to). */
export const READ_MESSAGE = '[papershelf] the prerendered pages read the content data store from';

/**
 * The module that stands in for Astro's: the data store read from `file` when the prerender bundle is evaluated.
 * Astro turns any error while loading the store into an empty store, which would build a site without papers and
 * exit 0; so a store that cannot be read is reported here and fails the build.
 */
export function dataStoreModuleCode(file: string): string {
  return [
    "import { readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    'let store;',
    'try {',
    "  store = JSON.parse(readFileSync(file, 'utf8'));",
    '} catch (error) {',
    '  console.error(`[papershelf] the content data store ${file} could not be read (${error.message}); run the build again`);',
    '  process.exitCode = 1;',
    '  throw error;',
    '}',
    `console.info(${JSON.stringify(`${READ_MESSAGE} `)} + file);`,
    'export default store;',
  ].join('\n');
}

/** Where the plugin reads the store from; null leaves the module to Astro. Set once Astro's config is final. */
export interface DataStoreSource {
  file: string | null;
}

/** The Vite plugin that answers the data store module with a read of `source.file`. */
export function dataStoreFromDiskPlugin(source: DataStoreSource): Plugin {
  return {
    name: 'papershelf:data-store-from-disk',
    enforce: 'pre',
    // Before Astro's own load hook (which has no order), which would read the store, parse it to check it and
    // quote it into the module for the bundler.
    load: {
      order: 'pre',
      filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
      handler(id) {
        if (id !== DATA_STORE_MODULE || source.file === null) return null;
        // No store written (no collections): Astro's module is an empty Map, and so is this one.
        if (!existsSync(source.file)) return { code: 'export default new Map();', map: { mappings: '' } };
        return { code: dataStoreModuleCode(source.file), map: { mappings: '' } };
      },
    },
  };
}

/**
 * In `astro build` of a static site, the prerender bundle reads the content layer's data store, if a page asks for
 * it, from the file Astro has just written (`<cacheDir>/data-store.json`) instead of carrying it: Astro's module
 * embeds the whole store (18 MB for 10,000 papers) as one string literal for the bundler to parse, copy and write
 * out, 1.3–2.2 s of a 10,000-paper build in A/B runs (BENCHMARKS.md, "Site build"), whether or not a page reads it.
 * Papershelf's own pages take the records from the content loader (src/lib/routes.ts), so they read neither. Static pages are rendered by the build process
 * itself, right after Astro wrote the file; two builds sharing one cache folder at once would race, as they
 * already do for Astro's own cache. Off with an adapter (a server reads the store at run time, elsewhere), with
 * chunked storage (whose module is small) and with incremental builds (which track Astro's own module).
 */
export function dataStoreFromDiskIntegration(): AstroIntegration {
  const source: DataStoreSource = { file: null };
  return {
    name: 'papershelf-data-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [dataStoreFromDiskPlugin(source)] } });
      },
      // The final config, after every integration's updateConfig.
      'astro:config:done': ({ config, buildOutput }) => {
        const { collectionStorage, incrementalBuild } = config.experimental;
        const singleFile = collectionStorage === undefined || collectionStorage === 'single-file';
        const on = buildOutput === 'static' && !config.adapter && singleFile && !incrementalBuild;
        source.file = on ? fileURLToPath(new URL('data-store.json', config.cacheDir)) : null;
      },
    },
  };
}
