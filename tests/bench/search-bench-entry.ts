/**
 * Browser side of the search benchmark, bundled by esbuild (search-browser.ts) and served at /__bench/. Loads
 * the site's two indexes (title, full) with the site's own options, times `MiniSearch.loadJSON` (what the site
 * uses) and, for comparison, `loadJSONAsync`, and times queries through the site's `searchIndexes`.
 */
import MiniSearch from 'minisearch';
import { searchIndexes, type SearchIndexes } from '../../src/lib/search/query.ts';
import { FULL_INDEX_OPTIONS, TITLE_INDEX_OPTIONS, type FullDocument, type TitleDocument } from '../../src/lib/search/search-options.ts';

/** How long fetching and loading one index took. */
export interface IndexLoad {
  fetchMs: number;
  /** `MiniSearch.loadJSON` (synchronous), what the site uses. */
  syncLoadMs: number;
  /** `MiniSearch.loadJSONAsync` on the same JSON, for comparison. */
  loadMs: number;
  chars: number;
  documents: number;
  terms: number;
}

/** Both indexes' loads. */
export interface LoadTiming {
  titles: IndexLoad;
  full: IndexLoad;
}

/** One timed query. */
export interface QueryTiming {
  ms: number;
  hits: number;
}

/** What the page exposes to the benchmark. */
export interface BenchApi {
  load: (titlesUrl: string, fullUrl: string) => Promise<LoadTiming>;
  /** Runs the queries over the full index, or over the title index only (the suggestions before the full index arrives). */
  run: (queries: readonly string[], titlesOnly: boolean) => QueryTiming[];
  isolated: () => boolean;
}

let indexes: SearchIndexes | null = null;

async function loadOne<T>(url: string, options: Parameters<typeof MiniSearch.loadJSON<T>>[1]): Promise<{ index: MiniSearch<T>; timing: IndexLoad }> {
  const start = performance.now();
  const json = await (await fetch(url, { cache: 'no-store' })).text();
  const fetched = performance.now();
  const index = MiniSearch.loadJSON<T>(json, options);
  const loaded = performance.now();
  await MiniSearch.loadJSONAsync<T>(json, options);
  const asyncMs = performance.now() - loaded;
  return { index, timing: { fetchMs: fetched - start, syncLoadMs: loaded - fetched, loadMs: asyncMs, chars: json.length, documents: index.documentCount, terms: index.termCount } };
}

async function load(titlesUrl: string, fullUrl: string): Promise<LoadTiming> {
  indexes = null;
  const titles = await loadOne<TitleDocument>(titlesUrl, TITLE_INDEX_OPTIONS);
  const full = await loadOne<FullDocument>(fullUrl, FULL_INDEX_OPTIONS);
  indexes = { titles: titles.index, full: full.index };
  return { titles: titles.timing, full: full.timing };
}

function run(queries: readonly string[], titlesOnly: boolean): QueryTiming[] {
  const loaded = indexes;
  if (loaded === null) throw new Error('load the indexes first');
  const using: SearchIndexes = titlesOnly ? { titles: loaded.titles, full: null } : loaded;
  return queries.map((query) => {
    const start = performance.now();
    const hits = searchIndexes(using, query).length;
    return { ms: performance.now() - start, hits };
  });
}

const api: BenchApi = { load, run, isolated: () => globalThis.crossOriginIsolated };
(globalThis as unknown as { papershelfBench: BenchApi }).papershelfBench = api;
