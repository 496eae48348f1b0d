import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { dataFileType, dataFilesOfFolder, isDataFilePath, type DataFilesConfig } from '../lib/data-files.ts';
import { listDumps } from '../lib/read-data-dir.ts';
import type { Corpus } from '../lib/pipeline.ts';
import { publishCorpus } from '../lib/shared-corpus.ts';
import type { DataFilesJob, DataFilesMessage, DataFilesOutcome } from './data-files-worker.ts';

/**
 * Astro integration that publishes the data files (feeds, papers.json, search assets). In `astro build` a
 * worker thread parses the data folder (handing the corpus to the content loader, src/lib/shared-corpus.ts),
 * generates the files while Astro renders the pages on the main thread, and writes them once Astro has
 * emptied the output folder; the build waits for it at the end and fails if it failed. In `astro dev` they
 * are generated in-process on first request and again after a dump changes.
 */

// What the data folder holds, cheaply: each dump's (and sources.json's) path, size and modification time.
async function folderFingerprint(dataDir: string): Promise<string> {
  const files = [...(await listDumps(dataDir)), 'sources.json'];
  const stats = await Promise.all(files.map((file) => stat(join(dataDir, file)).then((info) => `${file}:${info.size}:${info.mtimeMs}`, () => `${file}:-`)));
  return stats.join('|');
}
export function dataFilesIntegration(config: DataFilesConfig): AstroIntegration {
  let command = '';
  let worker: Worker | null = null;
  let outcome: Promise<DataFilesOutcome> | null = null;
  const dataDir = resolve(config.dataDir);

  return {
    name: 'papershelf-data-files',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config: astroConfig }) => {
        if (command !== 'build') return;
        // Started now, the worker parses while Astro prepares the content sync, whose loader then takes its corpus.
        const job: DataFilesJob = {
          config: { ...config, site: astroConfig.site ?? config.site, base: astroConfig.base },
          outDir: fileURLToPath(astroConfig.outDir),
        };
        const started = new Worker(new URL('./data-files-worker.ts', import.meta.url), { workerData: job });
        // A build that fails before the end must not wait for the worker.
        started.unref();
        const corpus = Promise.withResolvers<Corpus>();
        publishCorpus(config, corpus.promise);
        outcome = new Promise<DataFilesOutcome>((settle) => {
          started.on('message', (message: DataFilesMessage) => {
            if (message.type === 'corpus') return corpus.resolve(message.corpus);
            // Done without a corpus (the worker failed before it had one): the loader must not wait for it.
            // After the corpus was handed over, this rejection changes nothing.
            corpus.reject(new Error(message.outcome.ok ? 'the data-files worker sent no corpus' : message.outcome.error));
            settle(message.outcome);
          });
          // The loader then parses the dumps itself; the build still fails at the end for want of the data files.
          started.once('error', (error) => {
            corpus.reject(error);
            settle({ ok: false, error: error.stack ?? error.message });
          });
          started.once('exit', (code) => {
            corpus.reject(new Error(`the data-files worker exited with code ${code}`));
            settle({ ok: false, error: `the data-files worker exited with code ${code}` });
          });
        });
        worker = started;
      },
      // Called once Astro has emptied the output folder: from now on the worker may write there.
      'astro:build:setup': () => {
        worker?.postMessage('write');
      },
      'astro:build:done': async ({ logger }) => {
        if (!outcome) return;
        const result = await outcome;
        await worker?.terminate();
        worker = null;
        if (!result.ok) throw new Error(`writing the data files (feeds, papers.json, search index) failed: ${result.error}`);
        logger.info(`${result.files} data files (feeds, papers.json, search index), ${(result.bytes / 2 ** 20).toFixed(1)} MiB, in ${result.seconds.toFixed(2)} s on a worker thread`);
      },
      'astro:server:setup': ({ server, logger }) => {
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
