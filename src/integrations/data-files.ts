import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { DataFilesConfig } from '../lib/data-files.ts';
import { publishAuthorPages, publishCorpus, publishFragments } from '../lib/shared-corpus.ts';
import { startDataFilesWorker, takeEarlyWorker, type DataFilesWorkerHandle } from './data-files-worker-handle.ts';
import type { DataFilesOutcome } from './data-files-worker.ts';

/**
 * Astro integration that publishes the data files (feeds, papers.json, search assets). In `astro build` a
 * worker thread parses the data folder (handing the corpus to the content loader, src/lib/shared-corpus.ts),
 * generates the files while Astro renders the pages on the main thread, and writes them once Astro has
 * emptied the output folder; the build waits for it at the end and fails if it failed. In `astro dev` they
 * are generated in-process on first request and again after a dump changes.
 */

// What the data folder holds, cheaply: each dump's (and sources.json's) path, size and modification time.
async function folderFingerprint(dataDir: string): Promise<string> {
  const { listDumps } = await import('../lib/read-data-dir.ts');
  const files = [...(await listDumps(dataDir)), 'sources.json'];
  const stats = await Promise.all(files.map((file) => stat(join(dataDir, file)).then((info) => `${file}:${info.size}:${info.mtimeMs}`, () => `${file}:-`)));
  return stats.join('|');
}
export function dataFilesIntegration(config: DataFilesConfig): AstroIntegration {
  let command = '';
  let worker: DataFilesWorkerHandle | null = null;
  let outcome: Promise<DataFilesOutcome> | null = null;
  const dataDir = resolve(config.dataDir);

  return {
    name: 'papershelf-data-files',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config: astroConfig, logger }) => {
        if (command !== 'build') return;
        // Started before Astro by `npm run build` (src/cli/parse-early.ts), or now: either way the worker parses
        // while Astro prepares the content sync, whose loader then takes its corpus.
        const parse = { dataDir: config.dataDir, categories: config.categories };
        const early = takeEarlyWorker(parse);
        if (early) logger.info('the dumps have been parsing since the build started (npm run build)');
        const started = early ?? startDataFilesWorker(parse);
        publishCorpus(config, started.corpus);
        publishFragments(config, started.fragments);
        publishAuthorPages(config, started.authorPages);
        started.start({ config: { ...config, site: astroConfig.site ?? config.site, base: astroConfig.base }, outDir: fileURLToPath(astroConfig.outDir) });
        outcome = started.outcome;
        worker = started;
      },
      // Called once Astro has emptied the output folder: from now on the worker may write there.
      'astro:build:setup': () => {
        worker?.write();
      },
      'astro:build:done': async ({ logger }) => {
        if (!outcome) return;
        const result = await outcome;
        await worker?.terminate();
        worker = null;
        if (!result.ok) throw new Error(`writing the data files (feeds, papers.json, search index) failed: ${result.error}`);
        logger.info(`${result.files} data files (feeds, papers.json, search index), ${(result.bytes / 2 ** 20).toFixed(1)} MiB, in ${result.seconds.toFixed(2)} s on a worker thread${result.cpuSeconds === null ? '' : ` (${result.cpuSeconds.toFixed(2)} s of its CPU, the dumps' parse included)`}`);
      },
      'astro:server:setup': async ({ server, logger }) => {
        // The data files' code (the parsing pipeline, feeds, search index) is loaded only here, for `astro dev`:
        // astro.config.mjs imports this module, and everything it imports is loaded before a build can start.
        const { dataFileType, dataFilesOfFolder, isDataFilePath } = await import('../lib/data-files.ts');
        // Regenerated when the folder's fingerprint changes, so no file-watcher event can be missed.
        let files: { fingerprint: string; map: Promise<Map<string, string>> } | null = null;
        const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
        const collect = async () => {
          const map = new Map<string, string>();
          for await (const file of dataFilesOfFolder(config)) map.set(file.path, file.content);
          return map;
        };
        const current = async () => {
          const fingerprint = await folderFingerprint(dataDir);
          if (files?.fingerprint !== fingerprint) files = { fingerprint, map: collect() };
          return files.map;
        };
        server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
          const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://dev.local').pathname);
          const path = pathname.startsWith(base) ? pathname.slice(base.length) : null;
          if (path === null || !isDataFilePath(path)) return next();
          current().then(
            (map) => {
              const content = map.get(path);
              if (content === undefined) return next();
              response.setHeader('Content-Type', dataFileType(path));
              response.end(content);
            },
            (error: unknown) => {
              files = null;
              logger.error(error instanceof Error ? error.message : String(error));
              next(error);
            },
          );
        });
      },
    },
  };
}
