import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATA_STORE_MODULE, dataStoreFromDiskIntegration, dataStoreFromDiskPlugin, dataStoreModuleCode } from '../../src/integrations/data-store-from-disk.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  process.exitCode = 0;
  vi.restoreAllMocks();
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
type Hooks = {
  'astro:config:setup': (options: { command: string; updateConfig: (config: { vite: { plugins: unknown[] } }) => void }) => void;
  'astro:config:done': (options: { config: unknown; buildOutput: string }) => void;
};

// The plugin the integration adds for `command`, and the file it reads once Astro's final config is `config`.
function pluginFor(command: string, config: Record<string, unknown>, buildOutput = 'static'): { plugins: unknown[]; code: string | null } {
  const plugins: unknown[] = [];
  const hooks = dataStoreFromDiskIntegration().hooks as unknown as Hooks;
  hooks['astro:config:setup']({ command, updateConfig: (update) => plugins.push(...update.vite.plugins) });
  hooks['astro:config:done']({ config: { cacheDir: new URL('file:///project/node_modules/.astro/'), experimental: {}, ...config }, buildOutput });
  const load = (plugins[0] as { load: LoadHook } | undefined)?.load;
  return { plugins, code: load?.handler(DATA_STORE_MODULE)?.code ?? null };
}

describe('the data store read from disk', () => {
  it('gives the prerender bundle the same value as the file Astro wrote', async () => {
    const file = tempFile('data-store.json');
    // What Astro's devalue-serialised store looks like: a flat array.
    const stored = [['Map', 1], [2, 3], 'papers', ['Map', 4], { a: 'x' }];
    writeFileSync(file, JSON.stringify(stored));
    vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(await evaluate(dataStoreModuleCode(file))).toEqual(stored);
  });

  it('fails the build, naming the file, when the store cannot be read (Astro would build a site without papers)', async () => {
    const file = tempFile('data-store.json');
    writeFileSync(file, '[["Map", 1], [2, 3');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(evaluate(dataStoreModuleCode(file))).rejects.toThrow();
    expect(process.exitCode).toBe(1);
    expect(errors.mock.calls[0]?.[0]).toContain(`the content data store ${file} could not be read`);
  });

  it('loads only the data store module, before Astro does, and an empty Map when no store was written', () => {
    const file = tempFile('data-store.json');
    const { load } = dataStoreFromDiskPlugin({ file }) as unknown as { load: LoadHook };
    // Astro's own load hook for the module has no order, so 'pre' runs this one first.
    expect(load.order).toBe('pre');
    expect(load.filter.id.test(DATA_STORE_MODULE)).toBe(true);
    expect(load.filter.id.test('\0astro:content')).toBe(false);
    expect(load.handler(DATA_STORE_MODULE)?.code).toBe('export default new Map();');
    writeFileSync(file, '[]');
    expect(load.handler(DATA_STORE_MODULE)?.code).toBe(dataStoreModuleCode(file));
    expect(load.handler('/src/pages/index.astro')).toBeNull();
    expect((dataStoreFromDiskPlugin({ file: null }) as unknown as { load: LoadHook }).load.handler(DATA_STORE_MODULE)).toBeNull();
  });

  it('is on for a static build only, reading the store from the final config’s cache folder', () => {
    // The file does not exist here, so the plugin answers with an empty Map: on, but nothing to read.
    expect(pluginFor('build', {}).code).toBe('export default new Map();');
    expect(pluginFor('build', { experimental: { collectionStorage: 'single-file' } }).code).not.toBeNull();
    expect(pluginFor('dev', {}).plugins).toEqual([]);
    expect(pluginFor('build', { adapter: { name: '@astrojs/node' } }).code).toBeNull();
    expect(pluginFor('build', {}, 'server').code).toBeNull();
    expect(pluginFor('build', { experimental: { collectionStorage: 'chunked' } }).code).toBeNull();
    expect(pluginFor('build', { experimental: { collectionStorage: { type: 'chunked', chunkSize: 1024 } } }).code).toBeNull();
    expect(pluginFor('build', { experimental: { incrementalBuild: true } }).code).toBeNull();
  });

  it('reads the file under the cache folder Astro settled on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-cache-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'data-store.json'), '[]');
    expect(pluginFor('build', { cacheDir: pathToFileURL(`${dir}/`) }).code).toContain(JSON.stringify(join(dir, 'data-store.json')));
  });

  it('targets the module id and file Astro itself uses', () => {
    // If Astro renames them, this fails rather than the plugin silently doing nothing.
    const consts = readFileSync(join(import.meta.dirname, '../../node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content"');
    expect(consts).toContain('const DATA_STORE_FILE = "data-store.json"');
  });
});
