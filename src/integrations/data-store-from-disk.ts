import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's virtual module holding the content layer's data store (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The module that stands in for Astro's: the data store read from `file` when the module is evaluated. */
export function dataStoreModuleCode(file: string): string {
  return [
    "import { existsSync, readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    // Astro's own module exports an empty Map when no store was written.
    "export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();",
  ].join('\n');
}

/** The Vite plugin that swaps the data store module's bundled contents for a read of `file`. */
export function dataStoreFromDiskPlugin(file: string): Plugin {
  return {
    name: 'papershelf:data-store-from-disk',
    enforce: 'pre',
    // Before Astro's own load hook, which would read the store, parse it to check it and quote it into the module.
    load: {
      order: 'pre',
      filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
      handler(id) {
        if (id !== DATA_STORE_MODULE) return null;
        return { code: dataStoreModuleCode(file), map: { mappings: '' } };
      },
    },
  };
}

/**
 * In `astro build` of a static site, the prerender bundle reads the content layer's data store from the file
 * Astro has just written (`<cacheDir>/data-store.json`) instead of carrying it: Astro's module embeds the whole
 * store (18 MB for 10,000 papers) as one string literal that the bundler then parses, copies and writes out,
 * about 2 s of a 10,000-paper build (BENCHMARKS.md, "Site build"). Static pages are rendered by the build
 * process itself, on the machine where that file is; the module's value is the same either way. Off with an
 * adapter (a server reads the store at run time, elsewhere) and for chunked storage, whose module is small.
 */
export function dataStoreFromDiskIntegration(): AstroIntegration {
  return {
    name: 'papershelf-data-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const storage = config.experimental.collectionStorage;
        if (command !== 'build' || config.adapter || (storage !== undefined && storage !== 'single-file')) return;
        updateConfig({ vite: { plugins: [dataStoreFromDiskPlugin(fileURLToPath(new URL('data-store.json', config.cacheDir)))] } });
      },
    },
  };
}
