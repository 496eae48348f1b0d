import { resolve } from 'node:path';
import type { CategoryPreference } from './categories.ts';
import type { Corpus } from './pipeline.ts';

/**
 * Hands the corpus that the data-files worker of an `astro build` parses to the content loader, so the dumps
 * are parsed and merged once per build, and off the main thread that renders the pages. The integration
 * publishes the worker's result as a promise on globalThis: the loader runs in Vite's module runner, which
 * evaluates its own copy of this module in the same thread, so a module variable would not be shared. Only a
 * shortcut: a loader that finds nothing for its data folder, or a promise that fails, parses the dumps itself.
 */

const SLOT = Symbol.for('papershelf.sharedCorpus');

/** Which corpus: the same data folder and category settings give the same records and report. */
export interface CorpusKey {
  dataDir: string;
  categories?: CategoryPreference | undefined;
}

interface Published {
  key: string;
  corpus: Promise<Corpus>;
}

type Slot = { [SLOT]?: Published };

function keyOf({ dataDir, categories }: CorpusKey): string {
  return JSON.stringify([resolve(dataDir), categories ?? {}]);
}

/** Publishes the corpus being parsed for `key` to the content loader of this process. */
export function publishCorpus(key: CorpusKey, corpus: Promise<Corpus>): void {
  // The loader may fall back to parsing itself; a rejection nobody awaits must not crash the build.
  corpus.catch(() => undefined);
  (globalThis as Slot)[SLOT] = { key: keyOf(key), corpus };
}

/** The corpus published for `key`, taken once (a later load parses afresh), or null when there is none. */
export function takeCorpus(key: CorpusKey): Promise<Corpus> | null {
  const slot = globalThis as Slot;
  const published = slot[SLOT];
  if (!published || published.key !== keyOf(key)) return null;
  delete slot[SLOT];
  return published.corpus;
}
