import { Worker } from 'node:worker_threads';
import type { Corpus } from '../lib/pipeline.ts';
import { sameCorpus, type AuthorPages, type CorpusKey, type RenderedFragments } from '../lib/shared-corpus.ts';
import type { DataFilesCommand, DataFilesJob, DataFilesMessage, DataFilesOutcome } from './data-files-worker.ts';

/** A running data-files worker: it parses as soon as it starts, and gets its job once Astro's config is known. */
export interface DataFilesWorkerHandle {
  /** The parsed corpus; rejects if the worker fails before it has one. */
  corpus: Promise<Corpus>;
  /** The papers' rendered fragments; rejects if the worker fails before it has them. */
  fragments: Promise<RenderedFragments>;
  /** Every author page's content; rejects if the worker fails before it has it. */
  authorPages: Promise<AuthorPages>;
  /** How the worker ended: its files written, or why not. */
  outcome: Promise<DataFilesOutcome>;
  /** Gives the worker the site settings and output folder it makes the data files for. */
  start(job: DataFilesJob): void;
  /** Tells the worker that Astro has emptied the output folder, so it may write there. */
  write(): void;
  terminate(): Promise<number>;
}

/** Starts a data-files worker thread that begins parsing `parse.dataDir` at once (without `parse`: the site config's, read by the worker). */
export function startDataFilesWorker(parse?: CorpusKey): DataFilesWorkerHandle {
  const worker = new Worker(new URL('./data-files-worker.ts', import.meta.url), { workerData: parse ?? null });
  // A build that fails before the end must not wait for the worker.
  worker.unref();
  const corpus = Promise.withResolvers<Corpus>();
  const fragments = Promise.withResolvers<RenderedFragments>();
  const authorPages = Promise.withResolvers<AuthorPages>();
  const handedOver = [corpus, fragments, authorPages];
  // Nobody may be waiting for them yet: their failure must not crash the process as an unhandled rejection.
  for (const value of handedOver) value.promise.catch(() => undefined);
  // After a value was handed over, rejecting it changes nothing; before, its taker must not wait for ever.
  const fail = (error: Error) => {
    for (const value of handedOver) value.reject(error);
  };
  const outcome = new Promise<DataFilesOutcome>((settle) => {
    worker.on('message', (message: DataFilesMessage) => {
      if (message.type === 'corpus') return corpus.resolve(message.corpus);
      if (message.type === 'fragments') return fragments.resolve(message.rendered);
      if (message.type === 'author-pages') return authorPages.resolve(message.pages);
      fail(new Error(message.outcome.ok ? 'the data-files worker sent no corpus' : message.outcome.error));
      settle(message.outcome);
    });
    // The loader, the route data and the author pages then do the work themselves; the build still fails at the end for want of the data files.
    worker.once('error', (error) => {
      fail(error);
      settle({ ok: false, error: error.stack || error.message });
    });
    worker.once('exit', (code) => {
      fail(new Error(`the data-files worker exited with code ${code}`));
      settle({ ok: false, error: `the data-files worker exited with code ${code}` });
    });
  });
  const send = (command: DataFilesCommand) => worker.postMessage(command);
  return {
    corpus: corpus.promise,
    fragments: fragments.promise,
    authorPages: authorPages.promise,
    outcome,
    start: (job) => send({ type: 'job', job }),
    write: () => send({ type: 'write' }),
    terminate: () => worker.terminate(),
  };
}

// A worker started before Astro (src/cli/parse-early.ts), waiting for the integration to adopt it. On globalThis:
// the integration is loaded by Vite's module runner, which evaluates its own copy of this module.
const EARLY = Symbol.for('papershelf.earlyDataFilesWorker');
type Slot = { [EARLY]?: { handle: DataFilesWorkerHandle; parse: CorpusKey } };

/** Offers a worker started before Astro, parsing `parse`, to the papershelf integration of this process. */
export function publishEarlyWorker(handle: DataFilesWorkerHandle, parse: CorpusKey): void {
  (globalThis as Slot)[EARLY] = { handle, parse };
}

/**
 * The early worker if it parses what `parse` asks for, taken once; null if there is none. One that parses
 * something else (another data folder or category settings) is stopped: its results would be of no use.
 */
export function takeEarlyWorker(parse: CorpusKey): DataFilesWorkerHandle | null {
  const slot = globalThis as Slot;
  const early = slot[EARLY];
  delete slot[EARLY];
  if (!early) return null;
  if (sameCorpus(early.parse, parse)) return early.handle;
  void early.handle.terminate();
  return null;
}
