import { resolve } from 'node:path';
import type { CategoryPreference } from './categories.ts';
import type { Corpus } from './pipeline.ts';
import type { PaperFragments } from './render/paper-fragments.ts';
import type { Paper } from './schema.ts';

/**
 * Hands what the data-files worker of an `astro build` makes to the main thread: the parsed corpus to the content
 * loader, so the dumps are parsed and merged once per build and off the main thread that renders the pages, and
 * the papers' rendered fragments to the route data and the author pages' content to the author pages. The integration publishes each as a promise on globalThis:
 * the loader and the pages run in Vite's module runner and in Astro's prerender bundle, which evaluate their own
 * copies of this module in the same thread, so a module variable would not be shared. The loader in turn hands
 * the route data the records it has just stored, so the pages need not read back the data store Astro wrote (a
 * second copy of every record). Only shortcuts: a taker that finds nothing for its data folder, or a promise
 * that fails, does the work itself.
 */

const CORPUS = Symbol.for('papershelf.sharedCorpus');
const FRAGMENTS = Symbol.for('papershelf.sharedFragments');
const STORED = Symbol.for('papershelf.storedRecords');
const AUTHOR_PAGES = Symbol.for('papershelf.authorPages');

/** Which corpus: the same data folder and category settings give the same records and report. */
export interface CorpusKey {
  dataDir: string;
  categories?: CategoryPreference | undefined;
}

/** The fragments of every paper of a corpus, by id, and the messages of formulas shown as source. */
export interface RenderedFragments {
  fragments: ReadonlyArray<readonly [string, PaperFragments]>;
  warnings: readonly string[];
}

/** Every author page's content, by author slug (render/author-html.ts). */
export type AuthorPages = ReadonlyArray<readonly [string, string]>;

interface Published<T> {
  key: string;
  value: Promise<T>;
}

type Slots = {
  [CORPUS]?: Published<Corpus>;
  [FRAGMENTS]?: Published<RenderedFragments>;
  [STORED]?: Published<readonly Paper[]>;
  [AUTHOR_PAGES]?: Published<AuthorPages>;
};
type Slot = keyof Slots;

function keyOf({ dataDir, categories }: CorpusKey): string {
  return JSON.stringify([resolve(dataDir), categories ?? {}]);
}

/** True when two keys name the same corpus (the data folder resolved, the same category settings). */
export function sameCorpus(a: CorpusKey, b: CorpusKey): boolean {
  return keyOf(a) === keyOf(b);
}

function publish<S extends Slot>(slot: S, key: CorpusKey, value: NonNullable<Slots[S]>['value']): void {
  // The taker may fall back to doing the work itself; a rejection nobody awaits must not crash the build.
  value.catch(() => undefined);
  (globalThis as Slots)[slot] = { key: keyOf(key), value } as Slots[S];
}

function take<S extends Slot>(slot: S, key: CorpusKey): NonNullable<Slots[S]>['value'] | null {
  const slots = globalThis as Slots;
  const published = slots[slot];
  if (!published || published.key !== keyOf(key)) return null;
  delete slots[slot];
  return published.value as NonNullable<Slots[S]>['value'];
}

/** Publishes the corpus being parsed for `key` to the content loader of this process. */
export function publishCorpus(key: CorpusKey, corpus: Promise<Corpus>): void {
  publish(CORPUS, key, corpus);
}

/** The corpus published for `key`, taken once (a later load parses afresh), or null when there is none. */
export function takeCorpus(key: CorpusKey): Promise<Corpus> | null {
  return take(CORPUS, key);
}

/** Publishes the fragments being rendered for the corpus of `key` to the route data of this process. */
export function publishFragments(key: CorpusKey, fragments: Promise<RenderedFragments>): void {
  publish(FRAGMENTS, key, fragments);
}

/** The fragments published for `key`, taken once, or null when there are none. */
export function takeFragments(key: CorpusKey): Promise<RenderedFragments> | null {
  return take(FRAGMENTS, key);
}

/** What the route data logs when it takes the records the content loader stored (a build test looks for it). */
export const STORED_RECORDS_MESSAGE = '[papershelf] the pages take the records the content loader stored';

/** Publishes the records the content loader has stored for the corpus of `key` to the route data of this process. */
export function publishStoredRecords(key: CorpusKey, records: readonly Paper[]): void {
  publish(STORED, key, Promise.resolve(records));
}

/** The records the content loader stored for `key`, taken once, or null when it published none. */
export function takeStoredRecords(key: CorpusKey): Promise<readonly Paper[]> | null {
  return take(STORED, key);
}

/** Publishes the author pages' content being made for the corpus of `key` to the author pages of this process. */
export function publishAuthorPages(key: CorpusKey, pages: Promise<AuthorPages>): void {
  publish(AUTHOR_PAGES, key, pages);
}

/** The author pages' content published for `key`, taken once, or null when there is none. */
export function takeAuthorPages(key: CorpusKey): Promise<AuthorPages> | null {
  return take(AUTHOR_PAGES, key);
}
