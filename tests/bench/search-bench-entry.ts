/**
 * Browser side of the search benchmark, bundled by esbuild (search-browser.ts) and served at /__bench/. Loads
 * the site's index with the site's own options and times `MiniSearch.loadJSONAsync` (and, for comparison,
 * `loadJSON`) and `index.search`.
 */
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, SEARCH_OPTIONS, type SearchDocument } from '../../src/lib/search/search-options.ts';

/** How long fetching and loading the index took. */
export interface LoadTiming {
  fetchMs: number;
  /** `MiniSearch.loadJSONAsync`, what the site uses. */
  loadMs: number;
  /** `MiniSearch.loadJSON` (synchronous) on the same JSON, for comparison. */
  syncLoadMs: number;
  chars: number;
  documents: number;
  terms: number;
}

/** One timed query. */
export interface QueryTiming {
  ms: number;
  hits: number;
}

/** What the page exposes to the benchmark. */
export interface BenchApi {
  load: (url: string) => Promise<LoadTiming>;
  run: (queries: readonly string[]) => QueryTiming[];
  isolated: () => boolean;
}

let index: MiniSearch<SearchDocument> | null = null;

async function load(url: string): Promise<LoadTiming> {
  index = null;
  const start = performance.now();
  const json = await (await fetch(url, { cache: 'no-store' })).text();
  const fetched = performance.now();
  index = await MiniSearch.loadJSONAsync<SearchDocument>(json, INDEX_OPTIONS);
  const loaded = performance.now();
  MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
  const syncLoadMs = performance.now() - loaded;
  return { fetchMs: fetched - start, loadMs: loaded - fetched, syncLoadMs, chars: json.length, documents: index.documentCount, terms: index.termCount };
}

function run(queries: readonly string[]): QueryTiming[] {
  const loaded = index;
  if (loaded === null) throw new Error('load the index first');
  return queries.map((query) => {
    const start = performance.now();
    const hits = loaded.search(query, SEARCH_OPTIONS).length;
    return { ms: performance.now() - start, hits };
  });
}

const api: BenchApi = { load, run, isolated: () => globalThis.crossOriginIsolated };
(globalThis as unknown as { papershelfBench: BenchApi }).papershelfBench = api;
