/**
 * Sizes of a site's search assets (the title index, the abstract index and the snippet chunks, raw, gzip and
 * brotli), and, for comparison, of the single index with every field that the site shipped before.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { Paper } from '../../src/lib/schema.ts';
import { abstractDocuments, titleDocuments } from '../../src/lib/search/build-index.ts';
import { ABSTRACT_INDEX_PATH, TITLE_INDEX_OPTIONS, TITLE_INDEX_PATH } from '../../src/lib/search/search-options.ts';
import { median, percentile } from './bench-report.ts';

/** Raw, gzip (level 9) and brotli (quality 11) sizes of one file. */
export interface CompressedSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Sizes of a site's search assets. */
export interface SearchAssetSizes {
  /** search/titles.json: titles, authors, categories and the stored display fields. */
  titles: CompressedSize;
  /** search/abstracts.json: abstracts only. */
  abstracts: CompressedSize;
  /** `setTimeout(0)` yields `MiniSearch.loadJSONAsync` would make for both (one per 1,000 entries of each map it rebuilds). */
  asyncLoadYields: number;
  chunks: { count: number; totalRaw: number; medianRaw: number; maxRaw: number; medianGzip: number; p95Gzip: number };
}

/** Size of the one index with every field and the stored fields (the design before the split), for comparison. */
export interface SingleIndexSize {
  single: CompressedSize;
}

/** Raw, gzip -9 and brotli -11 sizes of a buffer or string. */
export function compressedSize(data: Buffer | string): CompressedSize {
  const buffer = typeof data === 'string' ? Buffer.from(data) : data;
  const brotli = brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } });
  return { raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, brotli: brotli.length };
}

/** Sizes of the two indexes and `search/text/*.json` in a built site (or an index-only folder of the same shape). */
export function searchAssetSizes(dist: string): SearchAssetSizes {
  const textDir = join(dist, 'search/text');
  const chunkFiles = readdirSync(textDir).filter((name) => name.endsWith('.json'));
  const raw = chunkFiles.map((name) => statSync(join(textDir, name)).size);
  const gzip = chunkFiles.map((name) => gzipSync(readFileSync(join(textDir, name)), { level: 9 }).length);
  const titles = readFileSync(join(dist, TITLE_INDEX_PATH));
  const abstracts = readFileSync(join(dist, ABSTRACT_INDEX_PATH));
  return {
    titles: compressedSize(titles),
    abstracts: compressedSize(abstracts),
    asyncLoadYields: asyncLoadYields(titles.toString('utf8')) + asyncLoadYields(abstracts.toString('utf8')),
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

/** Builds the one index with every field (title, authors, categories, abstract) and the stored fields, and measures it. */
export function singleIndexSize(papers: readonly Paper[]): SingleIndexSize {
  const abstracts = new Map(abstractDocuments(papers).map((document) => [document.id, document.abstract]));
  const documents = titleDocuments(papers).map((document) => ({ ...document, abstract: abstracts.get(document.id) ?? '' }));
  const index = new MiniSearch<(typeof documents)[number]>({ ...TITLE_INDEX_OPTIONS, fields: ['title', 'authors', 'categories', 'abstract'] } as never);
  index.addAll(documents);
  return { single: compressedSize(JSON.stringify(index)) };
}
