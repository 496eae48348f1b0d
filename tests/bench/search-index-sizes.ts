/**
 * Sizes of a site's search assets (the title index, the full index and the snippet chunks, raw, gzip and
 * brotli), and, for comparison, of an index of abstracts alone (the other way to split).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { Paper } from '../../src/lib/schema.ts';
import { fullDocuments } from '../../src/lib/search/build-index.ts';
import { FULL_INDEX_OPTIONS, FULL_INDEX_PATH, TITLE_INDEX_PATH } from '../../src/lib/search/search-options.ts';
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
  /** search/index.json: every field, abstracts included, and the same display fields. */
  full: CompressedSize;
  /** `setTimeout(0)` yields `MiniSearch.loadJSONAsync` would make for both (one per 1,000 entries of each map it rebuilds). */
  asyncLoadYields: number;
  chunks: { count: number; totalRaw: number; medianRaw: number; maxRaw: number; medianGzip: number; p95Gzip: number };
}

/** Size of an index of abstracts alone, nothing stored: the other way to split, for comparison. */
export interface AbstractOnlySize {
  abstractsOnly: CompressedSize;
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
  const full = readFileSync(join(dist, FULL_INDEX_PATH));
  return {
    titles: compressedSize(titles),
    full: compressedSize(full),
    asyncLoadYields: asyncLoadYields(titles.toString('utf8')) + asyncLoadYields(full.toString('utf8')),
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

/** Builds an index of abstracts alone (no stored fields) with the site's options, and measures it. */
export function abstractOnlySize(papers: readonly Paper[]): AbstractOnlySize {
  const index = new MiniSearch({ ...FULL_INDEX_OPTIONS, fields: ['abstract'], storeFields: [] });
  index.addAll(fullDocuments(papers));
  return { abstractsOnly: compressedSize(JSON.stringify(index)) };
}
