/**
 * Sizes of a site's search assets (the index and the snippet chunks, raw, gzip and brotli), and of the two
 * halves a split index would ship: a title/author/category index and an abstract index.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { Paper } from '../../src/lib/schema.ts';
import { searchDocuments } from '../../src/lib/search/build-index.ts';
import { INDEX_OPTIONS, INDEX_PATH, type SearchDocument } from '../../src/lib/search/search-options.ts';
import { median, percentile } from './bench-report.ts';

/** Raw, gzip (level 9) and brotli (quality 11) sizes of one file. */
export interface CompressedSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Sizes of a site's search assets. */
export interface SearchAssetSizes {
  index: CompressedSize;
  /** `setTimeout(0)` yields `MiniSearch.loadJSONAsync` makes for this index (one per 1,000 entries of each map it rebuilds). */
  asyncLoadYields: number;
  chunks: { count: number; totalRaw: number; medianRaw: number; maxRaw: number; medianGzip: number; p95Gzip: number };
}

/** Sizes of the two indexes a split design would ship. */
export interface SplitIndexSizes {
  /** Title, authors and categories, with the stored display fields: what the header box needs. */
  titleAuthors: CompressedSize;
  /** Abstracts only, no stored fields: loaded after, for full-text results. */
  abstracts: CompressedSize;
}

/** Raw, gzip -9 and brotli -11 sizes of a buffer or string. */
export function compressedSize(data: Buffer | string): CompressedSize {
  const buffer = typeof data === 'string' ? Buffer.from(data) : data;
  const brotli = brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } });
  return { raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, brotli: brotli.length };
}

/** Sizes of `search/index.json` and `search/text/*.json` in a built site (or an index-only folder of the same shape). */
export function searchAssetSizes(dist: string): SearchAssetSizes {
  const textDir = join(dist, 'search/text');
  const chunkFiles = readdirSync(textDir).filter((name) => name.endsWith('.json'));
  const raw = chunkFiles.map((name) => statSync(join(textDir, name)).size);
  const gzip = chunkFiles.map((name) => gzipSync(readFileSync(join(textDir, name)), { level: 9 }).length);
  const index = readFileSync(join(dist, INDEX_PATH));
  return {
    index: compressedSize(index),
    asyncLoadYields: asyncLoadYields(index.toString('utf8')),
    chunks: {
      count: chunkFiles.length,
      totalRaw: raw.reduce((sum, size) => sum + size, 0),
      medianRaw: median(raw),
      maxRaw: Math.max(...raw),
      medianGzip: median(gzip),
      p95Gzip: percentile(gzip, 95),
    },
  };
}

interface SerializedIndex {
  index: Array<[string, Record<string, Record<string, unknown>>]>;
  documentIds: Record<string, unknown>;
  fieldLength: Record<string, unknown>;
  storedFields: Record<string, unknown>;
}

/** How many `setTimeout(0)` yields MiniSearch 7's `loadJSONAsync` makes for a serialised index (mirrors its loop). */
export function asyncLoadYields(json: string): number {
  const parsed = JSON.parse(json) as SerializedIndex;
  const per = (count: number) => Math.floor(count / 1000);
  let yields = per(Object.keys(parsed.documentIds).length) + per(Object.keys(parsed.fieldLength).length) + per(Object.keys(parsed.storedFields).length);
  for (const [, fields] of parsed.index) for (const postings of Object.values(fields)) yields += per(Object.keys(postings).length);
  return yields + per(parsed.index.length);
}

function indexJson(documents: readonly SearchDocument[], fields: string[], storeFields: string[]): string {
  const index = new MiniSearch<SearchDocument>({ ...INDEX_OPTIONS, fields, storeFields });
  index.addAll(documents);
  return JSON.stringify(index);
}

/** Builds the two halves of a split index with the site's options and measures them. */
export function splitIndexSizes(papers: readonly Paper[]): SplitIndexSizes {
  const documents = searchDocuments(papers);
  return {
    titleAuthors: compressedSize(indexJson(documents, ['title', 'authors', 'categories'], [...(INDEX_OPTIONS.storeFields ?? [])])),
    abstracts: compressedSize(indexJson(documents, ['abstract'], [])),
  };
}
