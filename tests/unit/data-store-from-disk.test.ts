import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_STORE_MODULE, dataStoreFromDiskIntegration, dataStoreFromDiskPlugin, dataStoreModuleCode } from '../../src/integrations/data-store-from-disk.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-store-'));
  dirs.push(dir);
  return join(dir, name);
}

// Evaluates module code as an ES module and returns its default export.
async function evaluate(code: string): Promise<unknown> {
  const file = tempFile('module.mjs');
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

type LoadHook = { order: string; filter: { id: RegExp }; handler: (id: string) => { code: string } | null };
type SetupHook = (options: { command: string; config: unknown; updateConfig: (config: { vite: { plugins: unknown[] } }) => void }) => void;

function pluginsAdded(command: string, config: Record<string, unknown>): unknown[] {
  const added: unknown[] = [];
  const setup = dataStoreFromDiskIntegration().hooks['astro:config:setup'] as unknown as SetupHook;
  setup({ command, config: { cacheDir: new URL('file:///project/node_modules/.astro/'), experimental: {}, ...config }, updateConfig: (update) => added.push(...update.vite.plugins) });
  return added;
}

describe('the data store read from disk', () => {
  it('gives the prerender bundle the same value as the file Astro wrote', async () => {
    const file = tempFile('data-store.json');
    // What Astro's devalue-serialised store looks like: a flat array.
    const stored = [['Map', 1], [2, 3], 'papers', ['Map', 4], { a: 'x' }];
    writeFileSync(file, JSON.stringify(stored));
    expect(await evaluate(dataStoreModuleCode(file))).toEqual(stored);
  });

  it('gives an empty Map when no store was written, as Astro does', async () => {
    expect(await evaluate(dataStoreModuleCode(tempFile('missing.json')))).toEqual(new Map());
  });

  it('loads only the data store module, before Astro does', () => {
    const file = tempFile('data-store.json');
    const { load } = dataStoreFromDiskPlugin(file) as { load: LoadHook };
    // Astro's own load hook for the module has no order, so 'pre' runs this one first.
    expect(load.order).toBe('pre');
    expect(load.filter.id.test(DATA_STORE_MODULE)).toBe(true);
    expect(load.filter.id.test('\0astro:content')).toBe(false);
    expect(load.handler(DATA_STORE_MODULE)?.code).toBe(dataStoreModuleCode(file));
    expect(load.handler('/src/pages/index.astro')).toBeNull();
  });

  it('is on for a static build only, reading the store from the cache folder', () => {
    const [plugin] = pluginsAdded('build', {}) as Array<{ load: LoadHook }>;
    expect(plugin?.load.handler(DATA_STORE_MODULE)?.code).toContain(JSON.stringify('/project/node_modules/.astro/data-store.json'));
    expect(pluginsAdded('build', { experimental: { collectionStorage: 'single-file' } })).toHaveLength(1);
    expect(pluginsAdded('dev', {})).toEqual([]);
    expect(pluginsAdded('build', { adapter: { name: '@astrojs/node' } })).toEqual([]);
    expect(pluginsAdded('build', { experimental: { collectionStorage: 'chunked' } })).toEqual([]);
    expect(pluginsAdded('build', { experimental: { collectionStorage: { type: 'chunked', chunkSize: 1024 } } })).toEqual([]);
  });

  it('targets the module id and file Astro itself uses', () => {
    // If Astro renames them, this fails rather than the plugin silently doing nothing.
    const consts = readFileSync(join(import.meta.dirname, '../../node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content"');
    expect(consts).toContain('const DATA_STORE_FILE = "data-store.json"');
  });
});
